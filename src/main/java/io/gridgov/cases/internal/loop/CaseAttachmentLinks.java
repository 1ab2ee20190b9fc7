package io.gridgov.cases.internal.loop;

import java.util.List;
import java.util.UUID;

import io.gridgov.cases.internal.loop.CaseViews.AttachmentRef;

/** The photos of cases, as the loop needs them: link uploads to a case, list them. */
interface CaseAttachmentLinks {

	/**
	 * Links uploaded photos to a case in the caller's transaction; {@code publicSafe} photos may be
	 * shown (without metadata) on the tracking page. {@code uploader} is null for a resident.
	 */
	void link(UUID caseId, List<UUID> attachmentIds, boolean publicSafe, UUID uploader);

	List<AttachmentRef> ofCase(UUID caseId);

	/** The ids of the public-safe photos of a case. */
	List<UUID> publicPhotos(UUID caseId);
}
