package io.gridgov.cases.internal.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gridgov.cases.CaseAction;
import io.gridgov.cases.CaseStatus;

/**
 * One step in the life of a case. {@code actorId} and {@code actorName} are empty for a resident
 * and for the deadline watcher; {@code from} is empty for the report. Only an entry marked
 * {@code publicSafe} reaches the tracking page, and only through {@link #publicView()}.
 */
public record TimelineEntry(Instant at, UUID actorId, String actorName, String role, CaseStatus from, CaseStatus to,
		CaseAction action, String note, List<UUID> attachmentIds, boolean publicSafe) {

	public TimelineEntry {
		attachmentIds = List.copyOf(attachmentIds);
	}

	/**
	 * What the holder of the tracking code may see of this entry: when, what, and the status it led
	 * to; never who, the note or the attachments.
	 */
	public PublicTimelineEntry publicView() {
		if (!publicSafe) {
			throw new IllegalStateException("timeline entry " + action + " at " + at + " is internal");
		}
		return new PublicTimelineEntry(at, action, to);
	}
}
