package io.gridgov.registers.internal;

import java.time.LocalDate;
import java.util.Set;

/**
 * A resident as typed into a form or read from an import row, not yet validated. {@code gridCode}
 * or the point ({@code longitude}, {@code latitude}) places the resident; the grid wins when both
 * are given. {@code birthDate} is only needed without an ID number.
 */
record ResidentInput(String name, String idNumber, String phone, LocalDate birthDate, String gender, String address,
		String building, String unit, String room, String gridCode, Double longitude, Double latitude, String residency,
		Set<String> tags, Boolean householdHead) {

	/**
	 * This input with the stored ID number and phone where it leaves them out ({@code null}): a form
	 * only has their masked values, so an edit that does not retype them keeps them. An empty
	 * string still clears a value.
	 */
	ResidentInput keeping(String storedIdNumber, String storedPhone) {
		return new ResidentInput(name, idNumber == null ? storedIdNumber : idNumber, phone == null ? storedPhone : phone,
				birthDate, gender, address, building, unit, room, gridCode, longitude, latitude, residency, tags, householdHead);
	}
}
