package io.gridgov.workforce.internal;

/** Where a grid worker comes from; part-time workers are mostly enterprise employees, couriers and riders. */
enum WorkerSource {
	COMMUNITY_STAFF, ENTERPRISE_EMPLOYEE, COURIER, DELIVERY_RIDER, VOLUNTEER, OTHER
}
