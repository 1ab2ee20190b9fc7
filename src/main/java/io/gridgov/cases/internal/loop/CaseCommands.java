package io.gridgov.cases.internal.loop;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseSource;

/** What the API asks the case loop to do; validated by the service, not by annotations. */
final class CaseCommands {

	private CaseCommands() {
	}

	/** A case typed in by a signed-in user: a grid worker on patrol, a hotline or petition operator. */
	record ReportCase(CaseSource source, String categoryCode, String description, Double longitude, Double latitude,
			String gridCode, String address, String reporterName, String reporterPhone, String hotlineOrderNo,
			List<UUID> attachmentIds, Boolean solvedOnTheSpot, String result) {

		ReportCase {
			attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
		}
	}

	/** A resident's report, without an account. */
	record PublicReport(String categoryCode, String description, Double longitude, Double latitude, String gridCode,
			String address, String phone, List<UUID> attachmentIds) {

		PublicReport {
			attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
		}
	}

	/** The body of {@code POST /api/cases/{id}/actions/{action}}; each action reads what it needs. */
	record ActOnCase(Long version, String note, String reason, String result, AssigneeRef assignee, UUID mergeInto,
			Instant newDeadline, List<UUID> attachmentIds, String gridCode) {

		ActOnCase {
			attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
		}
	}

	record AssigneeRef(Assignee.Kind kind, String targetId) {
	}

	record Rate(Integer stars, String comment) {
	}

	record Reveal(String reason) {
	}
}
