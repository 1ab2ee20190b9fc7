package io.gridgov.insight.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.insight.internal.MonthlyReports.Format;
import io.gridgov.platform.scope.CurrentActor;

/**
 * The monthly evaluation report (月度综合评价报告) as a download ({@code insight.read}, cut to the
 * caller's scope like every insight query): {@code month} (yyyy-MM, default the last complete
 * month), {@code region} (default the caller's scope) and {@code lang} ({@code zh}, default, or
 * {@code en}). Each download is audited ({@code INSIGHT_REPORT_EXPORT}).
 */
@RestController
@RequestMapping("/api/insight/reports")
class ReportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final MonthlyReports reports;

	ReportController(MonthlyReports reports) {
		this.reports = reports;
	}

	@GetMapping("/monthly.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String month,
			@RequestParam(required = false) String region, @RequestParam(required = false) String lang) {
		return download(Format.XLSX, XLSX, month, region, lang);
	}

	@GetMapping("/monthly.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) String month,
			@RequestParam(required = false) String region, @RequestParam(required = false) String lang) {
		return download(Format.PDF, MediaType.APPLICATION_PDF, month, region, lang);
	}

	private ResponseEntity<byte[]> download(Format format, MediaType type, String month, String region, String lang) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		MonthlyReport report = reports.export(format, month, region, lang, CurrentActor.require(), out);
		String name = report.fileName(format.name().toLowerCase(java.util.Locale.ROOT));
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(out.toByteArray());
	}
}
