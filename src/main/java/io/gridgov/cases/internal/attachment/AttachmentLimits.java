package io.gridgov.cases.internal.attachment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of case photos ({@code gridgov.cases.attachments.*}): the largest file, the most pixels
 * an image may decode to (a small file can claim a huge picture: a decompression bomb), the
 * long side of thumbnails and of the public copy, and how long an upload may stay unlinked to a
 * case before it may be purged.
 */
@ConfigurationProperties("gridgov.cases.attachments")
record AttachmentLimits(DataSize maxBytes, Long maxPixels, Integer thumbnailEdge, Integer publicEdge,
		Duration unlinkedRetention) {

	AttachmentLimits {
		maxBytes = maxBytes == null ? DataSize.ofMegabytes(10) : maxBytes;
		maxPixels = maxPixels == null ? 40_000_000L : maxPixels;
		thumbnailEdge = thumbnailEdge == null ? 320 : thumbnailEdge;
		publicEdge = publicEdge == null ? 2560 : publicEdge;
		unlinkedRetention = unlinkedRetention == null ? Duration.ofHours(24) : unlinkedRetention;
	}

	static AttachmentLimits defaults() {
		return new AttachmentLimits(null, null, null, null, null);
	}
}
