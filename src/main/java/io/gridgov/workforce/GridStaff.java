package io.gridgov.workforce;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/**
 * Who answers for a grid: the query API of the workforce for other modules. The case loop
 * dispatches to a grid's lead and lets a grid worker verify the cases of their grids; campaigns
 * hand follow-up lists to the responsible worker. Only active workers count.
 */
public interface GridStaff {

	/**
	 * The worker responsible for the grid: its lead when the lead is active, otherwise the first
	 * active worker of the grid (by name); empty when the grid has no active worker.
	 */
	Optional<StaffMember> leadOf(RegionCode grid);

	/** The active workers of a grid, lead first, then by name. */
	List<StaffMember> workersOf(RegionCode grid);

	/** The active worker record linked to a user account, with the grids they serve. */
	Optional<StaffMember> workerOfUser(UUID userId);

	/** The grids served by the active worker linked to the user account, in code order; empty for other users. */
	List<RegionCode> gridsOfUser(UUID userId);

	/** An active worker by id. */
	Optional<StaffMember> find(UUID workerId);
}
