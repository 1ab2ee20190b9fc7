package io.gridgov.geo.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.gridgov.geo.GridHit;
import io.gridgov.platform.scope.RegionCode;

/** One immutable generation of the locator: the index and, per area number, the grid it stands for. */
record LocatorSnapshot(GridIndex index, RegionCode[] codes, RegionCode[] communities, int[] versions, long revision) {

	static LocatorSnapshot of(List<GridStore.GridRow> rowsByCode, long revision) {
		int n = rowsByCode.size();
		RegionCode[] codes = new RegionCode[n];
		RegionCode[] communities = new RegionCode[n];
		int[] versions = new int[n];
		for (int i = 0; i < n; i++) {
			GridStore.GridRow row = rowsByCode.get(i);
			codes[i] = row.code();
			communities[i] = row.parent();
			versions[i] = row.version();
		}
		return new LocatorSnapshot(GridIndex.build(rowsByCode.stream().map(GridStore.GridRow::boundary).toList()), codes,
				communities, versions, revision);
	}

	Optional<GridHit> locate(double longitude, double latitude) {
		int area = index.locate(longitude, latitude);
		return area < 0 ? Optional.empty() : Optional.of(new GridHit(codes[area], communities[area], versions[area]));
	}

	List<String> gridsIn(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude) {
		return Arrays.stream(index.intersecting(minLongitude, minLatitude, maxLongitude, maxLatitude))
			.mapToObj(i -> codes[i].value())
			.toList();
	}

	int size() {
		return codes.length;
	}
}
