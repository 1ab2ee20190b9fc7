package io.gridgov.workforce.internal;

import java.util.List;

/** The JSON shapes of notice boards and the public grid page. */
final class BoardViews {

	private BoardViews() {
	}

	record BoardView(String code, String gridCode, String gridName, Location location, List<BoardWorker> workers,
			String publicUrl, long scans) {
	}

	record Location(double lon, double lat) {
	}

	record BoardWorker(String name, boolean lead) {
	}

	record PlaceBoardBody(String gridCode, Location location) {
	}

	record PublicGrid(String code, String name, String communityName, List<PublicWorker> workers, String board) {
	}

	record PublicWorker(String name, String workPhone, boolean lead) {
	}
}
