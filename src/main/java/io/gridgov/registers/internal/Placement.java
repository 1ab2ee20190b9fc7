package io.gridgov.registers.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.gridgov.geo.GridHit;
import io.gridgov.geo.GridLocator;
import io.gridgov.geo.Grids;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.scope.RegionLevel;
import io.gridgov.platform.tabular.Normalise;

/**
 * Puts a register entry into its grid: the grid chosen, or else the grid of the address point by
 * geo's locator. The grid must exist and lie in the actor's scope (a grid worker registers only in
 * their own grids).
 */
@Component
class Placement {

	private final Grids grids;
	private final GridLocator locator;

	Placement(Grids grids, GridLocator locator) {
		this.grids = grids;
		this.locator = locator;
	}

	RegionCode grid(String gridCode, Double longitude, Double latitude, Actor actor) {
		RegionCode grid;
		if (gridCode != null && !gridCode.isBlank()) {
			String code = Normalise.code(gridCode);
			if (!RegionCode.isValid(code) || RegionCode.of(code).level() != RegionLevel.GRID
					|| grids.find(RegionCode.of(code)).isEmpty()) {
				throw new DomainException(ErrorKind.INVALID, "registers.grid-unknown", code);
			}
			grid = RegionCode.of(code);
		}
		else if (longitude != null && latitude != null) {
			if (!Double.isFinite(longitude) || !Double.isFinite(latitude) || Math.abs(longitude) > 180
					|| Math.abs(latitude) > 90) {
				throw new DomainException(ErrorKind.INVALID, "registers.point-invalid");
			}
			Optional<GridHit> hit = locator.locate(longitude, latitude);
			grid = hit.map(GridHit::grid)
				.orElseThrow(() -> new DomainException(ErrorKind.INVALID, "registers.point-outside-grids"));
		}
		else {
			throw new DomainException(ErrorKind.INVALID, "registers.grid-required");
		}
		if (!actor.canSee(grid)) {
			throw new DomainException(ErrorKind.INVALID, "registers.grid-unknown", grid.value());
		}
		return grid;
	}
}
