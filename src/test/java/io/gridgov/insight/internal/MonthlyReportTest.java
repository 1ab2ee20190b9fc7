package io.gridgov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gridgov.insight.internal.MonthlyReport.Column;
import io.gridgov.insight.internal.MonthlyReport.Lang;
import io.gridgov.insight.internal.MonthlyReport.Ranked;
import io.gridgov.platform.problem.DomainException;

/** The report model on a tiny month whose figures are computed by hand (see {@link MonthlyReportFixtures}). */
class MonthlyReportTest {

	private final MonthlyReport report = MonthlyReportFixtures.report(Lang.ZH);

	@Test
	void headlineFiguresReadAsComputedByHand() {
		Indicators i = report.total();
		assertThat(Column.REPORTED.text(i, Lang.ZH)).isEqualTo("10");
		assertThat(Column.CLOSURE_RATE.value(i)).isEqualTo(0.75);
		assertThat(Column.CLOSURE_RATE.text(i, Lang.ZH)).isEqualTo("75.0 %");
		assertThat(Column.CORRECT_DISPATCH_RATE.text(i, Lang.ZH)).isEqualTo("80.0 %");
		assertThat(Column.REWORK_RATE.text(i, Lang.ZH)).isEqualTo("25.0 %");
		assertThat(Column.SATISFACTION_RATE.text(i, Lang.ZH)).isEqualTo("100.0 %");
		assertThat(Column.AVERAGE_RATING.text(i, Lang.ZH)).isEqualTo("4.50");
		assertThat(Column.AVERAGE_TIME_TO_ACCEPT.value(i)).isEqualTo(0.5);
		assertThat(Column.AVERAGE_TIME_TO_ACCEPT.text(i, Lang.ZH)).isEqualTo("0.5 小时");
		assertThat(Column.AVERAGE_TIME_TO_HANDLE.text(i, Lang.EN)).isEqualTo("2.0 h");
		assertThat(Column.OVERDUE_NOW.text(i, Lang.ZH)).isEqualTo("3");
		assertThat(Column.REPORTED.text(1234.0, Lang.ZH)).isEqualTo("1,234");
	}

	@Test
	void aZeroDenominatorReadsAsADashNeverNaN() {
		Indicators nothing = Indicators.of(new Counters(), null, null);
		for (Column c : Column.values()) {
			String text = c.text(nothing, Lang.ZH);
			assertThat(text).as(c.key).doesNotContain("NaN").doesNotContain("Infinity");
			if (c.unit != MonthlyReport.Unit.COUNT || !c.periodic) {
				assertThat(text).as(c.key).isEqualTo(MonthlyReport.DASH);
				assertThat(c.value(nothing)).as(c.key).isNull();
			}
		}
		// no time to accept was bucketed in the fixture: no p90
		assertThat(Column.P90_TIME_TO_ACCEPT.text(report.total(), Lang.ZH)).isEqualTo("—");
		assertThat(Column.CLOSURE_RATE.text(Double.NaN, Lang.ZH)).isEqualTo("—");
	}

	@Test
	void changeAgainstThePreviousMonthIsInPercentagePointsForRatesAndNoneForFiguresOfNow() {
		// previous month: 9 reported, 8 accepted, 5 closed → 62.5 %
		assertThat(Column.CLOSURE_RATE.changeText(report.total(), report.previous(), Lang.ZH)).isEqualTo("+12.5 个百分点");
		assertThat(Column.CLOSURE_RATE.changeText(report.previous(), report.total(), Lang.EN)).isEqualTo("−12.5 pp");
		assertThat(Column.REPORTED.changeText(report.total(), report.previous(), Lang.ZH)).isEqualTo("+1");
		assertThat(Column.ACCEPTED.changeText(report.total(), report.previous(), Lang.ZH)).isEqualTo("0");
		assertThat(Column.OVERDUE_NOW.change(report.total(), report.previous())).isNull();
		// a change that rounds to nothing carries no sign
		assertThat(Column.AVERAGE_TIME_TO_ACCEPT.changeText(MonthlyReportFixtures.busy(), hoursToAccept(1790), Lang.ZH))
			.isEqualTo("0.0 小时");
		assertThat(Column.AVERAGE_TIME_TO_ACCEPT.changeText(hoursToAccept(1790), MonthlyReportFixtures.busy(), Lang.ZH))
			.isEqualTo("0.0 小时");
		assertThat(Column.ON_TIME_HANDLING_RATE.changeText(report.total(), report.previous(), Lang.ZH)).isEqualTo("—");
	}

