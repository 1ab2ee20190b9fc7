package io.gridgov.insight.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

import org.springframework.stereotype.Service;

import io.gridgov.identity.Users;
import io.gridgov.insight.internal.InsightService.Params;
import io.gridgov.insight.internal.MonthlyReport.Lang;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.Actor;

/**
 * Builds the monthly evaluation report of a region from the insight API's own answers (summary,
 * breakdowns, daily trend) for the month, so the files always agree with the pages, and writes it
 * as XLSX or PDF with an audit row per export. Not one transaction: each query reads in its own, and
 * the audit row (a write) commits on its own after the file is written.
 */
@Service
class MonthlyReports {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
		.withResolverStyle(ResolverStyle.STRICT);

	/** The earliest month a report may cover; earlier input is a typing error, not a request. */
	static final YearMonth EARLIEST = YearMonth.of(2000, 1);

	enum Format {
		XLSX, PDF
	}

	private final InsightService insight;
	private final Users users;
	private final AuditTrail audit;
	private final Clock clock;

	MonthlyReports(InsightService insight, Users users, AuditTrail audit, Clock clock) {
		this.insight = insight;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** Writes the report of {@code month} (yyyy-MM; default: the last complete month) for the region. */
	MonthlyReport export(Format format, String month, String region, String lang, Actor actor, OutputStream out) {
		MonthlyReport report = build(month, region, lang, actor);
		switch (format) {
			case XLSX -> ReportWorkbook.write(report, out);
			case PDF -> ReportPdf.write(report, out);
		}
		audit.record(AuditRecord.success("INSIGHT_REPORT_EXPORT", "insight-report", report.regionCode())
			.withDetail("monthly " + format.name().toLowerCase(java.util.Locale.ROOT) + " " + report.month() + " "
					+ report.regionCode() + " " + report.lang().name().toLowerCase(java.util.Locale.ROOT)));
		return report;
	}

	MonthlyReport build(String month, String region, String lang, Actor actor) {
		Lang language = Lang.parse(lang);
		LocalDate today = clock.instant().atZone(Contributions.ZONE).toLocalDate();
		YearMonth m = month(month, YearMonth.from(today));
		LocalDate from = m.atDay(1);
		LocalDate to = m.atEndOfMonth().isAfter(today) ? today : m.atEndOfMonth();
		Params params = params(from, to, region);
		InsightService.Summary summary = insight.summary(params, actor);
		YearMonth before = m.minusMonths(1);
		Indicators previous = insight.summary(params(before.atDay(1), before.atEndOfMonth(), region), actor).indicators();
		return new MonthlyReport(m, from, to, summary.scope().region(), summary.scope().regionName(), author(actor),
				clock.instant(), language, summary.indicators(), previous,
				MonthlyReport.rankByClosureRate(rows(params, "community", actor), language),
				MonthlyReport.rankByClosureRate(rows(params, "grid", actor), language),
				MonthlyReport.rankByClosureRate(rows(params, "department", actor), language),
				MonthlyReport.rankByReported(rows(params, "category", actor), language),
				insight.trend(params, "day", actor).points());
	}

	/** The month asked for: yyyy-MM, not before 2000 and not after the current month. */
	static YearMonth month(String text, YearMonth current) {
		if (text == null || text.isBlank()) {
			return current.minusMonths(1);
		}
		YearMonth m;
		try {
			m = YearMonth.parse(text.strip(), MONTH);
		}
		catch (DateTimeParseException e) {
			throw new DomainException(ErrorKind.INVALID, "insight.month-invalid", text);
		}
		if (m.isAfter(current)) {
			throw new DomainException(ErrorKind.INVALID, "insight.month-future", m.toString(), current.toString());
		}
		if (m.isBefore(EARLIEST)) {
			throw new DomainException(ErrorKind.INVALID, "insight.month-invalid", text);
		}
		return m;
	}

	private List<InsightService.BreakdownRow> rows(Params params, String by, Actor actor) {
		return insight.breakdown(params, by, actor).rows();
	}

	private String author(Actor actor) {
		String name = actor.userId() == null ? null : users.displayNameOf(actor.userId()).orElse(null);
		return name == null || name.equals(actor.username()) ? actor.username() : name + " (" + actor.username() + ")";
	}

	private static Params params(LocalDate from, LocalDate to, String region) {
		return new Params(null, from.toString(), to.toString(), region, null, null, null);
	}
}
