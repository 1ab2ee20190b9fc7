package io.gridgov.cases.internal.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cases_attachment} table. */
@Repository
class AttachmentStore {

	private static final String COLUMNS = "id, case_id, content_type, size_bytes, width, height, sha256, original_key, "
			+ "thumbnail_key, public_key, public_safe, uploaded_by, uploaded_at, linked_at";

	private final JdbcClient jdbc;

	AttachmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row with the storage keys, which never leave this package. */
	record Row(Attachment attachment, String originalKey, String thumbnailKey, String publicKey) {

		String key(Variant variant) {
			return switch (variant) {
				case ORIGINAL -> originalKey;
				case THUMBNAIL -> thumbnailKey;
				case PUBLIC -> publicKey;
			};
		}
	}

	void insert(Row row) {
		Attachment a = row.attachment();
		jdbc.sql("INSERT INTO cases_attachment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(a.id(), a.caseId(), a.contentType(), a.sizeBytes(), a.width(), a.height(), a.sha256(),
					row.originalKey(), row.thumbnailKey(), row.publicKey(), a.publicSafe(), a.uploadedBy(),
					Timestamp.from(a.uploadedAt()), a.linkedAt() == null ? null : Timestamp.from(a.linkedAt()))
			.update();
	}

	Optional<Row> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM cases_attachment WHERE id = ?").param(id).query(AttachmentStore::row).optional();
	}

	List<Row> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM cases_attachment WHERE id IN (:ids)")
			.param("ids", ids)
			.query(AttachmentStore::row)
			.list();
	}

	List<Row> ofCase(UUID caseId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM cases_attachment WHERE case_id = ? ORDER BY uploaded_at, id")
			.param(caseId)
			.query(AttachmentStore::row)
			.list();
	}

	/**
	 * Links an unlinked upload; answers false when someone else linked it first, so two
	 * concurrent reports cannot both claim the same photo.
	 */
	boolean link(UUID id, UUID caseId, boolean publicSafe, Instant at) {
		return jdbc.sql("UPDATE cases_attachment SET case_id = ?, public_safe = ?, linked_at = ? WHERE id = ? AND case_id IS NULL")
			.params(caseId, publicSafe, Timestamp.from(at), id)
			.update() == 1;
	}

	List<Row> unlinkedBefore(Instant cutoff, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM cases_attachment WHERE case_id IS NULL AND uploaded_at < ? "
				+ "ORDER BY uploaded_at LIMIT " + limit)
			.param(Timestamp.from(cutoff))
			.query(AttachmentStore::row)
			.list();
	}

	/** Deletes the row only while it is still unlinked; false when it was linked meanwhile. */
	boolean deleteUnlinked(UUID id) {
		return jdbc.sql("DELETE FROM cases_attachment WHERE id = ? AND case_id IS NULL").param(id).update() == 1;
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		Timestamp linkedAt = rs.getTimestamp("linked_at");
		Attachment attachment = new Attachment(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getInt("width"), rs.getInt("height"),
				rs.getString("sha256"), rs.getBoolean("public_safe"), rs.getObject("uploaded_by", UUID.class),
				rs.getTimestamp("uploaded_at").toInstant(), linkedAt == null ? null : linkedAt.toInstant());
		return new Row(attachment, rs.getString("original_key"), rs.getString("thumbnail_key"), rs.getString("public_key"));
	}
}
