package io.gridgov.platform.idempotency;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.platform.idempotency.IdempotencyStore.Row;
import io.gridgov.platform.idempotency.IdempotencyStore.Slot;
import io.gridgov.platform.idempotency.IdempotencyStore.State;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for POST endpoints (draft-ietf-httpapi-idempotency-key-header, ADR 0017).
 * A controller hands its request and its work to {@link #execute}: the first request with a key
 * runs the work and stores its response in the same transaction as the business write (on
 * PostgreSQL the key is also claimed there, under an advisory lock; elsewhere in a short
 * transaction of its own before the work); a retry
 * with the same key and body gets that response again (with {@code Idempotent-Replayed: true})
 * and creates nothing; the same key with another body is refused (422), a retry while the first
 * is still running too (409). A request that failed leaves no trace, so its retry may succeed;
 * one that crashed holds its key only until its lease runs out. Correct across instances: every
 * claim is a single conditional statement on the shared table.
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
public class Idempotency {

	public static final String HEADER = "Idempotency-Key";
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";
	private static final Logger log = LoggerFactory.getLogger(Idempotency.class);
	private static final int CLAIM_ATTEMPTS = 5;

	private final IdempotencyStore store;
	private final JsonMapper json;
	private final Clock clock;
	private final IdempotencyProperties properties;
	private final TransactionTemplate inTransaction;
	private final TransactionTemplate inOwnTransaction;
	private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

	Idempotency(IdempotencyStore store, JsonMapper json, Clock clock, IdempotencyProperties properties,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.inTransaction = new TransactionTemplate(transactions);
		this.inOwnTransaction = new TransactionTemplate(transactions);
		this.inOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Runs {@code work} in a transaction, at most once per key: see the class comment. Without a
	 * key the work simply runs in a transaction.
	 */
	public ResponseEntity<?> execute(IdempotencyRequest request, Supplier<ResponseEntity<?>> work) {
		if (request.key() == null) {
			return inTransaction.execute(status -> work.get());
		}
		Slot slot = new Slot(request.scope(), request.endpoint(), IdempotencyKeys.parse(request.key()));
		String fingerprint = RequestFingerprint.of(request.method(), request.path(), request.body(), json);
		purgeWhenDue();
		UUID owner = UUID.randomUUID();
		if (store.claimsInTransaction()) {
			return inTransaction.execute(status -> executeLocked(slot, fingerprint, owner, work));
		}
		Row completed = claim(slot, fingerprint, owner);
		if (completed != null) {
			return replay(completed);
		}
		try {
			return inTransaction.execute(status -> {
				ResponseEntity<?> response = work.get();
				String body = body(response);
				if (!store.complete(slot, owner, response.getStatusCode().value(), body, location(response))) {
					throw inProgress();
				}
				return answer(response, body);
			});
		}
		catch (RuntimeException | Error failure) {
			inOwnTransaction.executeWithoutResult(status -> store.release(slot, owner));
			throw failure;
		}
	}

	/** Deletes the keys past their retention; returns how many. */
	public int purgeExpired() {
		Instant now = clock.instant();
		return inOwnTransaction.execute(status -> store.purge(now.minus(properties.retention()), now));
	}

	/**
	 * The claim inside the business transaction (PostgreSQL, ADR 0017 amendment): the key's advisory
	 * lock, held to the commit, tells a concurrent retry (409); the row is written once, completed,
	 * with the business write — or not at all, so a crash or a failure leaves nothing to take over.
	 */
	private ResponseEntity<?> executeLocked(Slot slot, String fingerprint, UUID owner,
			Supplier<ResponseEntity<?>> work) {
		if (!store.tryLock(slot)) {
			throw inProgress();
		}
		Instant now = clock.instant();
		Row row = store.find(slot).orElse(null);
		if (row != null) {
			// a live PROCESSING row comes from an instance that still claims in its own transaction (a rolling upgrade)
			if (replayable(row, fingerprint, now)) {
				return replay(row);
			}
			store.forget(slot);
		}
		ResponseEntity<?> response = work.get();
		String body = body(response);
		try {
			store.insertCompleted(slot, fingerprint, owner, now, response.getStatusCode().value(), body,
					location(response));
		}
		catch (DuplicateKeyException claimedMeanwhile) {
			// by an instance that claims in its own transaction (a rolling upgrade): the business write rolls back
			throw inProgress();
		}
		return answer(response, body);
	}

	/** Owns the key (null) or returns the completed row to replay; refuses a reused key or a retry in progress. */
	private Row claim(Slot slot, String fingerprint, UUID owner) {
		for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
			Instant now = clock.instant();
			Instant leaseUntil = now.plus(properties.lease());
			Instant retainedSince = now.minus(properties.retention());
			if (Boolean.TRUE.equals(inOwnTransaction.execute(status -> store.insert(slot, fingerprint, owner, now, leaseUntil)))) {
				return null;
			}
			Row row = store.find(slot).orElse(null);
			if (row == null) {
				continue;
			}
			if (replayable(row, fingerprint, now)) {
				return row;
			}
			if (Boolean.TRUE.equals(inOwnTransaction.execute(status -> store.takeOver(slot, row.owner(), fingerprint,
					owner, now, leaseUntil, retainedSince)))) {
				log.info("Idempotency key of {} taken over: its earlier request ended without an answer", slot.endpoint());
				return null;
			}
		}
		throw inProgress();
	}

	/**
	 * Judges a key's existing row for a request with this fingerprint: true when its stored answer is
	 * to be replayed; false when the row is past its retention or its request died (lease run out), so
	 * the key may be claimed anew; refused when the key belongs to another request (422) or its
	 * request is still running (409).
	 */
	private boolean replayable(Row row, String fingerprint, Instant now) {
		if (row.createdAt().isBefore(now.minus(properties.retention()))) {
			return false;
		}
		if (!row.fingerprint().equals(fingerprint)) {
			throw new DomainException(ErrorKind.UNPROCESSABLE, "request.idempotency-key-reused");
		}
		if (row.state() == State.COMPLETED) {
			return true;
		}
		if (!row.leaseUntil().isBefore(now)) {
			throw inProgress();
		}
		return false;
	}

	private ResponseEntity<?> replay(Row row) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(row.status()).header(REPLAYED_HEADER, "true");
		if (row.location() != null) {
			response.header(HttpHeaders.LOCATION, row.location());
		}
		if (row.body() == null) {
			return response.build();
		}
		JsonNode body = json.readTree(row.body());
		return response.body(body);
	}

	private String body(ResponseEntity<?> response) {
		return response.getBody() == null ? null : json.writeValueAsString(response.getBody());
	}

	/**
	 * The response with the JSON just written for the store as its body, so that the object is
	 * serialized once, not once for the store and again for the client (ADR 0034). The same bytes:
	 * the store's mapper is the one the web layer writes with. A body that the web layer would not
	 * write as JSON (text, bytes, another content type) goes out as it was.
	 */
	private static ResponseEntity<?> answer(ResponseEntity<?> response, String body) {
		Object original = response.getBody();
		MediaType type = response.getHeaders().getContentType();
		if (body == null || original instanceof CharSequence || original instanceof byte[]
				|| (type != null && !type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
			return response;
		}
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(response.getHeaders());
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new ResponseEntity<>(body, headers, response.getStatusCode());
	}

	private static String location(ResponseEntity<?> response) {
		URI location = response.getHeaders().getLocation();
		return location == null ? null : location.toString();
	}

	private void purgeWhenDue() {
		Instant now = clock.instant();
		Instant due = nextPurge.get();
		if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(properties.purgeInterval()))) {
			return;
		}
		try {
			int purged = purgeExpired();
			if (purged > 0) {
				log.debug("Purged {} idempotency keys past their retention", purged);
			}
		}
		catch (RuntimeException e) {
			log.warn("Purging expired idempotency keys failed; trying again in {}", properties.purgeInterval(), e);
		}
	}

	private static DomainException inProgress() {
		return new DomainException(ErrorKind.CONFLICT, "request.idempotency-in-progress");
	}
}
