package io.gridgov.cases;

/**
 * Who a case is proposed to: a department (by code), or the lead worker of the case's grid, whom
 * the caller resolves through the workforce module.
 */
public record RoutingTarget(Kind kind, String departmentCode) {

	public enum Kind {
		DEPARTMENT, GRID_LEAD
	}

	public static RoutingTarget department(String code) {
		return new RoutingTarget(Kind.DEPARTMENT, code);
	}

	public static RoutingTarget gridLead() {
		return new RoutingTarget(Kind.GRID_LEAD, null);
	}
}
