package io.gridgov.registers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.gridgov.platform.persistence.BulkInsert;
import io.gridgov.platform.personaldata.ProtectedValue;

/** Rows of registers_resident and its tags and status history; SQL only, no rules. */
@Component
class ResidentStore {

	static final String COLUMNS = "r.id, r.name, r.id_cipher, r.gender, r.birth_date, r.phone_cipher, r.household_id,"
			+ " r.address, r.building, r.unit, r.room, r.longitude, r.latitude, r.grid_code, r.residency, r.status,"
			+ " r.content_hash, r.version, r.updated_at";

	record Row(UUID id, String name, String idCipher, String gender, java.time.LocalDate birthDate, String phoneCipher,
			UUID householdId, String address, String building, String unit, String room, Double longitude,
			Double latitude, String gridCode, String residency, String status, String contentHash, long version,
			Instant updatedAt) {
	}

	private final JdbcClient jdbc;
	private final BulkInsert bulk;

	ResidentStore(JdbcClient jdbc, BulkInsert bulk) {
		this.jdbc = jdbc;
		this.bulk = bulk;
	}

	Optional<Row> byId(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM registers_resident r WHERE r.id = ?").param(id).query(Row.class).optional();
	}

	Optional<Row> byIdHash(String hash) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM registers_resident r WHERE r.id_hash = ?")
			.param(hash)
			.query(Row.class)
			.optional();
	}

	/** What an import needs to know of the residents already registered under these ID-number hashes. */
	record Known(String idHash, String gridCode, String contentHash) {
	}

	Map<String, Known> knownByIdHash(Collection<String> hashes) {
		if (hashes.isEmpty()) {
			return Map.of();
		}
		Map<String, Known> known = new HashMap<>();
		jdbc.sql("SELECT id_hash, grid_code, content_hash FROM registers_resident WHERE id_hash IN (:h)")
			.param("h", hashes)
			.query((rs, n) -> new Known(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list()
			.forEach(k -> known.put(k.idHash(), k));
		return known;
	}

	/**
	 * New residents and their tags, in two bulk inserts. Their status history gets no row: its first
	 * line — registered, present, when the resident was created — is implied by the resident's row
	 * ({@link #history}), so an import writes one row less per resident (ADR 0028).
	 */
	void insertAll(List<NewResident> residents, Instant now) {
		Timestamp at = Timestamp.from(now);
		List<Object[]> rows = new ArrayList<>(residents.size());
		List<Object[]> tags = new ArrayList<>();
		for (NewResident r : residents) {
			ResidentFields f = r.fields();
			rows.add(new Object[] { r.id(), f.name(), r.idNumber() == null ? null : r.idNumber().ciphertext(),
					r.idNumber() == null ? null : r.idNumber().hash(), f.gender(), f.birthDate() == null ? null : java.sql.Date.valueOf(f.birthDate()),
					r.phone() == null ? null : r.phone().ciphertext(), r.phone() == null ? null : r.phone().hash(),
					r.householdId(), f.address(), f.building(), f.unit(), f.room(), f.longitude(), f.latitude(),
					f.grid().value(), f.residency().name(), "PRESENT", r.contentHash(), at, at, 0L });
			for (String tag : f.tags()) {
				tags.add(new Object[] { r.id(), tag });
			}
		}
		bulk.insert("registers_resident", List.of("id", "name", "id_cipher", "id_hash", "gender", "birth_date", "phone_cipher",
				"phone_hash", "household_id", "address", "building", "unit", "room", "longitude", "latitude", "grid_code",
				"residency", "status", "content_hash", "created_at", "updated_at", "version"), rows);
		bulk.insert("registers_resident_tag", List.of("resident_id", "tag_code"), tags);
	}

	record NewResident(UUID id, ResidentFields fields, ProtectedValue idNumber, ProtectedValue phone,
			UUID householdId, String contentHash) {

		@Override
		public String toString() {
			return "NewResident[" + id + "]";
		}
	}

	void insert(UUID id, ResidentFields f, ProtectedValue idNumber, ProtectedValue phone, UUID householdId,
			String contentHash, Instant now) {
		jdbc.sql("""
				INSERT INTO registers_resident (id, name, id_cipher, id_hash, gender, birth_date, phone_cipher, phone_hash,
				 household_id, address, building, unit, room, longitude, latitude, grid_code, residency, status, content_hash,
				 created_at, updated_at, version)
				VALUES (:id, :name, :idCipher, :idHash, :gender, :birth, :phoneCipher, :phoneHash, :household, :address,
				 :building, :unit, :room, :lon, :lat, :grid, :residency, 'PRESENT', :content, :now, :now, 0)""")
			.param("id", id)
			.param("name", f.name())
			.param("idCipher", idNumber == null ? null : idNumber.ciphertext())
			.param("idHash", idNumber == null ? null : idNumber.hash())
			.param("gender", f.gender())
			.param("birth", f.birthDate())
			.param("phoneCipher", phone == null ? null : phone.ciphertext())
			.param("phoneHash", phone == null ? null : phone.hash())
			.param("household", householdId)
			.param("address", f.address())
			.param("building", f.building())
			.param("unit", f.unit())
			.param("room", f.room())
			.param("lon", f.longitude())
			.param("lat", f.latitude())
			.param("grid", f.grid().value())
			.param("residency", f.residency().name())
			.param("content", contentHash)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Updates with optimistic locking; false when the version moved on. */
	boolean update(UUID id, long version, ResidentFields f, ProtectedValue idNumber, ProtectedValue phone,
			UUID householdId, String contentHash, Instant now) {
		return jdbc.sql("""
				UPDATE registers_resident SET name = :name, id_cipher = :idCipher, id_hash = :idHash, gender = :gender,
				 birth_date = :birth, phone_cipher = :phoneCipher, phone_hash = :phoneHash, household_id = :household,
				 address = :address, building = :building, unit = :unit, room = :room, longitude = :lon, latitude = :lat,
				 grid_code = :grid, residency = :residency, content_hash = :content, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("id", id)
			.param("version", version)
			.param("name", f.name())
			.param("idCipher", idNumber == null ? null : idNumber.ciphertext())
			.param("idHash", idNumber == null ? null : idNumber.hash())
			.param("gender", f.gender())
			.param("birth", f.birthDate())
			.param("phoneCipher", phone == null ? null : phone.ciphertext())
			.param("phoneHash", phone == null ? null : phone.hash())
			.param("household", householdId)
			.param("address", f.address())
			.param("building", f.building())
			.param("unit", f.unit())
			.param("room", f.room())
			.param("lon", f.longitude())
			.param("lat", f.latitude())
			.param("grid", f.grid().value())
			.param("residency", f.residency().name())
			.param("content", contentHash)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	void replaceTags(UUID id, Set<String> tags) {
		jdbc.sql("DELETE FROM registers_resident_tag WHERE resident_id = ?").param(id).update();
		for (String tag : tags) {
			jdbc.sql("INSERT INTO registers_resident_tag (resident_id, tag_code) VALUES (?, ?)").params(id, tag).update();
		}
	}

	List<String> tags(UUID id) {
		return jdbc.sql("SELECT tag_code FROM registers_resident_tag WHERE resident_id = ? ORDER BY tag_code")
			.param(id)
			.query(String.class)
			.list();
	}

	java.util.Map<UUID, List<String>> tags(Collection<UUID> ids) {
		java.util.Map<UUID, List<String>> byResident = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return byResident;
		}
		jdbc.sql("SELECT resident_id, tag_code FROM registers_resident_tag WHERE resident_id IN (:ids) ORDER BY tag_code")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> byResident.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add(rs.getString(2)))
			.list();
		return byResident;
	}

	boolean changeStatus(UUID id, long version, String to, Instant now) {
		return jdbc.sql("UPDATE registers_resident SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
			.params(to, Timestamp.from(now), id, version)
			.update() == 1;
	}

	void addStatusHistory(UUID historyId, UUID resident, String from, String to, String reason, String by, Instant at) {
		jdbc.sql("INSERT INTO registers_resident_status (id, resident_id, from_status, to_status, reason, changed_by, changed_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(historyId, resident, from, to, reason, by, Timestamp.from(at))
			.update();
	}

	record StatusChange(String fromStatus, String toStatus, String reason, String changedBy, Instant changedAt) {
	}

	/**
	 * The resident's status history, oldest first. Its first line — registered as present — is a
	 * row written with the resident by the forms and the demo; for a resident an import registered
	 * there is no such row and the line is read from the resident's own row (created present, at
	 * its creation time), so the history answers the same either way.
	 */
	List<StatusChange> history(UUID id) {
		return jdbc.sql("""
				SELECT from_status, to_status, reason, changed_by, changed_at FROM (
				  SELECT s.from_status, s.to_status, s.reason, s.changed_by, s.changed_at, s.id AS line_id
				  FROM registers_resident_status s WHERE s.resident_id = :id
				  UNION ALL
				  SELECT CAST(NULL AS VARCHAR(16)), 'PRESENT', CAST(NULL AS VARCHAR(200)), CAST(NULL AS VARCHAR(64)), r.created_at,
				   CAST(NULL AS UUID)
				  FROM registers_resident r WHERE r.id = :id AND NOT EXISTS
				   (SELECT 1 FROM registers_resident_status f WHERE f.resident_id = r.id AND f.from_status IS NULL)
				) h ORDER BY changed_at, line_id NULLS FIRST""")
			.param("id", id)
			.query(StatusChange.class)
			.list();
	}
}
