package io.gridgov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseAccepted;
import io.gridgov.cases.CaseClosed;
import io.gridgov.cases.CaseDispatched;
import io.gridgov.cases.CaseDueSoon;
import io.gridgov.cases.CaseEvent;
import io.gridgov.cases.CaseHandled;
import io.gridgov.cases.CaseOverdue;
import io.gridgov.cases.CaseRated;
import io.gridgov.cases.CaseReported;
import io.gridgov.cases.CaseResumed;
import io.gridgov.cases.CaseReturned;
import io.gridgov.cases.CaseReworkRequested;
import io.gridgov.cases.CaseSource;
import io.gridgov.cases.CaseStarted;
import io.gridgov.cases.CaseStatus;
import io.gridgov.cases.CaseVerified;
import io.gridgov.platform.scope.RegionCode;

/** Each indicator's definition on hand-computed examples, edge cases included. */
class IndicatorDefinitionsTest {

	static final RegionCode GRID = RegionCode.of("440704003001001");
	static final String CATEGORY = "EXPOSED_GARBAGE";
	static final Assignee URBAN = Assignee.department("URBAN_MGMT");
	static final Assignee HOUSING = Assignee.department("HOUSING");

	/** A moment in Asia/Shanghai time. */
	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(Contributions.ZONE).toInstant();
	}

	/** The case's events, in order, and folding. */
	static final class Story {

		final UUID id = UUID.randomUUID();
		final List<CaseEvent> events = new ArrayList<>();

		Story reported(String t, CaseSource source) {
			events.add(new CaseReported(id, GRID, CATEGORY, at(t), source));
			return this;
		}

		Story accepted(String t, boolean onTime, long minutes) {
			events.add(new CaseAccepted(id, GRID, CATEGORY, at(t), onTime, Duration.ofMinutes(minutes)));
			return this;
		}

		Story dispatched(String t, Assignee to) {
			events.add(new CaseDispatched(id, GRID, CATEGORY, at(t), to, at(t).plus(Duration.ofHours(4)), false));
			return this;
		}

		Story returned(String t) {
			events.add(new CaseReturned(id, GRID, CATEGORY, at(t), URBAN));
			return this;
		}

		Story started(String t) {
			events.add(new CaseStarted(id, GRID, CATEGORY, at(t), URBAN));
			return this;
		}

		Story handled(String t, boolean onTime, long minutes) {
			events.add(new CaseHandled(id, GRID, CATEGORY, at(t), URBAN, onTime, Duration.ofMinutes(minutes), false));
			return this;
		}

		Story solvedOnTheSpot(String t) {
			events.add(new CaseHandled(id, GRID, CATEGORY, at(t), Assignee.gridWorker("w1"), true, Duration.ofMinutes(3), true));
			return this;
		}

		Story verifyFailed(String t) {
			events.add(new CaseReworkRequested(id, GRID, CATEGORY, at(t), URBAN, 1));
			return this;
		}

		Story resumed(String t) {
			events.add(new CaseResumed(id, GRID, CATEGORY, at(t), URBAN));
			return this;
		}

		Story verified(String t) {
			events.add(new CaseVerified(id, GRID, CATEGORY, at(t)));
			return this;
		}

		Story closed(String t) {
			events.add(new CaseClosed(id, GRID, CATEGORY, at(t), CaseSource.PATROL, true, true, true, 0, null, null, false,
					false));
			return this;
		}

		Story rated(String t, int stars) {
			events.add(new CaseRated(id, GRID, CATEGORY, at(t), stars));
			return this;
		}

		Story dueSoon(String t) {
			events.add(new CaseDueSoon(id, GRID, CATEGORY, at(t), URBAN, null));
			return this;
		}

		Story overdue(String t) {
			events.add(new CaseOverdue(id, GRID, CATEGORY, at(t), URBAN, null, 1));
			return this;
		}

		CaseFacts facts() {
			CaseFacts f = new CaseFacts(id);
			for (CaseEvent e : events) {
				f = CaseFold.apply(f, e);
			}
			return f;
		}
	}

	/** The indicators of the period [from, to] over the cases' contributions. */
	static Indicators indicators(String from, String to, Story... stories) {
		Counters sum = new Counters();
		LocalDate f = LocalDate.parse(from);
		LocalDate t = LocalDate.parse(to);
		for (Story s : stories) {
			Contributions.of(s.facts()).forEach((k, v) -> {
				if (!k.day().isBefore(f) && !k.day().isAfter(t)) {
					sum.add(v, 1);
				}
			});
		}
		return Indicators.of(sum, 0L, 0L);
	}

	static Story closedCase(String day) {
		return new Story().reported(day + "T09:00", CaseSource.PATROL)
			.accepted(day + "T09:10", true, 10)
			.dispatched(day + "T09:20", URBAN)
			.started(day + "T09:30")
			.handled(day + "T10:20", true, 60)
			.verified(day + "T11:00")
			.closed(day + "T11:10");
	}

	@Test
	void closureRateIsClosedOverAcceptedInTheSamePeriod() {
		Story open = new Story().reported("2024-03-01T09:00", CaseSource.HOTLINE)
			.accepted("2024-03-01T09:05", true, 5)
			.dispatched("2024-03-01T09:10", URBAN);
		Indicators i = indicators("2024-03-01", "2024-03-01", closedCase("2024-03-01"), closedCase("2024-03-01"), open);
		assertThat(i.reported()).isEqualTo(3);
		assertThat(i.accepted()).isEqualTo(3);
		assertThat(i.closed()).isEqualTo(2);
		assertThat(i.closureRate()).isCloseTo(2.0 / 3, within(1e-12));
	}

	@Test
	void zeroDenominatorsGiveNullNeverNaN() {
		Indicators i = indicators("2024-03-01", "2024-03-31");
		assertThat(i.reported()).isZero();
		assertThat(i.closureRate()).isNull();
		assertThat(i.onTimeHandlingRate()).isNull();
		assertThat(i.onTimeAcceptanceRate()).isNull();
		assertThat(i.correctDispatchRate()).isNull();
		assertThat(i.reworkRate()).isNull();
		assertThat(i.averageTimeToAcceptSeconds()).isNull();
		assertThat(i.p90TimeToAcceptSeconds()).isNull();
		assertThat(i.averageTimeToHandleSeconds()).isNull();
		assertThat(i.p90TimeToHandleSeconds()).isNull();
		assertThat(i.averageRating()).isNull();
		assertThat(i.satisfactionRate()).isNull();
	}

	@Test
	void aCaseCrossingAPeriodBoundaryCountsEachFigureOnItsOwnDay() {
		// reported on New Year's Eve at 23:30 in Jiangmen (15:30 UTC), accepted and closed in the new year
		Story s = new Story().reported("2024-12-31T23:30", CaseSource.RESIDENT)
			.accepted("2025-01-01T00:10", false, 40)
			.dispatched("2025-01-01T00:20", URBAN)
			.started("2025-01-01T08:00")
			.handled("2025-01-01T10:00", true, 100)
			.verified("2025-01-02T09:00")
			.closed("2025-01-02T09:30");
		Indicators old = indicators("2024-12-01", "2024-12-31", s);
		assertThat(old.reported()).isEqualTo(1);
		assertThat(old.accepted()).isZero();
		assertThat(old.closureRate()).isNull();
		Indicators next = indicators("2025-01-01", "2025-01-31", s);
		assertThat(next.reported()).isZero();
		assertThat(next.accepted()).isEqualTo(1);
		assertThat(next.closed()).isEqualTo(1);
		assertThat(next.closureRate()).isEqualTo(1.0);
		assertThat(next.onTimeAcceptanceRate()).isEqualTo(0.0);
		assertThat(next.averageTimeToAcceptSeconds()).isEqualTo(2400);
		assertThat(indicators("2025-01-01", "2025-01-01", s).closed()).isZero();
	}

	@Test
	void aCaseReopenedByReworkCountsOnceOnItsLatestHandlingAndOnceAsRework() {
		Story s = new Story().reported("2024-05-06T09:00", CaseSource.PATROL)
			.accepted("2024-05-06T09:10", true, 10)
			.dispatched("2024-05-06T09:20", URBAN)
			.started("2024-05-06T09:30")
			.handled("2024-05-06T11:00", true, 100)
			.verifyFailed("2024-05-07T09:00")
			.resumed("2024-05-07T10:00")
			.handled("2024-05-09T10:00", false, 3 * 24 * 60)
			.verifyFailed("2024-05-09T15:00")
			.resumed("2024-05-09T16:00")
			.handled("2024-05-10T09:00", false, 4 * 24 * 60)
			.verified("2024-05-10T11:00")
			.closed("2024-05-10T11:30");
		assertThat(indicators("2024-05-06", "2024-05-06", s).handled()).isZero();
		Indicators week = indicators("2024-05-06", "2024-05-12", s);
		assertThat(week.handled()).isEqualTo(1);
		assertThat(week.handledOnTime()).isZero();
		assertThat(week.onTimeHandlingRate()).isEqualTo(0.0);
		assertThat(week.averageTimeToHandleSeconds()).isEqualTo(4 * 24 * 3600);
		assertThat(week.verified()).isEqualTo(1);
		assertThat(week.reworked()).isEqualTo(1);
		assertThat(week.reworkRate()).isEqualTo(1.0);

		Indicators two = indicators("2024-05-01", "2024-05-31", s, closedCase("2024-05-20"));
		assertThat(two.reworkRate()).isEqualTo(0.5);
		assertThat(two.onTimeHandlingRate()).isEqualTo(0.5);
	}

	@Test
	void onTimeHandlingRateIsHandledOnTimeOverHandled() {
		Story late = new Story().reported("2024-06-03T09:00", CaseSource.PATROL)
			.accepted("2024-06-03T09:10", true, 10)
			.dispatched("2024-06-03T09:20", URBAN)
			.started("2024-06-03T09:30")
			.handled("2024-06-04T09:00", false, 1420);
		Indicators i = indicators("2024-06-01", "2024-06-30", closedCase("2024-06-03"), closedCase("2024-06-04"),
				closedCase("2024-06-05"), late);
		assertThat(i.handled()).isEqualTo(4);
		assertThat(i.handledOnTime()).isEqualTo(3);
		assertThat(i.onTimeHandlingRate()).isEqualTo(0.75);
		assertThat(i.averageTimeToHandleSeconds()).isEqualTo((3 * 3600 + 1420 * 60) / 4);
	}

	@Test
	void correctDispatchRateCountsAReturnedCaseOnceUnderTheDepartmentThatKeptIt() {
		Story returned = new Story().reported("2024-07-01T09:00", CaseSource.HOTLINE)
			.accepted("2024-07-01T09:05", true, 5)
			.dispatched("2024-07-01T09:10", URBAN)
			.returned("2024-07-01T10:00")
			.dispatched("2024-07-02T09:00", HOUSING)
			.returned("2024-07-02T10:00")
			.dispatched("2024-07-02T11:00", URBAN);
		Indicators i = indicators("2024-07-01", "2024-07-31", returned, closedCase("2024-07-03"),
				closedCase("2024-07-04"), closedCase("2024-07-05"));
		assertThat(i.dispatched()).isEqualTo(4);
		assertThat(i.returned()).isEqualTo(1);
		assertThat(i.correctDispatchRate()).isEqualTo(0.75);
		assertThat(returned.facts().departmentCode).isEqualTo("URBAN_MGMT");
		assertThat(Contributions.of(returned.facts()).keySet()).allMatch(k -> k.departmentCode().equals("URBAN_MGMT"));
	}

	@Test
	void aCaseSolvedOnTheSpotIsTakenOnWithoutAnAcceptanceTime() {
		Story spot = new Story().reported("2024-08-01T09:00", CaseSource.PATROL)
			.solvedOnTheSpot("2024-08-01T09:03")
			.verified("2024-08-01T10:00")
			.closed("2024-08-01T10:05");
		Indicators i = indicators("2024-08-01", "2024-08-31", spot, closedCase("2024-08-02"));
		assertThat(i.accepted()).isEqualTo(2);
		assertThat(i.solvedOnTheSpot()).isEqualTo(1);
		assertThat(i.acceptedByCommandCentre()).isEqualTo(1);
		assertThat(i.onTimeAcceptanceRate()).isEqualTo(1.0);
		assertThat(i.closureRate()).isEqualTo(1.0);
		assertThat(i.dispatched()).isEqualTo(1);
		assertThat(spot.facts().departmentCode).isEqualTo(CaseFacts.GRID_WORKER);
	}

	@Test
	void satisfactionIsTheMeanOfStarsAndTheShareOfFourAndFive() {
		Indicators i = indicators("2024-09-01", "2024-09-30", closedCase("2024-09-02").rated("2024-09-02T20:00", 5),
				closedCase("2024-09-03").rated("2024-09-04T08:00", 4), closedCase("2024-09-05").rated("2024-09-05T21:00", 2),
				closedCase("2024-09-06"));
		assertThat(i.rated()).isEqualTo(3);
		assertThat(i.averageRating()).isCloseTo(11.0 / 3, within(1e-12));
		assertThat(i.satisfactionRate()).isCloseTo(2.0 / 3, within(1e-12));
	}

	@Test
	void p90IsInterpolatedInsideTheBucketOfTheNinetiethRank() {
		long[] counts = new long[DurationBuckets.COUNT];
		counts[0] = 10; // ten times under 5 minutes: rank 9 of 10 → 9/10 of the way through [0, 300)
		assertThat(DurationBuckets.p90(counts)).isEqualTo(270);
		counts[0] = 5;
		counts[DurationBuckets.bucketOf(3600)] = 5; // [1 h, 1.5 h): rank 9 is the 4th of 5 → 1 h + 4/5 × 30 min
		assertThat(DurationBuckets.p90(counts)).isEqualTo(3600 + 1440);
		long[] slow = new long[DurationBuckets.COUNT];
		slow[DurationBuckets.COUNT - 1] = 3;
		assertThat(DurationBuckets.p90(slow)).isEqualTo(240 * 3600);
		assertThat(DurationBuckets.p90(new long[DurationBuckets.COUNT])).isNull();
	}

	@Test
	void onlyCasesWhoseDeadlineRunsAreOverdueOrDueSoonNow() {
		Story s = new Story().reported("2024-10-08T09:00", CaseSource.PATROL)
			.accepted("2024-10-08T09:05", true, 5)
			.dispatched("2024-10-08T09:10", URBAN)
			.dueSoon("2024-10-08T12:20");
		assertThat(s.facts().alert()).isEqualTo("DUE_SOON");
		s.overdue("2024-10-08T13:20");
		assertThat(s.facts().alert()).isEqualTo("OVERDUE");
		s.returned("2024-10-08T14:00");
		assertThat(s.facts().alert()).isEqualTo("OVERDUE");
		s.dispatched("2024-10-08T15:00", HOUSING);
		assertThat(s.facts().alert()).isNull();
		s.started("2024-10-08T15:10").overdue("2024-10-09T15:00").handled("2024-10-09T16:00", false, 1800);
		assertThat(s.facts().status).isEqualTo(CaseStatus.HANDLED);
		assertThat(s.facts().alert()).isNull();
	}

	@Test
	void anEventDeliveredTwiceOrLateChangesNothing() {
		Story s = closedCase("2024-11-11").rated("2024-11-11T20:00", 5);
		CaseFacts once = s.facts();
		CaseFacts twice = once;
		for (CaseEvent e : s.events) {
			twice = CaseFold.apply(twice, e);
		}
		assertThat(twice).isEqualTo(once);
		List<CaseEvent> reversed = new ArrayList<>(s.events);
		java.util.Collections.reverse(reversed);
		CaseFacts backwards = new CaseFacts(s.id);
		for (CaseEvent e : reversed) {
			backwards = CaseFold.apply(backwards, e);
		}
		assertThat(backwards).isEqualTo(once);
		assertThat(Contributions.difference(once, twice)).isEmpty();
	}

	@Test
	void aChangeMovesTheCasesContributionBetweenDays() {
		Story s = new Story().reported("2024-12-02T09:00", CaseSource.PATROL)
			.accepted("2024-12-02T09:05", true, 5)
			.dispatched("2024-12-02T09:10", URBAN)
			.started("2024-12-02T09:20")
			.handled("2024-12-02T10:00", true, 50);
		CaseFacts before = s.facts();
		s.verifyFailed("2024-12-03T09:00").resumed("2024-12-03T10:00").handled("2024-12-04T10:00", false, 2 * 24 * 60);
		Map<FactKey, Counters> diff = Contributions.difference(before, s.facts());
		assertThat(diff).hasSize(2);
		diff.forEach((k, v) -> {
			long expected = k.day().equals(LocalDate.parse("2024-12-02")) ? -1 : 1;
			assertThat(v.get(Measure.HANDLED)).isEqualTo(expected);
		});
	}

	@Test
	void everyIndicatorHasAChineseAndAnEnglishDefinition() {
		assertThat(Definitions.ALL).extracting(Definitions.Definition::key)
			.contains("reported", "accepted", "closed", "closureRate", "onTimeHandlingRate", "onTimeAcceptanceRate",
					"correctDispatchRate", "reworkRate", "overdueNow", "dueSoon", "averageTimeToAcceptSeconds",
					"p90TimeToAcceptSeconds", "averageTimeToHandleSeconds", "p90TimeToHandleSeconds", "averageRating",
					"satisfactionRate");
		assertThat(Definitions.ALL).allSatisfy(d -> {
			assertThat(d.name().zh()).isNotBlank();
			assertThat(d.name().en()).isNotBlank();
			assertThat(d.definition().zh()).isNotBlank();
			assertThat(d.definition().en()).isNotBlank();
		});
	}
}
