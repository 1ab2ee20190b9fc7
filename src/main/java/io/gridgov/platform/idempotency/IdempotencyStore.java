package io.gridgov.platform.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.gridgov.platform.persistence.Databases;

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
	private final boolean advisoryLocks;

	IdempotencyStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.advisoryLocks = Databases.isPostgreSql(dataSource);
	}

	/** Whether the database has transaction-scoped advisory locks (PostgreSQL) for claiming a key inside the business transaction. */
	boolean claimsInTransaction() {
		return advisoryLocks;
	}

	/**
	 * Takes the key's advisory lock for the rest of the current transaction without waiting: false
	 * when another transaction (of any instance) holds it, i.e. a request with this key is under way.
	 */
	boolean tryLock(Slot slot) {
		return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(lockKey(slot))
			.query(Boolean.class)
			.single());
	}

	/** Stores a completed request in one insert (the advisory-lock path: the row never exists half-done). */
	void insertCompleted(Slot slot, String fingerprint, UUID owner, Instant now, int status, String body,
			String location) {
		jdbc.sql("INSERT INTO platform_idempotency_key (scope, endpoint, idempotency_key, fingerprint, state, "
				+ "owner_token, response_status, response_body, response_location, created_at, lease_until) "
				+ "VALUES (?, ?, ?, ?, 'COMPLETED', ?, ?, ?, ?, ?, ?)")
			.params(slot.scope(), slot.endpoint(), slot.key(), fingerprint, owner, status, body, location,
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/** Deletes a key's row whatever its state (a crashed or expired one that a new request replaces). */
	void forget(Slot slot) {
		jdbc.sql("DELETE FROM platform_idempotency_key" + WHERE_KEY).params(slot.scope(), slot.endpoint(), slot.key())
			.update();
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

	/** 64 bits of SHA-256 over the slot: the advisory lock's key (a collision only costs a spurious 409 while both run). */
	static long lockKey(Slot slot) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update("gridgov.idempotency".getBytes(StandardCharsets.UTF_8));
			for (String part : new String[] { slot.scope(), slot.endpoint(), slot.key() }) {
				sha.update((byte) 0);
				sha.update(part.getBytes(StandardCharsets.UTF_8));
			}
			return ByteBuffer.wrap(sha.digest()).getLong();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", e);
		}
	}

	/** Where a key lives: its scope, the endpoint and the key itself (the primary key). */
	record Slot(String scope, String endpoint, String key) {
	}
}
