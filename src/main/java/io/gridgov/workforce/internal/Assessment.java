package io.gridgov.workforce.internal;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** A worker's assessment score for a quarter ({@code 2026-Q3}), 0 to 100. One per worker and quarter. */
record Assessment(UUID id, UUID workerId, String period, int score, String assessor, String note, Instant recordedAt) {

	private static final Pattern PERIOD = Pattern.compile("20\\d{2}-Q[1-4]");
	static final int MAX_NOTE = 500;

	static Assessment of(UUID id, UUID workerId, String period, int score, String assessor, String note, Instant now) {
		if (period == null || !PERIOD.matcher(period).matches()) {
			throw new DomainException(ErrorKind.INVALID, "workforce.period-invalid", String.valueOf(period));
		}
		if (score < 0 || score > 100) {
			throw new DomainException(ErrorKind.INVALID, "workforce.score-invalid", score);
		}
		String cleanNote = note == null || note.isBlank() ? null : Texts.required(note, MAX_NOTE);
		return new Assessment(id, workerId, period, score, Texts.required(assessor, Worker.MAX_NAME), cleanNote, now);
	}
}
