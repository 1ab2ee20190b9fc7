package io.gridgov.geo.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.gridgov.geo.GridType;
import io.gridgov.platform.scope.RegionCode;

/** The tables of grids, boundary versions, points of interest and the boundary revision. */
@Repository
class GridStore {

	static final String GRID_COLUMNS = "g.code, r.name, g.type, r.parent_code, p.name AS parent_name, "
			+ "b.version, b.area_m2, b.valid_from, b.wkb";

	static final String GRID_FROM = " FROM geo_grid g JOIN geo_region r ON r.code = g.code "
			+ "LEFT JOIN geo_region p ON p.code = r.parent_code "
			+ "JOIN geo_boundary b ON b.region_code = g.code AND b.valid_to IS NULL ";

	record GridRow(RegionCode code, String name, GridType type, RegionCode parent, String parentName, int version,
			double areaSquareMetres, Instant validFrom, Geometry boundary) {
	}

	record VersionRow(int version, Instant validFrom, Instant validTo, double areaSquareMetres) {
	}

	record PoiRow(UUID id, String kind, String name, double lon, double lat, String gridCode) {
	}

	private static final RowMapper<GridRow> GRID = (rs, n) -> new GridRow(RegionCode.of(rs.getString("code")),
			rs.getString("name"), GridType.valueOf(rs.getString("type")),
			rs.getString("parent_code") == null ? null : RegionCode.of(rs.getString("parent_code")),
			rs.getString("parent_name"), rs.getInt("version"), rs.getDouble("area_m2"), instant(rs, "valid_from"),
			GeoShapes.fromWkb(rs.getBytes("wkb")));

	private final JdbcClient jdbc;

	GridStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM geo_grid").query(Long.class).single();
	}

	long revision() {
		return jdbc.sql("SELECT revision FROM geo_boundary_revision WHERE id = 1").query(Long.class).single();
	}

	void bumpRevision() {
		jdbc.sql("UPDATE geo_boundary_revision SET revision = revision + 1 WHERE id = 1").update();
	}

	Optional<GridRow> find(RegionCode code) {
		return jdbc.sql("SELECT " + GRID_COLUMNS + GRID_FROM + "WHERE g.code = ?").param(code.value()).query(GRID).optional();
	}

	List<GridRow> within(RegionCode region) {
		return jdbc.sql("SELECT " + GRID_COLUMNS + GRID_FROM + "WHERE g.code LIKE ? ORDER BY g.code")
			.param(region.likePattern())
			.query(GRID)
			.list();
	}

	List<GridRow> within(RegionCode region, Envelope box) {
		return jdbc.sql("SELECT " + GRID_COLUMNS + GRID_FROM
				+ "WHERE g.code LIKE ? AND b.max_lon >= ? AND b.min_lon <= ? AND b.max_lat >= ? AND b.min_lat <= ? ORDER BY g.code")
			.params(region.likePattern(), box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY())
			.query(GRID)
			.list();
	}

	List<GridRow> all() {
		return jdbc.sql("SELECT " + GRID_COLUMNS + GRID_FROM + "ORDER BY g.code").query(GRID).list();
	}

	/** The bounding box of the grids inside a region, or null when it has none. */
	Envelope extent(RegionCode region) {
		return jdbc.sql("SELECT MIN(b.min_lon) AS a, MIN(b.min_lat) AS b, MAX(b.max_lon) AS c, MAX(b.max_lat) AS d "
				+ "FROM geo_boundary b WHERE b.valid_to IS NULL AND b.region_code LIKE ?")
			.param(region.likePattern())
			.query((rs, n) -> rs.getObject("a") == null ? new Envelope()
					: new Envelope(rs.getDouble("a"), rs.getDouble("c"), rs.getDouble("b"), rs.getDouble("d")))
			.single();
	}

	List<VersionRow> versions(RegionCode code) {
		return jdbc.sql("SELECT version, valid_from, valid_to, area_m2 FROM geo_boundary WHERE region_code = ? ORDER BY version")
			.param(code.value())
			.query((rs, n) -> new VersionRow(rs.getInt("version"), instant(rs, "valid_from"), instant(rs, "valid_to"),
					rs.getDouble("area_m2")))
			.list();
	}

	void insertGrid(RegionCode code, GridType type, int version) {
		jdbc.sql("INSERT INTO geo_grid (code, type, version) VALUES (?, ?, ?)")
			.params(code.value(), type.name(), version)
			.update();
	}

	/** Moves the grid to a new version if it still has the expected one; false when someone was faster. */
	boolean advanceVersion(RegionCode code, GridType type, int expected, int next) {
		return jdbc.sql("UPDATE geo_grid SET version = ?, type = ? WHERE code = ? AND version = ?")
			.params(next, type.name(), code.value(), expected)
			.update() == 1;
	}

	void closeBoundary(RegionCode code, Instant validTo) {
		jdbc.sql("UPDATE geo_boundary SET valid_to = ? WHERE region_code = ? AND valid_to IS NULL")
			.params(timestamp(validTo), code.value())
			.update();
	}

	void insertBoundary(UUID id, RegionCode code, int version, Geometry boundary, Instant validFrom) {
		Envelope env = boundary.getEnvelopeInternal();
		jdbc.sql("INSERT INTO geo_boundary (id, region_code, version, wkb, min_lon, min_lat, max_lon, max_lat, area_m2, "
				+ "valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")
			.params(id, code.value(), version, GeoShapes.toWkb(boundary), env.getMinX(), env.getMinY(), env.getMaxX(),
					env.getMaxY(), GeoShapes.areaSquareMetres(boundary), timestamp(validFrom))
			.update();
	}

	void insertGridRegion(RegionCode code, String name, RegionCode parent) {
		jdbc.sql("INSERT INTO geo_region (code, name, level, kind, parent_code, sort_order) VALUES (?, ?, 'GRID', NULL, ?, 0)")
			.params(code.value(), name, parent.value())
			.update();
	}

	void renameRegion(RegionCode code, String name) {
		jdbc.sql("UPDATE geo_region SET name = ? WHERE code = ?").params(name, code.value()).update();
	}

	void retype(RegionCode code, GridType type) {
		jdbc.sql("UPDATE geo_grid SET type = ? WHERE code = ?").params(type.name(), code.value()).update();
	}

	List<GridRow> search(RegionCode scope, String query, int limit) {
		String text = query.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return jdbc.sql("SELECT " + GRID_COLUMNS + GRID_FROM
				+ "WHERE g.code LIKE ? AND (g.code LIKE ? ESCAPE '!' OR r.name LIKE ? ESCAPE '!') ORDER BY g.code")
			.params(scope.likePattern(), text + "%", "%" + text + "%")
			.query(GRID)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	void insertPoi(PoiRow poi) {
		jdbc.sql("INSERT INTO geo_poi (id, kind, name, lon, lat, grid_code) VALUES (?, ?, ?, ?, ?, ?)")
			.params(poi.id(), poi.kind(), poi.name(), poi.lon(), poi.lat(), poi.gridCode())
			.update();
	}

	List<PoiRow> pois(RegionCode scope, Envelope box, String kind) {
		StringBuilder sql = new StringBuilder("SELECT id, kind, name, lon, lat, grid_code FROM geo_poi WHERE grid_code LIKE ?");
		List<Object> params = new ArrayList<>(List.of(scope.likePattern()));
		if (box != null) {
			sql.append(" AND lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?");
			params.addAll(List.of(box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY()));
		}
		if (kind != null) {
			sql.append(" AND kind = ?");
			params.add(kind);
		}
		sql.append(" ORDER BY kind, name");
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new PoiRow(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"),
					rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("grid_code")))
			.list();
	}

	List<KindCount> poiCounts(RegionCode grid) {
		return jdbc.sql("SELECT kind, COUNT(*) AS n FROM geo_poi WHERE grid_code = ? GROUP BY kind ORDER BY kind")
			.param(grid.value())
			.query((rs, n) -> new KindCount(rs.getString("kind"), rs.getLong("n")))
			.list();
	}

	record KindCount(String kind, long count) {
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant);
	}
}
