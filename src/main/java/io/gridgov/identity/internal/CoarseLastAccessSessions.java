package io.gridgov.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import jakarta.servlet.ServletException;

/**
 * The database session store, writing a session's last-access time only when it moved by more than
 * a granularity (ADR 0029). Spring Session's JDBC repository updates the session row on every
 * request because every request touches the last-access time; with sessions in the database that
 * is one more transaction per API call. This decorator hands the filter a session that ignores a
 * last-access time less than {@code granularity} after the stored one, and saves a session only when
 * something was actually changed — an attribute, the timeout, the id, or a last-access time that
 * moved far enough.
 * <p>
 * The cost: a session idle for its full timeout may end up to {@code granularity} early (its stored
 * last access can be that much behind). With a 30-minute timeout and a one-minute granularity that
 * is within the precision anyone expects of "30 minutes". Sign-out, expiry checks and the sessions
 * of other instances are unchanged: every request still reads the session from the database. (The
 * container still destroys the JDBC repository it created; the decorator holds no resources.)
 * <p>
 * Within one request a session is read once (ADR 0034): Spring Session's filter looks the requested
 * session up again when it commits after the response was committed (it clears its own cache on the
 * first commit), which was a second query and transaction on every API call. Inside the
 * {@link #withinRequest} scope, opened by {@link SessionLookupScopeFilter} around the session filter,
 * a session found by id is remembered until the request ends or the session is deleted or changes
 * its id.
 */
final class CoarseLastAccessSessions
		implements FindByIndexNameSessionRepository<CoarseLastAccessSessions.TrackedSession> {

	/** The sessions found during the current request, by the id asked for; null outside a request. */
	private static final ThreadLocal<Map<String, TrackedSession>> FOUND_IN_REQUEST = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<Session> delegate;
	private final Duration granularity;

	/** Runs {@code work} (a request) with a session found by id remembered until it ends. */
	static void withinRequest(RequestWork work) throws IOException, ServletException {
		if (FOUND_IN_REQUEST.get() != null) {
			work.run();
			return;
		}
		FOUND_IN_REQUEST.set(new HashMap<>(4));
		try {
			work.run();
		}
		finally {
			FOUND_IN_REQUEST.remove();
		}
	}

	@FunctionalInterface
	interface RequestWork {

		void run() throws IOException, ServletException;
	}

	@SuppressWarnings("unchecked")
	CoarseLastAccessSessions(FindByIndexNameSessionRepository<? extends Session> delegate, Duration granularity) {
		this.delegate = (FindByIndexNameSessionRepository<Session>) delegate;
		this.granularity = granularity;
	}

	@Override
	public TrackedSession createSession() {
		return new TrackedSession(delegate.createSession(), granularity, true);
	}

	@Override
	public void save(TrackedSession session) {
		if (session.dirty) {
			delegate.save(session.stored);
			session.dirty = false;
		}
	}

	@Override
	public TrackedSession findById(String id) {
		Map<String, TrackedSession> found = FOUND_IN_REQUEST.get();
		if (found != null) {
			TrackedSession known = found.get(id);
			if (known != null && known.getId().equals(id) && !known.isExpired()) {
				return known;
			}
		}
		Session stored = delegate.findById(id);
		TrackedSession session = stored == null ? null : new TrackedSession(stored, granularity, false);
		if (found != null && session != null) {
			found.put(id, session);
		}
		return session;
	}

	@Override
	public void deleteById(String id) {
		Map<String, TrackedSession> found = FOUND_IN_REQUEST.get();
		if (found != null) {
			found.remove(id);
		}
		delegate.deleteById(id);
	}

	@Override
	public Map<String, TrackedSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		return delegate.findByIndexNameAndIndexValue(indexName, indexValue)
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> new TrackedSession(e.getValue(), granularity, false)));
	}

	/** A stored session that remembers whether anything worth writing changed. */
	static final class TrackedSession implements Session {

		private final Session stored;
		private final Duration granularity;
		private boolean dirty;

		TrackedSession(Session stored, Duration granularity, boolean dirty) {
			this.stored = stored;
			this.granularity = granularity;
			this.dirty = dirty;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (dirty || !lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(granularity))) {
				stored.setLastAccessedTime(lastAccessedTime);
				dirty = true;
			}
		}

		@Override
		public void setAttribute(String name, Object value) {
			stored.setAttribute(name, value);
			dirty = true;
		}

		@Override
		public void removeAttribute(String name) {
			stored.removeAttribute(name);
			dirty = true;
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			stored.setMaxInactiveInterval(interval);
			dirty = true;
		}

		@Override
		public String changeSessionId() {
			dirty = true;
			return stored.changeSessionId();
		}

		@Override
		public String getId() {
			return stored.getId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return stored.getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return stored.getAttributeNames();
		}

		@Override
		public Instant getCreationTime() {
			return stored.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return stored.getLastAccessedTime();
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return stored.isExpired();
		}
	}
}
