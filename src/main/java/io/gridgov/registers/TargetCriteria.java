package io.gridgov.registers;

import java.util.Set;

import io.gridgov.platform.scope.RegionCode;

/**
 * Target-group criteria; empty sets mean "any". A subject matches when its grid lies in any of
 * {@code regions} (grids, communities or a subdistrict), it carries any of {@code tagCodes}, and
 * (for enterprises) holds any of {@code enterpriseFlags}; {@code residency} null means any.
 * Residents match only while PRESENT; a household matches through its present members' tags and
 * residency.
 */
public record TargetCriteria(SubjectKind kind, Set<String> tagCodes, Set<RegionCode> regions, Residency residency,
		Set<EnterpriseFlag> enterpriseFlags) {

	public TargetCriteria {
		tagCodes = tagCodes == null ? Set.of() : Set.copyOf(tagCodes);
		regions = regions == null ? Set.of() : Set.copyOf(regions);
		enterpriseFlags = enterpriseFlags == null ? Set.of() : Set.copyOf(enterpriseFlags);
	}
}
