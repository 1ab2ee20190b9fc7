package io.gridgov.cases.internal.loop;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.cases.Catalogue;
import io.gridgov.cases.CategoryClass;
import io.gridgov.cases.internal.loop.CaseCommands.PublicReport;
import io.gridgov.cases.internal.loop.CaseCommands.Rate;
import io.gridgov.cases.internal.loop.CaseViews.TrackingView;
import io.gridgov.platform.idempotency.Idempotency;
import io.gridgov.platform.idempotency.IdempotencyRequest;

/**
 * What a resident can do without an account: report a problem, follow it with the tracking code,
 * rate the result. Nothing here names a person or shows an internal note.
 */
@RestController
@RequestMapping("/api/public/cases")
class PublicCaseController {

	record PublicCategory(String code, String name, String nameEn, String classCode, String className,
			String classNameEn) {
	}

	private final CaseService cases;
	private final Catalogue catalogue;
	private final Idempotency idempotency;

	PublicCaseController(CaseService cases, Catalogue catalogue, Idempotency idempotency) {
		this.cases = cases;
		this.catalogue = catalogue;
		this.idempotency = idempotency;
	}

	@GetMapping("/categories")
	List<PublicCategory> categories() {
		java.util.Map<String, CategoryClass> classes = new java.util.HashMap<>();
		catalogue.classes().forEach(c -> classes.put(c.code(), c));
		return catalogue.leaves().stream().map(c -> {
			CategoryClass parent = classes.get(c.classCode());
			return new PublicCategory(c.code(), c.name(), c.nameEn(), c.classCode(),
					parent == null ? null : parent.name(), parent == null ? null : parent.nameEn());
		}).toList();
	}

	/** A resident's report; a retry with the same {@code Idempotency-Key} gets the same tracking code. */
	@PostMapping
	ResponseEntity<?> report(@RequestBody PublicReport body, HttpServletRequest request) {
		return idempotency.execute(IdempotencyRequest.of(request, "cases.public-report", body),
				() -> ResponseEntity.status(HttpStatus.CREATED).body(cases.reportPublic(body)));
	}

	@GetMapping("/{code}")
	TrackingView track(@PathVariable String code) {
		return cases.track(code);
	}

	@PostMapping("/{code}/rating")
	TrackingView rate(@PathVariable String code, @RequestBody Rate body) {
		return cases.rate(code, body);
	}

}
