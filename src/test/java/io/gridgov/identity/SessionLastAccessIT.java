package io.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;

/**
 * The database session is not rewritten on every request (ADR 0029): a request within a minute of
 * the stored last access leaves the row alone; once the stored time is a minute or more behind, the
 * next request moves it (and the expiry with it), so an active user is never signed out.
 */
class SessionLastAccessIT extends IntegrationTest {

	/** The session id behind the cookie (Spring Session writes it Base64-encoded). */
	private static String sessionId(ApiClient client) {
		return new String(Base64.getDecoder().decode(client.cookie("GRIDGOV_SESSION").orElseThrow()),
				StandardCharsets.US_ASCII);
	}

	private long storedLastAccess(String sessionId) {
		return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	private long storedExpiry(String sessionId) {
		return jdbc.sql("SELECT expiry_time FROM spring_session WHERE session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	@Test
	void requestsWithinAMinuteOfTheStoredLastAccessDoNotWriteTheSession() {
		ApiClient leader = signedIn("leader");
		String session = sessionId(leader);
		long stored = storedLastAccess(session);

		for (int i = 0; i < 3; i++) {
			leader.get("/api/me").expectStatus(200);
		}

		assertThat(storedLastAccess(session)).isEqualTo(stored);
	}

	@Test
	void aRequestAMinuteAfterTheStoredLastAccessMovesItAndTheExpiry() {
		ApiClient leader = signedIn("leader");
		String session = sessionId(leader);
		long twoMinutesAgo = Instant.now().minusSeconds(120).toEpochMilli();
		jdbc.sql("UPDATE spring_session SET last_access_time = ?, expiry_time = ? WHERE session_id = ?")
			.params(twoMinutesAgo, twoMinutesAgo + 30 * 60 * 1000L, session)
			.update();
		long before = Instant.now().toEpochMilli();

		leader.get("/api/me").expectStatus(200);

		assertThat(storedLastAccess(session)).isGreaterThanOrEqualTo(before);
		assertThat(storedExpiry(session)).isGreaterThanOrEqualTo(before + 30 * 60 * 1000L);
	}

	@Test
	void signingOutStillEndsTheSessionAtOnce() {
		ApiClient leader = signedIn("leader");
		ApiClient sameSession = client();
		sameSession.setSessionCookie(leader.cookie("GRIDGOV_SESSION").orElseThrow());
		sameSession.get("/api/me").expectStatus(200);

		leader.post("/api/auth/logout", Map.of()).expectStatus(204);

		sameSession.get("/api/me").expectProblem(401, "auth.session-expired");
	}
}
