package io.gridgov.identity;

/** Permission names: the authorities that pages and endpoints check. */
public final class Permission {

	public static final String REGIONS_READ = "regions.read";
	public static final String USERS_MANAGE = "users.manage";
	public static final String AUDIT_READ = "audit.read";

	private Permission() {
	}
}
