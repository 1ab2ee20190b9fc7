package io.gridgov.identity;

import java.util.Set;

/**
 * The roles of GridGov and what each may use. The system administrator and the auditor are
 * separate roles (三员分立): only the auditor reads the audit log.
 */
public enum Role {

	ADMIN(Permission.REGIONS_READ, Permission.USERS_MANAGE, Permission.GRIDS_READ, Permission.GRIDS_MANAGE,
			Permission.WORKERS_READ, Permission.WORKERS_MANAGE, Permission.CASES_CONFIGURE, Permission.REGISTERS_TAGS, Permission.INSIGHT_REBUILD),
	AUDITOR(Permission.REGIONS_READ, Permission.AUDIT_READ),
	COMMAND_CENTRE(Permission.REGIONS_READ, Permission.GRIDS_READ, Permission.WORKERS_READ, Permission.WORKERS_MANAGE,
			Permission.PERSONAL_DATA_REVEAL, Permission.CASES_READ, Permission.CASES_REPORT, Permission.REGISTERS_READ,
			Permission.REGISTERS_MANAGE, Permission.REGISTERS_IMPORT, Permission.REGISTERS_TAGS, Permission.CAMPAIGNS_READ,
			Permission.CAMPAIGNS_MANAGE, Permission.CAMPAIGNS_RECORD, Permission.INSIGHT_READ),
	DEPARTMENT(Permission.REGIONS_READ, Permission.GRIDS_READ, Permission.WORKERS_READ, Permission.CASES_READ),
	GRID_WORKER(Permission.REGIONS_READ, Permission.GRIDS_READ, Permission.WORKERS_READ, Permission.CASES_READ,
			Permission.CASES_REPORT, Permission.REGISTERS_READ, Permission.REGISTERS_MANAGE, Permission.CAMPAIGNS_READ,
			Permission.CAMPAIGNS_RECORD),
	MEDIATOR(Permission.REGIONS_READ, Permission.GRIDS_READ, Permission.WORKERS_READ),
	PARTY_OFFICER(Permission.REGIONS_READ, Permission.GRIDS_READ, Permission.WORKERS_READ),
	LEADER(Permission.REGIONS_READ, Permission.GRIDS_READ, Permission.WORKERS_READ, Permission.PERSONAL_DATA_REVEAL,
			Permission.CASES_READ, Permission.REGISTERS_READ, Permission.CAMPAIGNS_READ, Permission.INSIGHT_READ);

	private final Set<String> permissions;

	Role(String... permissions) {
		this.permissions = Set.of(permissions);
	}

	public Set<String> permissions() {
		return permissions;
	}
}
