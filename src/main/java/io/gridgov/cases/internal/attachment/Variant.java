package io.gridgov.cases.internal.attachment;

/** Which file of a case photo to open. */
public enum Variant {
	/** The upload as received, metadata included: for authorised signed-in users only. */
	ORIGINAL,
	/** A JPEG of at most 320 px on the long side, without metadata. */
	THUMBNAIL,
	/** The copy re-encoded from the pixels without metadata: the only file ever served to the public. */
	PUBLIC
}
