package io.gridgov.insight.internal;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.scope.CurrentActor;

/**
 * The indicators over HTTP ({@code insight.read}; the rebuild {@code insight.rebuild}). Every query
 * takes {@code period} (today, week, month, year) or {@code from} and {@code to} (ISO dates, at
 * most five years), and optionally {@code region}, {@code category} (a leaf or a class),
 * {@code source} and {@code department}; it is always cut to the caller's scope.
 */
@RestController
@RequestMapping("/api/insight")
class InsightController {

	private final InsightService service;
	private final InsightRebuild rebuild;
	private final AuditTrail audit;

	InsightController(InsightService service, InsightRebuild rebuild, AuditTrail audit) {
		this.service = service;
		this.rebuild = rebuild;
		this.audit = audit;
	}

	@GetMapping("/definitions")
	Map<String, Object> definitions() {
		return Map.of("zone", Contributions.ZONE.getId(), "durationBuckets", DurationBuckets.describe(), "indicators",
				Definitions.ALL, "caseIndicators", indicatorKeys());
	}

	@GetMapping("/summary")
	InsightService.Summary summary(@RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String source, @RequestParam(required = false) String department) {
		return service.summary(new InsightService.Params(period, from, to, region, category, source, department),
				CurrentActor.require());
	}

	@GetMapping("/trend")
	InsightService.Trend trend(@RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String source, @RequestParam(required = false) String department,
			@RequestParam(required = false) String granularity) {
		return service.trend(new InsightService.Params(period, from, to, region, category, source, department),
				granularity, CurrentActor.require());
	}

	@GetMapping("/breakdown")
	InsightService.Breakdown breakdown(@RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String source, @RequestParam(required = false) String department,
			@RequestParam(required = false) String by, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String order, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return service.breakdown(new InsightService.Params(period, from, to, region, category, source, department),
				by, sort, order, page, size, CurrentActor.require());
	}

	/** The dashboard map's figures per grid (cases reported in the period, overdue now): one small row each. */
	@GetMapping("/map")
	InsightService.GridMap map(@RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String source, @RequestParam(required = false) String department) {
		return service.map(new InsightService.Params(period, from, to, region, category, source, department),
				CurrentActor.require());
	}

	@GetMapping("/cases")
	InsightService.Cases cases(@RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String source, @RequestParam(required = false) String department,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return service.cases(new InsightService.Params(period, from, to, region, category, source, department),
				indicator, page, size, CurrentActor.require());
	}

	@PostMapping("/rebuild")
	@PreAuthorize("hasAuthority('insight.rebuild')")
	InsightRebuild.Result rebuild() {
		InsightRebuild.Result result = rebuild.rebuild();
		audit.record(AuditRecord.success("INSIGHT_REBUILD", "insight", null)
			.withDetail(result.cases() + " cases, " + result.factRows() + " fact rows"));
		return result;
	}

	static List<String> indicatorKeys() {
		return java.util.Arrays.stream(InsightReads.CountedBy.values()).map(c -> c.key).toList();
	}
}
