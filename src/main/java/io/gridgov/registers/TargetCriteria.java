package io.gridgov.registers;

import java.util.Set;

import io.gridgov.platform.scope.RegionCode;

/**
 * Target-group criteria; empty sets mean "any". {@code residency} null means any; it and
 * {@code tagCodes} apply to residents, {@code enterpriseFlags} to enterprises (all flags must be held).
 * {@code regions} are grids, communities or the subdistrict; a subject matches when its grid lies in any.
 */
public record TargetCriteria(SubjectKind kind, Set<String> tagCodes, Set<RegionCode> regions, Residency residency,
		Set<EnterpriseFlag> enterpriseFlags) {

	public TargetCriteria {
		tagCodes = tagCodes == null ? Set.of() : Set.copyOf(tagCodes);
		regions = regions == null ? Set.of() : Set.copyOf(regions);
		enterpriseFlags = enterpriseFlags == null ? Set.of() : Set.copyOf(enterpriseFlags);
	}
}
