package io.gridgov.geo.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Point → grid lookups per second on one thread, on the same polygons and points: GridGov's cell
 * index, the textbook JTS STRtree + IndexedPointInAreaLocator, a linear scan with a bounding-box
 * prefilter, and PostGIS ST_Contains over JDBC with a GiST index.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LocatorBenchmark {

	@State(Scope.Benchmark)
	public static class Polygons {

		@Param({ "77", "100000" })
		public int grids;

		List<Geometry> polygons;
		double[] probes;
		int next;

		@Setup(Level.Trial)
		public void generate() {
			polygons = BenchPolygons.polygons(grids);
			probes = BenchPolygons.probes(polygons);
		}

		int nextProbe() {
			next = (next + 2) & (BenchPolygons.PROBES * 2 - 1);
			return next;
		}
	}

	@State(Scope.Benchmark)
	public static class CellIndex {

		GridIndex index;

		@Setup(Level.Trial)
		public void build(Polygons polygons) {
			index = GridIndex.build(polygons.polygons);
		}
	}

	@State(Scope.Benchmark)
	public static class TextbookIndex {

		STRtree tree;

		@Setup(Level.Trial)
		public void build(Polygons polygons) {
			tree = new STRtree();
			for (int i = 0; i < polygons.polygons.size(); i++) {
				Geometry polygon = polygons.polygons.get(i);
				tree.insert(polygon.getEnvelopeInternal(), new Entry(i, polygon));
			}
			tree.build();
		}
	}

	/** A polygon with its locator, built when first needed (as a lazy textbook cache would). */
	static final class Entry {

		final int number;
		final Geometry polygon;
		IndexedPointInAreaLocator locator;

		Entry(int number, Geometry polygon) {
			this.number = number;
			this.polygon = polygon;
		}

		int locate(Coordinate c) {
			if (locator == null) {
				locator = new IndexedPointInAreaLocator(polygon);
			}
			return locator.locate(c);
		}
	}

	@State(Scope.Benchmark)
	public static class PostGis {

		Connection connection;
		PreparedStatement query;

		@Setup(Level.Trial)
		public void load(Polygons polygons) throws SQLException {
			String url = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/gridgov_bench");
			connection = DriverManager.getConnection(url, System.getProperty("bench.pg.user", "postgres"), "");
			String table = "bench_grid_" + polygons.grids;
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (id INT PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL)");
				long rows;
				try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
					rs.next();
					rows = rs.getLong(1);
				}
				if (rows != polygons.polygons.size()) {
					statement.execute("TRUNCATE " + table);
					connection.setAutoCommit(false);
					try (PreparedStatement insert = connection
						.prepareStatement("INSERT INTO " + table + " (id, geom) VALUES (?, ST_GeomFromWKB(?, 4326))")) {
						for (int i = 0; i < polygons.polygons.size(); i++) {
							insert.setInt(1, i);
							insert.setBytes(2, GeoShapes.toWkb(polygons.polygons.get(i)));
							insert.addBatch();
							if (i % 1000 == 999) {
								insert.executeBatch();
							}
						}
						insert.executeBatch();
					}
					connection.commit();
					connection.setAutoCommit(true);
					statement.execute("CREATE INDEX IF NOT EXISTS " + table + "_gist ON " + table + " USING GIST (geom)");
					statement.execute("ANALYZE " + table);
				}
			}
			query = connection.prepareStatement("SELECT id FROM " + table
					+ " WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326)) ORDER BY id LIMIT 1");
		}

		@TearDown(Level.Trial)
		public void close() throws SQLException {
			connection.close();
		}
	}

	@Benchmark
	public int gridGovCellIndex(Polygons polygons, CellIndex index) {
		int i = polygons.nextProbe();
		return index.index.locate(polygons.probes[i], polygons.probes[i + 1]);
	}

	@Benchmark
	public int jtsStrTree(Polygons polygons, TextbookIndex index) {
		int i = polygons.nextProbe();
		Coordinate c = new Coordinate(polygons.probes[i], polygons.probes[i + 1]);
		@SuppressWarnings("unchecked")
		List<Entry> candidates = index.tree.query(new Envelope(c));
		int boundary = -1;
		for (Entry entry : candidates) {
			int location = entry.locate(c);
			if (location == Location.INTERIOR) {
				return entry.number;
			}
			if (location == Location.BOUNDARY && (boundary < 0 || entry.number < boundary)) {
				boundary = entry.number;
			}
		}
		return boundary;
	}

	@Benchmark
	public int linearScan(Polygons polygons) {
		int i = polygons.nextProbe();
		Coordinate c = new Coordinate(polygons.probes[i], polygons.probes[i + 1]);
		org.locationtech.jts.algorithm.PointLocator locator = new org.locationtech.jts.algorithm.PointLocator();
		int boundary = -1;
		for (int k = 0; k < polygons.polygons.size(); k++) {
			Geometry polygon = polygons.polygons.get(k);
			if (!polygon.getEnvelopeInternal().covers(c)) {
				continue;
			}
			int location = locator.locate(c, polygon);
			if (location == Location.INTERIOR) {
				return k;
			}
			if (location == Location.BOUNDARY && boundary < 0) {
				boundary = k;
			}
		}
		return boundary;
	}

	@Benchmark
	public int postGisStContains(Polygons polygons, PostGis postGis) throws SQLException {
		int i = polygons.nextProbe();
		postGis.query.setDouble(1, polygons.probes[i]);
		postGis.query.setDouble(2, polygons.probes[i + 1]);
		try (ResultSet rs = postGis.query.executeQuery()) {
			return rs.next() ? rs.getInt(1) : -1;
		}
	}
}
