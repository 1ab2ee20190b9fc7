package io.gridgov.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.geo.Regions;
import io.gridgov.identity.Role;
import io.gridgov.platform.Ids;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;

/**
 * The use cases of account administration. An administrator manages only accounts whose scope
 * lies inside their own, and gives only scopes inside their own; every change is audited and
 * ends the changed account's sessions.
 */
@Service
@Transactional
class UserAdministration {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

	private final UserRepository users;
	private final PasswordEncoder passwords;
	private final PasswordPolicy passwordPolicy;
	private final Regions regions;
	private final JdbcAuditTrail audit;
	private final SessionInvalidator sessions;
	private final Clock clock;

	UserAdministration(UserRepository users, PasswordEncoder passwords, PasswordPolicy passwordPolicy, Regions regions,
			JdbcAuditTrail audit, SessionInvalidator sessions, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.passwordPolicy = passwordPolicy;
		this.regions = regions;
		this.audit = audit;
		this.sessions = sessions;
		this.clock = clock;
	}

	record CreateUser(String username, String displayName, String password, Set<Role> roles, String scopeCode) {
	}

	record UpdateUser(String displayName, Set<Role> roles, String scopeCode, boolean enabled, long version) {
	}

	User create(Actor admin, CreateUser command) {
		String username = command.username().trim();
		if (!USERNAME.matcher(username).matches()) {
			throw new DomainException(ErrorKind.INVALID, "identity.username-invalid");
		}
		RegionCode scope = scopeWithin(admin, command.scopeCode());
		passwordPolicy.check(username, command.password());
		if (users.existsByUsername(username)) {
			throw new DomainException(ErrorKind.CONFLICT, "identity.username-taken", username);
		}
		User user = User.create(Ids.newId(clock), username, command.displayName().trim(),
				passwords.encode(command.password()), command.roles(), scope, clock.instant());
		User saved = users.save(user);
		audit.record(AuditRecord.success("USER_CREATE", "user", saved.id())
			.withDetail("roles=" + saved.roles() + " scope=" + scope));
		return saved;
	}

	User update(Actor admin, UUID id, UpdateUser command) {
		User user = load(admin, id);
		user.requireVersion(command.version());
		RegionCode scope = scopeWithin(admin, command.scopeCode());
		if (user.id().equals(admin.userId()) && (!command.enabled() || !command.roles().contains(Role.ADMIN))) {
			throw new DomainException(ErrorKind.INVALID, "identity.self-lockout");
		}
		user.update(command.displayName().trim(), command.roles(), scope, command.enabled(), clock.instant());
		User saved = users.save(user);
		audit.record(AuditRecord.success("USER_UPDATE", "user", saved.id())
			.withDetail("roles=" + saved.roles() + " scope=" + scope + " enabled=" + saved.enabled()));
		sessions.endAllSessionsOf(saved.username());
		return saved;
	}

	void resetPassword(Actor admin, UUID id, String newPassword) {
		User user = load(admin, id);
		passwordPolicy.check(user.username(), newPassword);
		user.changePassword(passwords.encode(newPassword), clock.instant());
		users.save(user);
		audit.record(AuditRecord.success("USER_PASSWORD_RESET", "user", id));
		sessions.endAllSessionsOf(user.username());
	}

	void unlock(Actor admin, UUID id) {
		User user = load(admin, id);
		user.unlock(clock.instant());
		users.save(user);
		audit.record(AuditRecord.success("USER_UNLOCK", "user", id));
	}

	void changeOwnPassword(UUID userId, String currentPassword, String newPassword, String currentSessionId) {
		User user = users.findById(userId).orElseThrow(() -> RecordNotFoundException.notFound("user", userId));
		if (!passwords.matches(currentPassword, user.passwordHash())) {
			throw new DomainException(ErrorKind.INVALID, "identity.current-password-wrong");
		}
		if (passwords.matches(newPassword, user.passwordHash())) {
			throw new DomainException(ErrorKind.INVALID, "identity.password-unchanged");
		}
		passwordPolicy.check(user.username(), newPassword);
		Instant now = clock.instant();
		user.changePassword(passwords.encode(newPassword), now);
		users.save(user);
		audit.record(AuditRecord.success("PASSWORD_CHANGE", "user", userId));
		sessions.endSessionsOf(user.username(), currentSessionId);
	}

	@Transactional(readOnly = true)
	User get(Actor admin, UUID id) {
		return load(admin, id);
	}

	private User load(Actor admin, UUID id) {
		User user = users.findById(id).orElseThrow(() -> RecordNotFoundException.notFound("user", id));
		if (!admin.canSee(user.scope())) {
			throw RecordNotFoundException.outOfScope("user", id);
		}
		return user;
	}

	/** A scope that exists and lies inside the administrator's own; anything else is refused alike. */
	private RegionCode scopeWithin(Actor admin, String scopeCode) {
		if (!RegionCode.isValid(scopeCode)) {
			throw new DomainException(ErrorKind.INVALID, "identity.scope-unknown", String.valueOf(scopeCode));
		}
		RegionCode scope = RegionCode.of(scopeCode);
		if (!admin.canSee(scope) || regions.find(scope).isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "identity.scope-unknown", scopeCode);
		}
		return scope;
	}
}
