package io.gridgov.registers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the residents API reads and writes. ID numbers and phones leave masked. */
final class ResidentViews {

	private ResidentViews() {
	}

	record ResidentView(UUID id, String name, String idNumberMasked, String gender, LocalDate birthDate,
			String phoneMasked, UUID householdId, String address, String building, String unit, String room,
			Double longitude, Double latitude, String gridCode, String gridName, String residency, String status,
			List<String> tags, long version, Instant updatedAt) {
	}

	record ResidentBody(String name, String idNumber, String phone, LocalDate birthDate, String gender, String address,
			String building, String unit, String room, String gridCode, Double longitude, Double latitude,
			String residency, Set<String> tags, Boolean householdHead, Long version) {

		ResidentInput input() {
			return new ResidentInput(name, idNumber, phone, birthDate, gender, address, building, unit, room, gridCode,
					longitude, latitude, residency, tags, householdHead);
		}
	}

	record StatusBody(io.gridgov.registers.ResidentStatus status, String reason, Long version) {
	}

	record RevealBody(String reason) {
	}

	record Revealed(String value) {
	}
}
