package io.gridgov.insight.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.gridgov.insight.internal.InsightService.BreakdownRow;
import io.gridgov.insight.internal.InsightService.TrendPoint;
import io.gridgov.insight.internal.MonthlyReport.Lang;

/** A tiny month of figures whose indicators are computed by hand in the tests. */
final class MonthlyReportFixtures {

	static final YearMonth JUNE = YearMonth.of(2024, 6);

	private MonthlyReportFixtures() {
	}

	/**
	 * 10 reported, 8 accepted (all by the command centre, 6 on time, 30 min each), 6 closed; 4
	 * handled (3 on time, 2 h each); 5 dispatched, 1 returned; 4 verified, 1 reworked; 2 ratings of
	 * 4 and 5 stars; 3 overdue now.
	 */
	static Indicators busy() {
		Counters c = new Counters();
		c.add(Measure.REPORTED, 10);
		c.add(Measure.ACCEPTED, 8);
		c.add(Measure.ACCEPT_TIMED, 8);
		c.add(Measure.ACCEPTED_ON_TIME, 6);
		c.add(Measure.TTA_SUM_S, 8 * 1800);
		c.add(Measure.CLOSED, 6);
		c.add(Measure.HANDLED, 4);
		c.add(Measure.HANDLED_ON_TIME, 3);
		c.add(Measure.TTH_SUM_S, 4 * 7200);
		c.add(Measure.DISPATCHED, 5);
		c.add(Measure.RETURNED, 1);
		c.add(Measure.VERIFIED, 4);
		c.add(Measure.REWORKED, 1);
		c.add(Measure.RATED, 2);
		c.add(Measure.RATING_SUM, 9);
		c.add(Measure.RATED_GOOD, 2);
		return Indicators.of(c, 3L, 1L);
	}

	/** {@code accepted} taken on and {@code closed} closed, nothing else. */
	static Indicators closing(long reported, long accepted, long closed) {
		Counters c = new Counters();
		c.add(Measure.REPORTED, reported);
		c.add(Measure.ACCEPTED, accepted);
		c.add(Measure.CLOSED, closed);
		return Indicators.of(c, 0L, 0L);
	}

	/** B closes everything (rank 1), A and D close 75 % (rank 2, A accepted more), C accepted nothing. */
	static List<BreakdownRow> communities() {
		return List.of(new BreakdownRow("440704003001", "社区甲", "Community A", busy()),
				new BreakdownRow("440704003002", "社区乙", "Community B", closing(3, 4, 4)),
				new BreakdownRow("440704003003", "社区丙", "Community C", closing(2, 0, 0)),
				new BreakdownRow("440704003004", "社区丁", "Community D", closing(5, 4, 3)));
	}

	/** Day d of June: reported d % 7 + 1, closed d % 5 (0 on the days divisible by 5). */
	static List<TrendPoint> days() {
		List<TrendPoint> days = new ArrayList<>();
		for (int d = 1; d <= 30; d++) {
			LocalDate day = JUNE.atDay(d);
			days.add(new TrendPoint(day, day, closing(d % 7 + 1, d % 5, d % 5)));
		}
		return days;
	}

	static MonthlyReport report(Lang lang) {
		return new MonthlyReport(JUNE, JUNE.atDay(1), JUNE.atEndOfMonth(), "440704003000", "外海街道", "指挥中心 (command)",
				Instant.parse("2024-07-01T02:00:00Z"), lang, busy(), closing(9, 8, 5),
				MonthlyReport.rankByClosureRate(communities(), lang),
				MonthlyReport.rankByClosureRate(List.of(new BreakdownRow("440704003001001", "第1网格", "Grid 1", busy())), lang),
				MonthlyReport.rankByClosureRate(List.of(new BreakdownRow("", "未派遣", "Not dispatched", closing(4, 2, 2)),
						new BreakdownRow("CGJ", "城管局", "CGJ", closing(6, 6, 3))), lang),
				MonthlyReport.rankByReported(List.of(new BreakdownRow("EXPOSED_GARBAGE", "暴露垃圾", "Exposed garbage", closing(7, 7, 7)),
						new BreakdownRow("ROAD_DAMAGE", "道路破损", "Road damage", closing(3, 3, 1))), lang),
				days());
	}
}
