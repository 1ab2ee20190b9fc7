package io.gridgov.identity;

/** Permission names: the authorities that pages and endpoints check. */
public final class Permission {

	public static final String REGIONS_READ = "regions.read";
	public static final String USERS_MANAGE = "users.manage";
	public static final String AUDIT_READ = "audit.read";
	public static final String GRIDS_READ = "grids.read";
	public static final String GRIDS_MANAGE = "grids.manage";
	public static final String WORKERS_READ = "workers.read";
	public static final String WORKERS_MANAGE = "workers.manage";
	/** Edit the case catalogue: departments, categories and their deadlines, the working calendar, routing rules. */
	public static final String CASES_CONFIGURE = "cases.configure";
	/** Read cases within the scope: the queue, a case, its photos; act on it as the workflow allows. */
	public static final String CASES_READ = "cases.read";
	/** Report a case as a signed-in user (patrol, hotline, petition) and import hotline work orders. */
	public static final String CASES_REPORT = "cases.report";
	/** See a personal data value (phone, ID number) in full, with a stated reason; every reveal is audited. */
	public static final String PERSONAL_DATA_REVEAL = "personaldata.reveal";

	private Permission() {
	}
}
