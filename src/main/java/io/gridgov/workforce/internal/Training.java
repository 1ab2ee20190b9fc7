package io.gridgov.workforce.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** A training a worker took part in (安全生产, 政策解读, 无人机操作 …). */
record Training(UUID id, UUID workerId, String topic, LocalDate date, double hours, String provider, Instant recordedAt) {

	static final int MAX_TEXT = 100;
	static final double MAX_HOURS = 200;

	static Training of(UUID id, UUID workerId, String topic, LocalDate date, double hours, String provider,
			LocalDate today, Instant now) {
		if (date == null || date.isAfter(today)) {
			throw new DomainException(ErrorKind.INVALID, "workforce.training-date-invalid");
		}
		if (!(hours > 0 && hours <= MAX_HOURS)) {
			throw new DomainException(ErrorKind.INVALID, "workforce.training-hours-invalid", MAX_HOURS);
		}
		return new Training(id, workerId, Texts.required(topic, MAX_TEXT), date, hours, Texts.required(provider, MAX_TEXT),
				now);
	}
}
