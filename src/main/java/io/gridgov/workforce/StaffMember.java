package io.gridgov.workforce;

import java.util.List;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/**
 * A grid worker as other modules see them: no phone, only who they are, the account they sign in
 * with (may be null), the grids they serve and those they lead.
 */
public record StaffMember(UUID workerId, String name, UUID userId, List<RegionCode> grids, List<RegionCode> leads) {

	public StaffMember {
		grids = List.copyOf(grids);
		leads = List.copyOf(leads);
	}

	public boolean leads(RegionCode grid) {
		return leads.contains(grid);
	}
}
