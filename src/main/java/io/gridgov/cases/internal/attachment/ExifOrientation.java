package io.gridgov.cases.internal.attachment;

import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG (how the camera was held) and its application to the pixels, so
 * that the copies made without metadata still stand the right way up. Reads only the orientation
 * tag of the first image directory in the APP1 "Exif" segment; anything unreadable counts as
 * "as stored" (1).
 */
final class ExifOrientation {

	private static final int TAG_ORIENTATION = 0x0112;

	private ExifOrientation() {
	}

	/** The orientation 1–8 of a JPEG, or 1 when it has none or it cannot be read. */
	static int of(byte[] jpeg) {
		try {
			int pos = 2;
			while (pos + 4 <= jpeg.length) {
				if ((jpeg[pos] & 0xFF) != 0xFF) {
					return 1;
				}
				int marker = jpeg[pos + 1] & 0xFF;
				if (marker == 0xFF) {
					pos++;
					continue;
				}
				if (marker == 0xDA || marker == 0xD9) {
					return 1;
				}
				int length = u16(jpeg, pos + 2, true);
				if (length < 2) {
					return 1;
				}
				int start = pos + 4;
				if (marker == 0xE1 && length >= 8 && start + 6 <= jpeg.length && jpeg[start] == 'E'
						&& jpeg[start + 1] == 'x' && jpeg[start + 2] == 'i' && jpeg[start + 3] == 'f'
						&& jpeg[start + 4] == 0 && jpeg[start + 5] == 0) {
					return fromTiff(jpeg, start + 6, Math.min(jpeg.length, pos + 2 + length));
				}
				pos += 2 + length;
			}
			return 1;
		}
		catch (ArrayIndexOutOfBoundsException e) {
			return 1;
		}
	}

	private static int fromTiff(byte[] b, int tiff, int end) {
		boolean bigEndian;
		if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
			bigEndian = true;
		}
		else if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
			bigEndian = false;
		}
		else {
			return 1;
		}
		long ifd = u32(b, tiff + 4, bigEndian);
		if (ifd < 8 || tiff + ifd + 2 > end) {
			return 1;
		}
		int dir = (int) (tiff + ifd);
		int entries = u16(b, dir, bigEndian);
		for (int i = 0; i < entries; i++) {
			int entry = dir + 2 + 12 * i;
			if (entry + 12 > end) {
				return 1;
			}
			if (u16(b, entry, bigEndian) == TAG_ORIENTATION) {
				int value = u16(b, entry + 8, bigEndian);
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	/** The image turned and mirrored as the orientation says, as a new image of the same type. */
	static BufferedImage apply(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, image.getType());
		int[] row = new int[w];
		for (int y = 0; y < h; y++) {
			image.getRGB(0, y, w, 1, row, 0, w);
			for (int x = 0; x < w; x++) {
				int dx;
				int dy;
				switch (orientation) {
					case 2 -> { dx = w - 1 - x; dy = y; }
					case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
					case 4 -> { dx = x; dy = h - 1 - y; }
					case 5 -> { dx = y; dy = x; }
					case 6 -> { dx = h - 1 - y; dy = x; }
					case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
					default -> { dx = y; dy = w - 1 - x; }
				}
				out.setRGB(dx, dy, row[x]);
			}
		}
		return out;
	}

	private static int u16(byte[] b, int at, boolean bigEndian) {
		int a = b[at] & 0xFF;
		int c = b[at + 1] & 0xFF;
		return bigEndian ? (a << 8) | c : (c << 8) | a;
	}

	private static long u32(byte[] b, int at, boolean bigEndian) {
		long value = 0;
		for (int i = 0; i < 4; i++) {
			int index = bigEndian ? at + i : at + 3 - i;
			value = (value << 8) | (b[index] & 0xFF);
		}
		return value;
	}
}
