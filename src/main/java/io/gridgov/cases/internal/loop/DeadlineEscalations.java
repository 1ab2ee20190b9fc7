package io.gridgov.cases.internal.loop;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.cases.CaseEvent;
import io.gridgov.cases.CaseOverdue;
import io.gridgov.cases.internal.workflow.CaseFile;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;

/**
 * One transaction of the deadline watcher: locks a batch of cases (in id order), marks each due
 * soon or overdue if its moment has come, saves them with their optimistic versions in one JDBC
 * batch, audits and publishes {@code CaseDueSoon} / {@code CaseOverdue} to the outbox. The row
 * locks and the idempotent markers make a second watcher (another instance, a retried run) find
 * nothing left to do: each case is escalated exactly once.
 */
@Component
class DeadlineEscalations {

	private final CaseStore store;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DeadlineEscalations(CaseStore store, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Escalates what is due among the given cases; returns the ids of those that changed. */
	@Transactional
	Set<UUID> escalate(List<UUID> ids) {
		Instant now = clock.instant();
		List<CaseFile> files = new ArrayList<>();
		List<CaseStore.Details> details = new ArrayList<>();
		Set<UUID> changed = new HashSet<>();
		for (CaseStore.Stored stored : store.findDueForUpdate(ids, now)) {
			CaseFile file = CaseFile.restore(clock, stored.snapshot(), List.of());
			if (file.markDueSoon(now) | file.markOverdue(now)) {
				changed.add(file.id());
			}
			// an unchanged case (e.g. a deadline moved) still gets its watch time recomputed, so that
			// it leaves the due list
			files.add(file);
			details.add(touched(stored.details(), now));
		}
		store.updateAll(files, details);
		List<AuditRecord> audits = new ArrayList<>();
		List<CaseEvent> published = new ArrayList<>();
		for (CaseFile file : files) {
			for (CaseEvent event : file.domainEvents()) {
				audits.add(AuditRecord.success(event instanceof CaseOverdue ? "CASE_OVERDUE" : "CASE_DUE_SOON",
						CaseService.RECORD_TYPE, file.id()));
				published.add(event);
			}
			file.clearDomainEvents();
		}
		audit.recordAll(audits);
		published.forEach(events::publishEvent);
		return changed;
	}

	private static CaseStore.Details touched(CaseStore.Details d, Instant at) {
		return new CaseStore.Details(d.communityCode(), d.boundaryVersion(), d.longitude(), d.latitude(), d.address(),
				d.description(), d.reporterUserId(), d.reporterName(), d.reporterPhone(), d.reporterPhoneHash(),
				d.reporterPhoneMasked(), d.hotlineOrderNo(), d.routingRuleId(), d.acceptDeadline(), d.ratingComment(),
				d.closedAt(), at);
	}
}
