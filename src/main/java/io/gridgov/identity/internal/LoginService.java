package io.gridgov.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import io.gridgov.platform.audit.AuditOutcome;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * Checks a user name and password. Every attempt is audited; repeated failures lock the account
 * ({@link LockoutPolicy}). The failure counters are changed with single atomic statements so
 * that concurrent attempts cannot lose a count, and without touching the account's version.
 */
@Service
class LoginService {

	private final UserRepository users;
	private final PasswordEncoder passwords;
	private final LockoutPolicy lockout;
	private final JdbcAuditTrail audit;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final String dummyHash;

	LoginService(UserRepository users, PasswordEncoder passwords, LockoutPolicy lockout, JdbcAuditTrail audit,
			JdbcClient jdbc, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.lockout = lockout;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.dummyHash = passwords.encode("timing-equaliser-not-a-password");
	}

	GridGovPrincipal login(String username, String password) {
		Instant now = clock.instant();
		Optional<User> found = users.findByUsername(username);
		if (found.isEmpty()) {
			passwords.matches(password, dummyHash);
			audit.recordFor(username, failure("unknown user name"));
			throw new DomainException(ErrorKind.UNAUTHENTICATED, "auth.bad-credentials");
		}
		User user = found.get();
		if (lockout.isLocked(user.lockedUntil(), now)) {
			audit.recordForAccount(user, new AuditRecord("LOGIN", "user", user.id().toString(), AuditOutcome.DENIED,
					"account locked"));
			throw locked(user.lockedUntil());
		}
		if (!passwords.matches(password, user.passwordHash())) {
			LockoutPolicy.Attempts attempts = recordFailure(user, now);
			audit.recordForAccount(user, failure(attempts.lockedUntil() == null ? "wrong password"
					: "wrong password; account locked until " + attempts.lockedUntil()));
			if (attempts.lockedUntil() != null) {
				throw locked(attempts.lockedUntil());
			}
			throw new DomainException(ErrorKind.UNAUTHENTICATED, "auth.bad-credentials");
		}
		if (!user.enabled()) {
			audit.recordForAccount(user, new AuditRecord("LOGIN", "user", user.id().toString(), AuditOutcome.DENIED,
					"account disabled"));
			throw new DomainException(ErrorKind.FORBIDDEN, "auth.disabled");
		}
		jdbc.sql("UPDATE identity_user SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?")
			.params(Timestamp.from(now), user.id())
			.update();
		GridGovPrincipal principal = GridGovPrincipal.of(user);
		audit.recordAs(principal.actor(), AuditRecord.success("LOGIN", "user", user.id()));
		return principal;
	}

	private LockoutPolicy.Attempts recordFailure(User user, Instant now) {
		jdbc.sql("UPDATE identity_user SET failed_attempts = failed_attempts + 1 WHERE id = ?").param(user.id()).update();
		int failed = jdbc.sql("SELECT failed_attempts FROM identity_user WHERE id = ?")
			.param(user.id())
			.query(Integer.class)
			.single();
		LockoutPolicy.Attempts attempts = lockout.afterFailure(failed - 1, now);
		if (attempts.lockedUntil() != null) {
			jdbc.sql("UPDATE identity_user SET failed_attempts = 0, locked_until = ? WHERE id = ? AND failed_attempts >= ?")
				.params(Timestamp.from(attempts.lockedUntil()), user.id(), lockout.maxAttempts())
				.update();
		}
		return attempts;
	}

	private static AuditRecord failure(String detail) {
		return new AuditRecord("LOGIN", "user", null, AuditOutcome.FAILURE, detail);
	}

	private static DomainException locked(Instant until) {
		return new DomainException(ErrorKind.LOCKED, "auth.locked").with("lockedUntil", until.toString());
	}
}
