package io.gridgov.identity.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.platform.audit.AuditOutcome;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.scope.CurrentActor;

/** The audit log, for the auditor only, read-only: there is no endpoint that changes it. */
@RestController
@RequestMapping("/api/audit")
class AuditLogController {

	private final AuditLogQuery query;

	AuditLogController(AuditLogQuery query) {
		this.query = query;
	}

	@GetMapping
	Page<AuditLogQuery.Entry> search(@RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) String username,
			@RequestParam(required = false) String action, @RequestParam(required = false) AuditOutcome outcome,
			@RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		var filter = new AuditLogQuery.Filter(from, to, username, action, outcome, recordType, recordId);
		return query.search(CurrentActor.require(), filter, PageQuery.of(page, size == null ? 50 : size));
	}

	@GetMapping("/{id}")
	AuditLogQuery.Entry one(@PathVariable UUID id) {
		return query.get(CurrentActor.require(), id);
	}
}
