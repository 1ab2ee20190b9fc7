/**
 * Who may do what, where: users, roles, region scopes, sign-in with sessions kept in the
 * database, and the append-only audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "platform", "geo" })
package io.gridgov.identity;
