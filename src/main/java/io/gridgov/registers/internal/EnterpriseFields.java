package io.gridgov.registers.internal;

import java.util.EnumSet;
import java.util.Set;

import io.gridgov.platform.scope.RegionCode;
import io.gridgov.registers.EnterpriseFlag;

/** A validated enterprise. */
record EnterpriseFields(String name, CreditCode creditCode, String address, RegionCode grid, Double longitude,
		Double latitude, String industry, Integer employeeCount, String contactName, MobilePhone contactPhone,
		Set<EnterpriseFlag> flags) {

	EnterpriseFields {
		flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
	}

	String canonical() {
		return String.join("\u001f", name, creditCode.value(), String.valueOf(address), grid.value(),
				String.valueOf(longitude), String.valueOf(latitude), String.valueOf(industry),
				String.valueOf(employeeCount), String.valueOf(contactName),
				contactPhone == null ? "" : contactPhone.value(), String.valueOf(new java.util.TreeSet<>(flags)));
	}

	@Override
	public String toString() {
		return "EnterpriseFields[" + creditCode.value() + "]";
	}
}
