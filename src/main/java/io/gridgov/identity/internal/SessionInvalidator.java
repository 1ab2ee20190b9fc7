package io.gridgov.identity.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a user's sessions on every instance (they live in the database) when an administrator
 * changes the account's roles, scope, status or password.
 */
@Component
class SessionInvalidator {

	private final FindByIndexNameSessionRepository<?> sessions;

	SessionInvalidator(FindByIndexNameSessionRepository<?> sessions) {
		this.sessions = sessions;
	}

	void endAllSessionsOf(String username) {
		endSessionsOf(username, null);
	}

	void endSessionsOf(String username, String exceptSessionId) {
		sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> !id.equals(exceptSessionId))
			.forEach(sessions::deleteById);
	}
}
