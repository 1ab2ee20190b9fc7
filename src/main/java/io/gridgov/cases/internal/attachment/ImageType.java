package io.gridgov.cases.internal.attachment;

import java.util.Optional;

/**
 * The image types a case photo may have, recognised by their first bytes (magic numbers), never
 * by a file name or a declared content type.
 */
enum ImageType {

	JPEG("image/jpeg", "jpeg"), PNG("image/png", "png"), WEBP("image/webp", "webp");

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	private static final byte[] RIFF = { 'R', 'I', 'F', 'F' };
	private static final byte[] WEBP_TAG = { 'W', 'E', 'B', 'P' };

	private final String contentType;
	private final String formatName;

	ImageType(String contentType, String formatName) {
		this.contentType = contentType;
		this.formatName = formatName;
	}

	String contentType() {
		return contentType;
	}

	/** The ImageIO format name of the reader. */
	String formatName() {
		return formatName;
	}

	/**
	 * The type of the copy shown to the public: PNG stays PNG (screenshots, drawings), everything
	 * else becomes JPEG, which every browser shows.
	 */
	ImageType publicCopyType() {
		return this == PNG ? PNG : JPEG;
	}

	static Optional<ImageType> ofContentType(String contentType) {
		for (ImageType type : values()) {
			if (type.contentType.equals(contentType)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

	/** The type whose magic bytes the content starts with; WebP is {@code RIFF<size>WEBP}. */
	static Optional<ImageType> sniff(byte[] content) {
		if (startsWith(content, 0, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, 0, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (startsWith(content, 0, RIFF) && startsWith(content, 8, WEBP_TAG)) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] content, int offset, byte[] magic) {
		if (content.length < offset + magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (content[offset + i] != magic[i]) {
				return false;
			}
		}
		return true;
	}
}
