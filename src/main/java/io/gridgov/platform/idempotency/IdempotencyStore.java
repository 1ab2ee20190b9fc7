package io.gridgov.platform.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code platform_idempotency_key}. Every change is one statement whose WHERE clause
 * names the owner token it expects, so two instances racing for the same key cannot both win.
 */
@Repository
class IdempotencyStore {

	enum State {
		PROCESSING, COMPLETED
	}

	record Row(String fingerprint, State state, UUID owner, Integer status, String body, String location,
			Instant createdAt, Instant leaseUntil) {
	}

	private static final String WHERE_KEY = " WHERE scope = ? AND endpoint = ? AND idempotency_key = ?";

	private final JdbcClient jdbc;

	IdempotencyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Claims a new key; false when the key is already there. */
	boolean insert(Slot slot, String fingerprint, UUID owner, Instant now, Instant leaseUntil) {
		try {
			jdbc.sql("INSERT INTO platform_idempotency_key (scope, endpoint, idempotency_key, fingerprint, state, "
					+ "owner_token, created_at, lease_until) VALUES (?, ?, ?, ?, 'PROCESSING', ?, ?, ?)")
				.params(slot.scope(), slot.endpoint(), slot.key(), fingerprint, owner, Timestamp.from(now),
						Timestamp.from(leaseUntil))
				.update();
			return true;
		}
		catch (DuplicateKeyException taken) {
			return false;
		}
	}

	Optional<Row> find(Slot slot) {
		return jdbc.sql("SELECT fingerprint, state, owner_token, response_status, response_body, response_location, "
				+ "created_at, lease_until FROM platform_idempotency_key" + WHERE_KEY)
			.params(slot.scope(), slot.endpoint(), slot.key())
			.query((rs, n) -> new Row(rs.getString(1), State.valueOf(rs.getString(2)), rs.getObject(3, UUID.class),
					(Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
					rs.getTimestamp(8).toInstant()))
			.optional();
	}

	/**
	 * Takes over a key whose request crashed (PROCESSING, lease run out) or whose record is past
	 * its retention, if it still has the owner we saw: true when this caller now owns it.
	 */
	boolean takeOver(Slot slot, UUID seenOwner, String fingerprint, UUID owner, Instant now, Instant leaseUntil,
			Instant retainedSince) {
		return jdbc.sql("UPDATE platform_idempotency_key SET fingerprint = ?, state = 'PROCESSING', owner_token = ?, "
				+ "response_status = NULL, response_body = NULL, response_location = NULL, created_at = ?, lease_until = ?"
				+ WHERE_KEY + " AND owner_token = ? AND ((state = 'PROCESSING' AND lease_until < ?) OR created_at < ?)")
			.params(fingerprint, owner, Timestamp.from(now), Timestamp.from(leaseUntil), slot.scope(), slot.endpoint(),
					slot.key(), seenOwner, Timestamp.from(now), Timestamp.from(retainedSince))
			.update() == 1;
	}

	/** Stores the response, in the transaction of the business write; false when the key was taken over. */
	boolean complete(Slot slot, UUID owner, int status, String body, String location) {
		return jdbc.sql("UPDATE platform_idempotency_key SET state = 'COMPLETED', response_status = ?, "
				+ "response_body = ?, response_location = ?" + WHERE_KEY + " AND owner_token = ? AND state = 'PROCESSING'")
			.params(status, body, location, slot.scope(), slot.endpoint(), slot.key(), owner)
			.update() == 1;
	}

	/** Forgets a key whose request failed, unless another request has taken it over meanwhile. */
	void release(Slot slot, UUID owner) {
		jdbc.sql("DELETE FROM platform_idempotency_key" + WHERE_KEY + " AND owner_token = ? AND state = 'PROCESSING'")
			.params(slot.scope(), slot.endpoint(), slot.key(), owner)
			.update();
	}

	/** Deletes the keys created before {@code retainedSince}, except requests still under a live lease. */
	int purge(Instant retainedSince, Instant now) {
		return jdbc.sql("DELETE FROM platform_idempotency_key WHERE created_at < ? "
				+ "AND (state = 'COMPLETED' OR lease_until < ?)")
			.params(Timestamp.from(retainedSince), Timestamp.from(now))
			.update();
	}

	/** Where a key lives: its scope, the endpoint and the key itself (the primary key). */
	record Slot(String scope, String endpoint, String key) {
	}
}
