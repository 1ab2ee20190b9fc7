package io.gridgov.insight.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.gridgov.insight.internal.InsightService.BreakdownRow;
import io.gridgov.insight.internal.InsightService.TrendPoint;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * The monthly evaluation report (月度综合评价报告) of one region, as the XLSX and the PDF print it: the
 * month's headline indicators beside the previous month's, the communities, grids and departments
 * ranked by closure rate, the categories by cases reported, and the month's days. Every figure is an
 * {@link Indicators} the insight API answers for the same month and region; this class only orders
 * them and says how each column reads (a zero denominator reads as a dash, never NaN).
 */
record MonthlyReport(YearMonth month, LocalDate from, LocalDate to, String regionCode, String regionName,
		String generatedBy, Instant generatedAt, Lang lang, Indicators total, Indicators previous,
		List<Ranked> communities, List<Ranked> grids, List<Ranked> departments, List<Ranked> categories,
		List<TrendPoint> days) {

	/** The language of the report's words (headers, names, units); the figures are the same. */
	enum Lang {
		ZH, EN;

		static Lang parse(String value) {
			if (value == null || value.isBlank()) {
				return ZH;
			}
			return switch (value.strip().toLowerCase(Locale.ROOT)) {
				case "zh", "zh-cn" -> ZH;
				case "en" -> EN;
				default -> throw new DomainException(ErrorKind.INVALID, "insight.report-language-unknown", value);
			};
		}

		String of(String zh, String en) {
			return this == ZH ? zh : en;
		}

		String of(Definitions.Text text) {
			return of(text.zh(), text.en());
		}
	}

	/** One row of a ranking: its rank (null: not ranked), key, name and figures. */
	record Ranked(Integer rank, String key, String name, Indicators indicators) {
	}

	/** How a column's numbers are kept in a cell and read as text. */
	enum Unit {
		COUNT, RATIO, HOURS, STARS
	}

	/**
	 * The standard indicators as columns, in the order of the tables. {@code periodic} is false for
	 * the figures that describe the cases as they stand now (no previous month to compare with).
	 */
	enum Column {
		REPORTED("reported", Unit.COUNT, i -> (double) i.reported()),
		ACCEPTED("accepted", Unit.COUNT, i -> (double) i.accepted()),
		CLOSED("closed", Unit.COUNT, i -> (double) i.closed()),
		CLOSURE_RATE("closureRate", Unit.RATIO, Indicators::closureRate),
		ON_TIME_HANDLING_RATE("onTimeHandlingRate", Unit.RATIO, Indicators::onTimeHandlingRate),
		ON_TIME_ACCEPTANCE_RATE("onTimeAcceptanceRate", Unit.RATIO, Indicators::onTimeAcceptanceRate),
		CORRECT_DISPATCH_RATE("correctDispatchRate", Unit.RATIO, Indicators::correctDispatchRate),
		REWORK_RATE("reworkRate", Unit.RATIO, Indicators::reworkRate),
		SATISFACTION_RATE("satisfactionRate", Unit.RATIO, Indicators::satisfactionRate),
		AVERAGE_RATING("averageRating", Unit.STARS, Indicators::averageRating),
		AVERAGE_TIME_TO_ACCEPT("averageTimeToAcceptSeconds", Unit.HOURS, i -> hours(i.averageTimeToAcceptSeconds())),
		P90_TIME_TO_ACCEPT("p90TimeToAcceptSeconds", Unit.HOURS, i -> hours(i.p90TimeToAcceptSeconds())),
		AVERAGE_TIME_TO_HANDLE("averageTimeToHandleSeconds", Unit.HOURS, i -> hours(i.averageTimeToHandleSeconds())),
		P90_TIME_TO_HANDLE("p90TimeToHandleSeconds", Unit.HOURS, i -> hours(i.p90TimeToHandleSeconds())),
		OVERDUE_NOW("overdueNow", Unit.COUNT, i -> i.overdueNow() == null ? null : (double) i.overdueNow(), false),
		DUE_SOON("dueSoon", Unit.COUNT, i -> i.dueSoon() == null ? null : (double) i.dueSoon(), false);

		final String key;
		final Unit unit;
		final boolean periodic;
		private final Function<Indicators, Double> value;
		private final Definitions.Definition definition;

		Column(String key, Unit unit, Function<Indicators, Double> value) {
			this(key, unit, value, true);
		}

		Column(String key, Unit unit, Function<Indicators, Double> value, boolean periodic) {
			this.key = key;
			this.unit = unit;
			this.value = value;
			this.periodic = periodic;
			this.definition = Definitions.ALL.stream()
				.filter(d -> d.key().equals(key))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no definition of " + key));
		}

		/** The number a cell holds: counts, ratios 0–1, hours, stars; null when the denominator is 0. */
		Double value(Indicators indicators) {
			return indicators == null ? null : value.apply(indicators);
		}

		String name(Lang lang) {
			return lang.of(definition.name());
		}

		/** The name with its unit where the number alone does not say it (hours). */
		String header(Lang lang) {
			return unit == Unit.HOURS ? name(lang) + lang.of("（小时）", " (h)") : name(lang);
		}

		String definition(Lang lang) {
			return lang.of(definition.definition());
		}

		/** The figure as text ({@code 1,234}; {@code 99.4 %}; {@code 2.5 小时}; {@code 4.45}), a dash when there is none. */
		String text(Indicators indicators, Lang lang) {
			return text(value(indicators), lang);
		}

		String text(Double v, Lang lang) {
			if (v == null || v.isNaN() || v.isInfinite()) {
				return DASH;
			}
			return switch (unit) {
				case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(v));
				case RATIO -> String.format(Locale.ROOT, "%.1f %%", v * 100);
				case HOURS -> String.format(Locale.ROOT, "%.1f", v) + lang.of(" 小时", " h");
				case STARS -> String.format(Locale.ROOT, "%.2f", v);
			};
		}

		/** This month minus the previous one: null when either is missing or the figure is not periodic. */
		Double change(Indicators now, Indicators before) {
			Double a = value(now);
			Double b = value(before);
			return !periodic || a == null || b == null ? null : a - b;
		}

		/** The change as text ({@code +12}; {@code −1.5 个百分点}; {@code +0.3 小时}), a dash when there is none. */
		String changeText(Indicators now, Indicators before, Lang lang) {
			Double d = change(now, before);
			if (d == null) {
				return DASH;
			}
			double shown = unit == Unit.RATIO ? d * 100 : d;
			String digits = switch (unit) {
				case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(Math.abs(shown)));
				case RATIO, HOURS -> String.format(Locale.ROOT, "%.1f", Math.abs(shown));
				case STARS -> String.format(Locale.ROOT, "%.2f", Math.abs(shown));
			};
			boolean zero = digits.chars().allMatch(ch -> ch == '0' || ch == '.' || ch == ',');
			String sign = zero ? "" : shown > 0 ? "+" : "−";
			return sign + digits + switch (unit) {
				case COUNT, STARS -> "";
				case RATIO -> lang.of(" 个百分点", " pp");
				case HOURS -> lang.of(" 小时", " h");
			};
		}
	}

	/** What a figure with a zero denominator reads. */
	static final String DASH = "—";

	/** The columns of the tables by region and department (every standard indicator). */
	static final List<Column> TABLE = List.of(Column.values());

	/** The columns of a day (the figures of now do not apply to a past day). */
	static final List<Column> DAILY = java.util.Arrays.stream(Column.values()).filter(c -> c.periodic).toList();

	/** The department key of cases never dispatched: listed last, not ranked. */
	static final String NOT_DISPATCHED = "";

	/**
	 * Ranks rows by closure rate (highest first; equal rates share a rank, the next rank skips), then
	 * by cases accepted and by key. Rows without a closure rate (nothing accepted) and the row of the
	 * cases never dispatched follow, without a rank.
	 */
	static List<Ranked> rankByClosureRate(List<BreakdownRow> rows, Lang lang) {
		Comparator<BreakdownRow> order = Comparator
			.comparing((BreakdownRow r) -> unranked(r) ? 1 : 0)
			.thenComparing(r -> r.indicators().closureRate() == null ? 0 : -r.indicators().closureRate())
			.thenComparing(r -> -r.indicators().accepted())
			.thenComparing(BreakdownRow::key);
		List<BreakdownRow> sorted = rows.stream().sorted(order).toList();
		List<Ranked> ranked = new ArrayList<>(sorted.size());
		Double previousRate = null;
		int rank = 0;
		for (int i = 0; i < sorted.size(); i++) {
			BreakdownRow r = sorted.get(i);
			Integer mine = null;
			if (!unranked(r)) {
				if (!r.indicators().closureRate().equals(previousRate)) {
					rank = i + 1;
					previousRate = r.indicators().closureRate();
				}
				mine = rank;
			}
			ranked.add(new Ranked(mine, r.key(), name(r, lang), r.indicators()));
		}
		return ranked;
	}

	/** Orders rows by cases reported (most first), ranked in that order. */
	static List<Ranked> rankByReported(List<BreakdownRow> rows, Lang lang) {
		List<BreakdownRow> sorted = rows.stream()
			.sorted(Comparator.comparing((BreakdownRow r) -> -r.indicators().reported()).thenComparing(BreakdownRow::key))
			.toList();
		List<Ranked> ranked = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			ranked.add(new Ranked(i + 1, sorted.get(i).key(), name(sorted.get(i), lang), sorted.get(i).indicators()));
		}
		return ranked;
	}

	private static boolean unranked(BreakdownRow r) {
		return NOT_DISPATCHED.equals(r.key()) || r.indicators().closureRate() == null;
	}

	private static String name(BreakdownRow r, Lang lang) {
		return lang == Lang.EN && r.nameEn() != null && !r.nameEn().isBlank() ? r.nameEn() : r.name();
	}

	private static Double hours(Long seconds) {
		return seconds == null ? null : seconds / 3600.0;
	}

	/** The report's title line, e.g. {@code 外海街道 2024年6月 月度综合评价报告}. */
	String title() {
		return lang.of(regionName + " " + month.getYear() + "年" + month.getMonthValue() + "月 月度综合评价报告",
				"Monthly evaluation report · " + regionName + " · " + month);
	}

	/** True when the month has not ended yet (the report covers its first days only). */
	boolean partial() {
		return to.isBefore(month.atEndOfMonth());
	}

	/** The download's name, e.g. {@code 外海街道-2024-06-月度综合评价报告.xlsx} (no character a file system refuses). */
	String fileName(String extension) {
		String region = regionName.replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
		return region + "-" + month + lang.of("-月度综合评价报告.", "-monthly-report.") + extension;
	}
}
