package io.gridgov.identity.internal;

import org.springframework.data.relational.core.mapping.Table;

import io.gridgov.identity.Role;

/** One role held by a user. */
@Table("identity_user_role")
record RoleGrant(Role role) {
}
