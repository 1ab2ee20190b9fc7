package io.gridgov.cases.internal.attachment;

import java.time.Instant;
import java.util.UUID;

/**
 * What is known of a case photo: its type and size (of the stored original; width and height as
 * shown, after the EXIF orientation), the case it belongs to once linked, whether residents may
 * see its public copy, and who uploaded it ({@code null}: a resident, anonymously).
 */
public record Attachment(UUID id, UUID caseId, String contentType, long sizeBytes, int width, int height,
		String sha256, boolean publicSafe, UUID uploadedBy, Instant uploadedAt, Instant linkedAt) {

	public boolean linked() {
		return caseId != null;
	}
}