	/** One case accepted by the command centre after {@code seconds}. */
	private static Indicators hoursToAccept(long seconds) {
		Counters c = new Counters();
		c.add(Measure.ACCEPT_TIMED, 1);
		c.add(Measure.TTA_SUM_S, seconds);
		return Indicators.of(c, null, null);
	}

	@Test
	void communitiesRankByClosureRateEqualRatesShareARankAndNoRateComesLastUnranked() {
		assertThat(report.communities()).extracting(Ranked::rank, Ranked::name)
			.containsExactly(tuple(1, "社区乙"), tuple(2, "社区甲"), tuple(2, "社区丁"), tuple(null, "社区丙"));
		assertThat(MonthlyReportFixtures.report(Lang.EN).communities()).extracting(Ranked::name)
			.containsExactly("Community B", "Community A", "Community D", "Community C");
	}

	@Test
	void casesNeverDispatchedAreListedLastWithoutARank() {
		assertThat(report.departments()).extracting(Ranked::rank, Ranked::key).containsExactly(tuple(1, "CGJ"), tuple(null, ""));
	}

	@Test
	void categoriesRankByCasesReported() {
		assertThat(report.categories()).extracting(Ranked::rank, Ranked::key)
			.containsExactly(tuple(1, "EXPOSED_GARBAGE"), tuple(2, "ROAD_DAMAGE"));
	}

	@Test
	void theMonthIsYyyyMmNotInTheFutureAndDefaultsToTheLastCompleteMonth() {
		YearMonth now = YearMonth.of(2026, 11);
		assertThat(MonthlyReports.month(null, now)).isEqualTo(YearMonth.of(2026, 10));
		assertThat(MonthlyReports.month(" ", YearMonth.of(2026, 1))).isEqualTo(YearMonth.of(2025, 12));
		assertThat(MonthlyReports.month("2024-06", now)).isEqualTo(YearMonth.of(2024, 6));
		assertThat(MonthlyReports.month("2026-11", now)).isEqualTo(now);
		for (String bad : List.of("2024-13", "2024-6", "2024/06", "June", "2024-00", "1999-12")) {
			assertThatThrownBy(() -> MonthlyReports.month(bad, now)).as(bad)
				.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("insight.month-invalid"));
		}
		assertThatThrownBy(() -> MonthlyReports.month("2026-12", now))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("insight.month-future"));
	}

	@Test
	void theLanguageIsChineseByDefaultOrEnglish() {
		assertThat(Lang.parse(null)).isEqualTo(Lang.ZH);
		assertThat(Lang.parse("en")).isEqualTo(Lang.EN);
		assertThat(Lang.parse("zh-CN")).isEqualTo(Lang.ZH);
		assertThatThrownBy(() -> Lang.parse("fr")).isInstanceOfSatisfying(DomainException.class,
				e -> assertThat(e.code()).isEqualTo("insight.report-language-unknown"));
	}

	@Test
	void everyColumnCarriesItsDefinitionInBothLanguages() {
		for (Column c : Column.values()) {
			assertThat(c.name(Lang.ZH)).as(c.key).isNotBlank().isNotEqualTo(c.name(Lang.EN));
			assertThat(c.definition(Lang.EN)).as(c.key).isNotBlank();
		}
		assertThat(report.title()).isEqualTo("外海街道 2024年6月 月度综合评价报告");
		assertThat(report.fileName("xlsx")).isEqualTo("外海街道-2024-06-月度综合评价报告.xlsx");
		assertThat(report.partial()).isFalse();
	}
}
