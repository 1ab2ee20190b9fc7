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
	/** Read the registers of residents, households and enterprises (masked) within the scope; record visits. */
	public static final String REGISTERS_READ = "registers.read";
	/** Create and change residents, households and enterprises within the scope. */
	public static final String REGISTERS_MANAGE = "registers.manage";
	/** Import registers from XLSX/CSV files. */
	public static final String REGISTERS_IMPORT = "registers.import";
	/** Edit the list of tags (special and key groups). */
	public static final String REGISTERS_TAGS = "registers.tags";
	/** See follow-up campaigns, their lists and progress (cut to the region scope). */
	public static final String CAMPAIGNS_READ = "campaigns.read";
	/** Create, edit, start, finish and cancel follow-up campaigns. */
	public static final String CAMPAIGNS_MANAGE = "campaigns.manage";
	/** Record follow-up outcomes and close home-service tasks of the grids in scope. */
	public static final String CAMPAIGNS_RECORD = "campaigns.record";
	/** See a personal data value (phone, ID number) in full, with a stated reason; every reveal is audited. */
	public static final String PERSONAL_DATA_REVEAL = "personaldata.reveal";

	/** See the indicators of the case loop (dashboard, statistics, drill-down to the cases) within the scope. */
	public static final String INSIGHT_READ = "insight.read";
	/** Clear the insight read models and replay the case history into them. */
	public static final String INSIGHT_REBUILD = "insight.rebuild";

	private Permission() {
	}
}
