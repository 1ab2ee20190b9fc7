package io.gridgov.cases.internal.loop;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.gridgov.cases.internal.loop.CaseViews.AttachmentRef;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** Until attachment storage is merged: any attachment id is unknown. */
@Component
class PendingAttachmentLinks implements CaseAttachmentLinks {

	@Override
	public void link(UUID caseId, List<UUID> attachmentIds, boolean publicSafe, UUID uploader) {
		if (!attachmentIds.isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "cases.attachment-unknown", attachmentIds.get(0));
		}
	}

	@Override
	public List<AttachmentRef> ofCase(UUID caseId) {
		return List.of();
	}

	@Override
	public List<UUID> publicPhotos(UUID caseId) {
		return List.of();
	}
}
