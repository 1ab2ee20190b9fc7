package io.gridgov.workforce;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** Who answers for a grid: the query API of the workforce for other modules (campaigns, cases). */
public interface GridStaff {

	/**
	 * The worker responsible for the grid: its lead when the lead is active, otherwise the first
	 * active worker of the grid (by name); empty when the grid has no active worker.
	 */
	Optional<StaffMember> leadOf(RegionCode grid);

	/** The grids served by the active worker linked to the user account, in code order; empty for other users. */
	List<RegionCode> gridsOfUser(UUID userId);
}
