package io.gridgov.cases.internal.attachment;

import java.io.InputStream;

/** An opened file of a case photo; the caller reads and closes the stream. */
public record AttachmentContent(String contentType, long size, InputStream stream) {
}
