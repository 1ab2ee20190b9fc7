package io.gridgov.cases.internal.calendar;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** The working periods of a working day, e.g. 08:30–12:00 and 14:00–17:30: ordered, not overlapping, not empty. */
public record WorkingHours(List<Period> periods) {

	public record Period(LocalTime start, LocalTime end) {

		public Period {
			if (!start.isBefore(end)) {
				throw new IllegalArgumentException("A working period must end after it starts: " + start + "-" + end);
			}
		}
	}

	public WorkingHours {
		if (periods.isEmpty()) {
			throw new IllegalArgumentException("A working day needs at least one working period");
		}
		for (int i = 1; i < periods.size(); i++) {
			if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
				throw new IllegalArgumentException("Working periods must be ordered and must not overlap");
			}
		}
		periods = List.copyOf(periods);
	}

	public static final WorkingHours STANDARD = parse("08:30-12:00,14:00-17:30");

	/** Parses {@code "08:30-12:00,14:00-17:30"}. */
	public static WorkingHours parse(String text) {
		List<Period> periods = new ArrayList<>();
		for (String part : text.split(",")) {
			String[] bounds = part.trim().split("-");
			if (bounds.length != 2) {
				throw new IllegalArgumentException("Working period must read like 08:30-12:00: " + part);
			}
			periods.add(new Period(LocalTime.parse(bounds[0].trim()), LocalTime.parse(bounds[1].trim())));
		}
		return new WorkingHours(periods);
	}
}
