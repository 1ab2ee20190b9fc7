package io.gridgov.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * Within one request a session is read from the store once (ADR 0034); outside a request, after it
 * ends, after the session is deleted or after its id changed, the store is asked again.
 */
class CoarseLastAccessSessionsTest {

	/** A store that counts its reads. */
	static final class CountingStore implements FindByIndexNameSessionRepository<Session> {

		final Map<String, MapSession> sessions = new HashMap<>();
		int reads;

		@Override
		public Session createSession() {
			return new MapSession();
		}

		@Override
		public void save(Session session) {
			sessions.put(session.getId(), new MapSession(session));
		}

		@Override
		public Session findById(String id) {
			reads++;
			MapSession stored = sessions.get(id);
			return stored == null ? null : new MapSession(stored);
		}

		@Override
		public void deleteById(String id) {
			sessions.remove(id);
		}

		@Override
		public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}
	}

	private final CountingStore store = new CountingStore();
	private final CoarseLastAccessSessions sessions = new CoarseLastAccessSessions(store, Duration.ofMinutes(1));

	private String stored() {
		Session session = store.createSession();
		store.save(session);
		return session.getId();
	}

	@Test
	void aRequestReadsItsSessionFromTheStoreOnce() throws Exception {
		String id = stored();
		AtomicReference<Session> first = new AtomicReference<>();
		AtomicReference<Session> second = new AtomicReference<>();
		CoarseLastAccessSessions.withinRequest(() -> {
			first.set(sessions.findById(id));
			second.set(sessions.findById(id));
		});
		assertThat(store.reads).isEqualTo(1);
		assertThat(second.get()).isSameAs(first.get());
	}

	@Test
	void outsideARequestAndAfterItEndsEveryLookupReadsTheStore() throws Exception {
		String id = stored();
		sessions.findById(id);
		sessions.findById(id);
		assertThat(store.reads).isEqualTo(2);
		CoarseLastAccessSessions.withinRequest(() -> sessions.findById(id));
		CoarseLastAccessSessions.withinRequest(() -> sessions.findById(id));
		assertThat(store.reads).as("each request reads once").isEqualTo(4);
	}

	@Test
	void aSessionDeletedDuringTheRequestIsNotFoundAgain() throws Exception {
		String id = stored();
		AtomicReference<Session> after = new AtomicReference<>();
		CoarseLastAccessSessions.withinRequest(() -> {
			sessions.findById(id);
			sessions.deleteById(id);
			after.set(sessions.findById(id));
		});
		assertThat(after.get()).isNull();
		assertThat(store.reads).isEqualTo(2);
	}

	@Test
	void aSessionWhoseIdChangedIsNotFoundUnderItsOldIdFromMemory() throws Exception {
		String id = stored();
		AtomicReference<Session> underOldId = new AtomicReference<>();
		CoarseLastAccessSessions.withinRequest(() -> {
			Session session = sessions.findById(id);
			session.changeSessionId();
			underOldId.set(sessions.findById(id));
		});
		assertThat(store.reads).as("the old id is looked up in the store again").isEqualTo(2);
		assertThat(underOldId.get()).as("the store still has it under the old id until the filter saves it")
			.isNotNull();
		assertThat(underOldId.get().getId()).isEqualTo(id);
	}
}
