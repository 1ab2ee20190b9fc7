package io.gridgov.workforce.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.scope.RegionCode;

/** Notice boards in the database. */
@Component
class BoardStore {

	private static final String COLUMNS = "code, sequence, grid_code, longitude, latitude, scans";
	private static final String INSERT = "INSERT INTO workforce_board (code, sequence, grid_code, longitude, latitude, scans, created_at)"
			+ " VALUES (?, ?, ?, ?, ?, 0, ?)";

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	BoardStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void insert(Board board, Instant now) {
		jdbc.sql(INSERT).params(row(board, now)).update();
	}

	void insertAll(List<Board> boards, Instant now) {
		batch.batchUpdate(INSERT, boards.stream().map(board -> row(board, now)).toList());
	}

	int nextSequence() {
		return jdbc.sql("SELECT COALESCE(MAX(sequence), 0) + 1 FROM workforce_board").query(Integer.class).single();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM workforce_board").query(Long.class).single();
	}

	Optional<Board> find(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM workforce_board WHERE code = ?").param(code).query(Board.class).optional();
	}

	/** The boards inside a region (scope, community or grid), ordered by code, one page or all. */
	List<Board> within(List<RegionCode> regions, PageQuery page) {
		Filter filter = filter(regions);
		String limit = page == null ? "" : " LIMIT " + page.size() + " OFFSET " + page.offset();
		return jdbc.sql("SELECT " + COLUMNS + " FROM workforce_board" + filter.where() + " ORDER BY sequence" + limit)
			.params(filter.params())
			.query(Board.class)
			.list();
	}

	long countWithin(List<RegionCode> regions) {
		Filter filter = filter(regions);
		return jdbc.sql("SELECT COUNT(*) FROM workforce_board" + filter.where()).params(filter.params()).query(Long.class).single();
	}

	/** Counts one scan in a single statement, so concurrent scans are never lost; false when the board is not of the grid. */
	boolean countScan(String code, String gridCode) {
		return jdbc.sql("UPDATE workforce_board SET scans = scans + 1 WHERE code = ? AND grid_code = ?")
			.params(code, gridCode)
			.update() == 1;
	}

	private static Filter filter(List<RegionCode> regions) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < regions.size(); i++) {
			where.append(" AND grid_code LIKE :region").append(i);
			params.put("region" + i, regions.get(i).likePattern());
		}
		return new Filter(where.toString(), params);
	}

	private record Filter(String where, Map<String, Object> params) {
	}

	private static Object[] row(Board board, Instant now) {
		return new Object[] { board.code(), board.sequence(), board.gridCode(), board.longitude(), board.latitude(),
				Timestamp.from(now) };
	}
}
