package io.gridgov.registers.internal;

import java.util.Set;

import io.gridgov.registers.EnterpriseFlag;

/** An enterprise as typed or imported, not yet validated. */
record EnterpriseInput(String name, String creditCode, String address, String gridCode, Double longitude,
		Double latitude, String industry, Integer employeeCount, String contactName, String contactPhone,
		Set<EnterpriseFlag> flags) {
}
