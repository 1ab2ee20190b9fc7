package io.gridgov.registers.internal;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import io.gridgov.registers.Residency;
import io.gridgov.platform.scope.RegionCode;

/** A validated resident: what the store writes. ID number and phone are still plain here and never logged. */
record ResidentFields(String name, IdNumber idNumber, MobilePhone phone, LocalDate birthDate, String gender,
		String address, String building, String unit, String room, RegionCode grid, Double longitude, Double latitude,
		Residency residency, Set<String> tags, boolean householdHead) {

	ResidentFields {
		tags = Set.copyOf(new TreeSet<>(tags));
	}

	/** A canonical text of every field, whose keyed hash tells an unchanged re-import from a change. */
	String canonical() {
		return String.join("\u001f", name, idNumber == null ? "" : idNumber.value(), phone == null ? "" : phone.value(),
				String.valueOf(birthDate), String.valueOf(gender), nz(address), nz(building), nz(unit), nz(room),
				grid.value(), String.valueOf(longitude), String.valueOf(latitude), residency.name(),
				String.join(",", new TreeSet<>(tags)), String.valueOf(householdHead));
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

	@Override
	public String toString() {
		return "ResidentFields[" + grid + "]";
	}
}
