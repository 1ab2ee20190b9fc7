package io.gridgov.workforce.internal;

import io.gridgov.geo.GridHit;
import io.gridgov.geo.GridLocator;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.RegionCode;

/**
 * A notice board (网格员公示牌) standing in a grid. Its code is printed on it and carried in its QR
 * code's URL, so that scans can be counted per board. It shows the grid's active workers, the lead
 * first, so a change of workers needs a reprint but no change of the board's record.
 */
record Board(String code, int sequence, String gridCode, double longitude, double latitude, long scans) {

	static String code(String prefix, int sequence) {
		return prefix + "-" + String.format("%04d", sequence);
	}

	/** A new board at a point that must lie inside its grid, as the locator resolves it. */
	static Board place(String prefix, int sequence, RegionCode grid, double longitude, double latitude,
			GridLocator locator) {
		if (!(longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90)) {
			throw new DomainException(ErrorKind.INVALID, "workforce.location-invalid");
		}
		boolean inside = locator.locate(longitude, latitude).map(GridHit::grid).filter(grid::equals).isPresent();
		if (!inside) {
			throw new DomainException(ErrorKind.INVALID, "workforce.board-outside-grid", grid.value());
		}
		return new Board(code(prefix, sequence), sequence, grid.value(), longitude, latitude, 0);
	}

	String publicUrl(String publicBaseUrl) {
		String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
		return base + "/g/" + gridCode + "?b=" + code;
	}
}
