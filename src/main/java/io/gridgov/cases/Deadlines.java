package io.gridgov.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * Stage deadlines of a category, counted in working time on the working calendar (holidays and
 * make-up working days of the State Council, working hours of the day), or in calendar time when
 * the category is an emergency. Unknown or class categories are refused with
 * {@code cases.category-unknown}.
 */
public interface Deadlines {

	/** When the stage, started at {@code start}, is due. */
	Instant deadline(String categoryCode, DeadlineStage stage, Instant start);

	/** The time that counts towards the category's deadlines between two instants (e.g. for "80 % used"). */
	Duration elapsed(String categoryCode, Instant from, Instant to);

	/**
	 * The same deadlines on the calendar and catalogue as they are now, read once: for bulk work such
	 * as generating a history, where reading them for every case would dominate. Later changes to the
	 * calendar or the catalogue do not reach the returned object.
	 */
	default Deadlines frozen() {
		return this;
	}
}
