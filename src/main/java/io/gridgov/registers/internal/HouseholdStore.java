package io.gridgov.registers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.platform.persistence.BulkInsert;
import io.gridgov.platform.scope.RegionCode;

/** Rows of registers_household: a household is the residents at one address (building, unit, room). */
@Component
class HouseholdStore {

	record Row(UUID id, String gridCode, String address, String building, String unit, String room, UUID headId,
			long version) {
	}

	private static final String COLUMNS = "id, grid_code, address, building, unit, room, head_id, version";
	private final JdbcClient jdbc;
	private final BulkInsert bulk;

	HouseholdStore(JdbcClient jdbc, BulkInsert bulk) {
		this.jdbc = jdbc;
		this.bulk = bulk;
	}

	Optional<Row> byId(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM registers_household WHERE id = ?").param(id).query(Row.class).optional();
	}

	Optional<Row> byAddress(String address, String building, String unit, String room) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM registers_household WHERE address = :a"
				+ " AND COALESCE(building, '') = :b AND COALESCE(unit, '') = :u AND COALESCE(room, '') = :r")
			.param("a", address)
			.param("b", nz(building))
			.param("u", nz(unit))
			.param("r", nz(room))
			.query(Row.class)
			.optional();
	}

	/** The households at any of these addresses (whatever their building, unit and room). */
	List<Row> byAddresses(Collection<String> addresses) {
		if (addresses.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM registers_household WHERE address IN (:a)")
			.param("a", addresses)
			.query(Row.class)
			.list();
	}

	/** Rows of (id, grid code, address, building, unit, room, head id), one JDBC batch. */
	void insertAll(List<Object[]> rows, Instant now) {
		Timestamp at = Timestamp.from(now);
		bulk.insert("registers_household", List.of("id", "grid_code", "address", "building", "unit", "room", "head_id",
				"created_at", "updated_at", "version"),
				rows.stream().map(r -> new Object[] { r[0], r[1], r[2], r[3], r[4], r[5], r[6], at, at, 0L }).toList());
	}

	void insert(UUID id, RegionCode grid, String address, String building, String unit, String room, UUID head, Instant now) {
		jdbc.sql("INSERT INTO registers_household (id, grid_code, address, building, unit, room, head_id, created_at, updated_at, version)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
			.params(id, grid.value(), address, building, unit, room, head, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	boolean update(UUID id, long version, RegionCode grid, UUID head, Instant now) {
		return jdbc.sql("UPDATE registers_household SET grid_code = ?, head_id = ?, updated_at = ?, version = version + 1"
				+ " WHERE id = ? AND version = ?")
			.params(grid.value(), head, Timestamp.from(now), id, version)
			.update() == 1;
	}

	void setHead(UUID id, UUID head, Instant now) {
		jdbc.sql("UPDATE registers_household SET head_id = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(head, Timestamp.from(now), id)
			.update();
	}

	List<UUID> members(UUID id) {
		return jdbc.sql("SELECT id FROM registers_resident WHERE household_id = ? ORDER BY name, id").param(id).query(UUID.class).list();
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}
}
