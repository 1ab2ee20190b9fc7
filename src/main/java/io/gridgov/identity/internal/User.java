package io.gridgov.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import io.gridgov.identity.Role;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.RegionCode;

/** A user account: the aggregate root of identity. State changes go through its methods. */
@Table("identity_user")
class User {

	@Id
	private final UUID id;
	private final String username;
	private String displayName;
	private String passwordHash;
	private String scopeCode;
	private boolean enabled;
	private int failedAttempts;
	private Instant lockedUntil;
	private Instant lastLoginAt;
	private Instant passwordChangedAt;
	private final Instant createdAt;
	private Instant updatedAt;
	@Version
	private Long version;
	@MappedCollection(idColumn = "user_id")
	private Set<RoleGrant> roles;

	@PersistenceCreator
	User(UUID id, String username, String displayName, String passwordHash, String scopeCode, boolean enabled,
			int failedAttempts, Instant lockedUntil, Instant lastLoginAt, Instant passwordChangedAt, Instant createdAt,
			Instant updatedAt, Long version, Set<RoleGrant> roles) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.scopeCode = scopeCode;
		this.enabled = enabled;
		this.failedAttempts = failedAttempts;
		this.lockedUntil = lockedUntil;
		this.lastLoginAt = lastLoginAt;
		this.passwordChangedAt = passwordChangedAt;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
		this.roles = roles;
	}

	static User create(UUID id, String username, String displayName, String passwordHash, Set<Role> roles,
			RegionCode scope, Instant now) {
		SeparationOfDutiesPolicy.check(roles);
		return new User(id, username, displayName, passwordHash, scope.value(), true, 0, null, null, now, now, now, null,
				grants(roles));
	}

	void update(String newDisplayName, Set<Role> newRoles, RegionCode newScope, boolean newEnabled, Instant now) {
		SeparationOfDutiesPolicy.check(newRoles);
		this.displayName = newDisplayName;
		this.roles = grants(newRoles);
		this.scopeCode = newScope.value();
		this.enabled = newEnabled;
		this.updatedAt = now;
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangedAt = now;
		this.updatedAt = now;
	}

	void unlock(Instant now) {
		this.failedAttempts = 0;
		this.lockedUntil = null;
		this.updatedAt = now;
	}

	void requireVersion(long expected) {
		if (version == null || version != expected) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version").with("currentVersion", version);
		}
	}

	private static Set<RoleGrant> grants(Set<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "identity.roles-required");
		}
		return roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
	}

	UUID id() {
		return id;
	}

	String username() {
		return username;
	}

	String displayName() {
		return displayName;
	}

	String passwordHash() {
		return passwordHash;
	}

	RegionCode scope() {
		return RegionCode.of(scopeCode);
	}

	boolean enabled() {
		return enabled;
	}

	Instant lockedUntil() {
		return lockedUntil;
	}

	Instant lastLoginAt() {
		return lastLoginAt;
	}

	Instant createdAt() {
		return createdAt;
	}

	Long version() {
		return version;
	}

	Set<Role> roles() {
		return roles.stream().map(RoleGrant::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}
}
