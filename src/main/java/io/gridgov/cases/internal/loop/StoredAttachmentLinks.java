package io.gridgov.cases.internal.loop;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.gridgov.cases.internal.attachment.Attachment;
import io.gridgov.cases.internal.attachment.AttachmentService;
import io.gridgov.cases.internal.attachment.CaseAccess;
import io.gridgov.cases.internal.loop.CaseViews.AttachmentRef;
import io.gridgov.platform.scope.Actor;

/**
 * Joins the case loop and the attachment storage: links uploads to a case in the case's
 * transaction, lists them, and tells the attachment endpoints who may see a case's photos.
 */
@Component
class StoredAttachmentLinks implements CaseAttachmentLinks, CaseAccess {

	private final AttachmentService attachments;
	private final CaseService cases;

	StoredAttachmentLinks(AttachmentService attachments, @org.springframework.context.annotation.Lazy CaseService cases) {
		this.attachments = attachments;
		this.cases = cases;
	}

	@Override
	public void link(UUID caseId, List<UUID> attachmentIds, boolean publicSafe, UUID uploader) {
		if (!attachmentIds.isEmpty()) {
			attachments.linkToCase(caseId, attachmentIds, publicSafe, uploader);
		}
	}

	@Override
	public List<AttachmentRef> ofCase(UUID caseId) {
		return attachments.ofCase(caseId)
			.stream()
			.map(a -> new AttachmentRef(a.id(), a.contentType(), a.publicSafe()))
			.toList();
	}

	@Override
	public List<UUID> publicPhotos(UUID caseId) {
		return attachments.ofCase(caseId).stream().filter(Attachment::publicSafe).map(Attachment::id).toList();
	}

	@Override
	public boolean visibleTo(UUID caseId, Actor actor) {
		return cases.visibleTo(caseId, actor);
	}

	@Override
	public Optional<UUID> caseIdForTrackingCode(String trackingCode) {
		return cases.caseOfTrackingCode(trackingCode);
	}
}
