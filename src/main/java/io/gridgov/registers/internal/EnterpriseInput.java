package io.gridgov.registers.internal;

import java.util.Set;

import io.gridgov.registers.EnterpriseFlag;

/** An enterprise as typed or imported, not yet validated. */
record EnterpriseInput(String name, String creditCode, String address, String gridCode, Double longitude,
		Double latitude, String industry, Integer employeeCount, String contactName, String contactPhone,
		Set<EnterpriseFlag> flags) {

	/** This input with the stored contact phone where it leaves it out ({@code null}); an empty string clears it. */
	EnterpriseInput keeping(String storedContactPhone) {
		return new EnterpriseInput(name, creditCode, address, gridCode, longitude, latitude, industry, employeeCount,
				contactName, contactPhone == null ? storedContactPhone : contactPhone, flags);
	}
}
