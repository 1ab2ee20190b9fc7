package io.gridgov.geo.internal;

import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.geo.GridInfo;
import io.gridgov.geo.Grids;
import io.gridgov.platform.scope.RegionCode;

@Service
@Transactional(readOnly = true)
class JdbcGrids implements Grids {

	private final GridStore store;

	JdbcGrids(GridStore store) {
		this.store = store;
	}

	@Override
	public Optional<GridInfo> find(RegionCode grid) {
		return store.find(grid).map(JdbcGrids::info);
	}

	@Override
	public List<GridInfo> within(RegionCode region) {
		return store.within(region).stream().map(JdbcGrids::info).toList();
	}

	@Override
	public Optional<Geometry> boundary(RegionCode grid) {
		return store.find(grid).map(GridStore.GridRow::boundary);
	}

	static GridInfo info(GridStore.GridRow row) {
		return new GridInfo(row.code(), row.name(), row.type(), row.parent(), row.parentName(), row.areaSquareMetres(),
				row.version(), row.validFrom(), row.boundary().getInteriorPoint());
	}
}
