package io.gridgov.cases.internal.loop;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.cases.CaseSource;
import io.gridgov.cases.CaseStatus;
import io.gridgov.cases.internal.loop.CaseCommands.ActOnCase;
import io.gridgov.cases.internal.loop.CaseCommands.ReportCase;
import io.gridgov.cases.internal.loop.CaseCommands.Reveal;
import io.gridgov.cases.internal.loop.CaseViews.CaseDetail;
import io.gridgov.cases.internal.loop.CaseViews.CaseSummary;
import io.gridgov.platform.idempotency.Idempotency;
import io.gridgov.platform.idempotency.IdempotencyRequest;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.CurrentActor;

/** The case loop for signed-in users: intake, the queue, a case and its transitions. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

	private final CaseService cases;
	private final Idempotency idempotency;

	CaseController(CaseService cases, Idempotency idempotency) {
		this.cases = cases;
		this.idempotency = idempotency;
	}

	/** Reports a case; a retry with the same {@code Idempotency-Key} gets the first response. */
	@PostMapping
	ResponseEntity<?> report(@RequestBody ReportCase body, HttpServletRequest request) {
		return idempotency.execute(IdempotencyRequest.of(request, "cases.report", body), () -> {
			CaseDetail created = cases.report(body, CurrentActor.require());
			return ResponseEntity.created(URI.create("/api/cases/" + created.id())).body(created);
		});
	}

	@GetMapping
	Page<CaseSummary> search(@RequestParam(required = false) String status,
			@RequestParam(required = false) String category, @RequestParam(required = false) String grid,
			@RequestParam(required = false) String community, @RequestParam(required = false) String source,
			@RequestParam(required = false) Boolean dueSoon, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Boolean unassigned, @RequestParam(required = false) Boolean supervised,
			@RequestParam(required = false) boolean mine, @RequestParam(required = false) boolean reportedByMe,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		CaseService.Query query = new CaseService.Query(statuses(status), blankToNull(category), blankToNull(grid),
				blankToNull(community), source(source), dueSoon, overdue, unassigned, supervised, mine, reportedByMe,
				blankToNull(q));
		return cases.search(query, PageQuery.of(page, size), CurrentActor.require());
	}

	@GetMapping("/{id}")
	CaseDetail detail(@PathVariable UUID id) {
		return cases.detail(id, CurrentActor.require());
	}

	@PostMapping("/{id}/actions/{action}")
	CaseDetail act(@PathVariable UUID id, @PathVariable String action, @RequestBody ActOnCase body) {
		return cases.act(id, action, body, CurrentActor.require());
	}

	@GetMapping("/{id}/routing-proposal")
	CaseService.Proposal proposal(@PathVariable UUID id) {
		return cases.proposal(id, CurrentActor.require());
	}

	@GetMapping("/assignees")
	CaseService.AssigneeOptions assignees(@RequestParam(required = false) String grid) {
		return cases.assignees(grid, CurrentActor.require());
	}

	@GetMapping("/duplicates")
	List<CaseService.Duplicate> duplicates(@RequestParam String category, @RequestParam Double longitude,
			@RequestParam Double latitude, @RequestParam(required = false) UUID excludeId) {
		return cases.duplicates(category, longitude, latitude, excludeId, CurrentActor.require());
	}

	@PostMapping("/{id}/reporter-phone/reveal")
	Map<String, String> reveal(@PathVariable UUID id, @RequestBody Reveal body) {
		return Map.of("value", cases.revealPhone(id, body.reason(), CurrentActor.require()));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static List<CaseStatus> statuses(String csv) {
		if (csv == null || csv.isBlank()) {
			return null;
		}
		try {
			return Arrays.stream(csv.split(",")).map(s -> CaseStatus.valueOf(s.strip().toUpperCase(Locale.ROOT))).toList();
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(ErrorKind.INVALID, "cases.filter-invalid", "status", csv);
		}
	}

	private static CaseSource source(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return CaseSource.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(ErrorKind.INVALID, "cases.filter-invalid", "source", value);
		}
	}
}
