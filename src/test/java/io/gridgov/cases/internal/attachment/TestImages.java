package io.gridgov.cases.internal.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Real image bytes made in code (and two tiny WebP files from the test resources). */
final class TestImages {

	/** The GPS latitude 22° 33' 45.12" as three big-endian rationals: bytes no re-encoded copy may contain. */
	static final byte[] GPS_LATITUDE = ByteBuffer.allocate(24).putInt(22).putInt(1).putInt(33).putInt(1).putInt(4512)
		.putInt(100).array();

	private TestImages() {
	}

	/** Left half red, right half blue. */
	static BufferedImage halves(int width, int height, boolean alpha) {
		BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.RED);
		g.fillRect(0, 0, width / 2, height);
		g.setColor(alpha ? new Color(0, 0, 255, 128) : Color.BLUE);
		g.fillRect(width / 2, 0, width - width / 2, height);
		g.dispose();
		return image;
	}

	static byte[] jpeg(int width, int height) {
		return write(halves(width, height, false), "jpeg");
	}

	static byte[] png(int width, int height) {
		return write(halves(width, height, false), "png");
	}

	static byte[] write(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no writer for " + format);
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static byte[] resource(String name) {
		try (InputStream in = TestImages.class.getResourceAsStream("/attachments/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A JPEG as a phone writes it: right after the start-of-image marker an APP1 "Exif" segment
	 * with the orientation and a GPS directory (latitude 22° 33' 45.12" N, longitude 113° 8' E).
	 */
	static byte[] jpegWithExif(int width, int height, int orientation) {
		byte[] jpeg = jpeg(width, height);
		// TIFF, big-endian: header 8, IFD0 at 8 with 2 entries (2 + 24 + 4 = 30) -> GPS IFD at 38
		// with 4 entries (2 + 48 + 4 = 54) -> latitude rationals at 92, longitude at 116, end 140
		ByteBuffer tiff = ByteBuffer.allocate(140);
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		tiff.putShort((short) 2);
		entry(tiff, 0x0112, 3, 1, orientation << 16);
		entry(tiff, 0x8825, 4, 1, 38);
		tiff.putInt(0);
		tiff.putShort((short) 4);
		entry(tiff, 0x0001, 2, 2, 'N' << 24);
		entry(tiff, 0x0002, 5, 3, 92);
		entry(tiff, 0x0003, 2, 2, 'E' << 24);
		entry(tiff, 0x0004, 5, 3, 116);
		tiff.putInt(0);
		tiff.put(GPS_LATITUDE);
		tiff.putInt(113).putInt(1).putInt(8).putInt(1).putInt(0).putInt(1);
		byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
		int length = 2 + exifHeader.length + tiff.capacity();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(exifHeader);
		out.writeBytes(tiff.array());
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
		tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
	}

	/** A PNG with a tEXt chunk after the header, as some editors write location notes. */
	static byte[] pngWithText(int width, int height, String keyword, String text) {
		byte[] png = png(width, height);
		int afterHeader = 8 + 4 + 4 + 13 + 4;
		byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, afterHeader);
		out.writeBytes(chunk("tEXt", data));
		out.write(png, afterHeader, png.length - afterHeader);
		return out.toByteArray();
	}

	/** Only a PNG header that claims a picture of the given size, with no pixel data. */
	static byte[] pngHeaderClaiming(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		out.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
			.put((byte) 0).put((byte) 0).put((byte) 0).array()));
		out.writeBytes(chunk("IDAT", new byte[] { 0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 }));
		out.writeBytes(chunk("IEND", new byte[0]));
		return out.toByteArray();
	}

	private static byte[] chunk(String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data).putInt((int) crc.getValue())
			.array();
	}

	static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	/** The markers of a JPEG's segments before the image data. */
	static java.util.List<Integer> jpegMarkers(byte[] jpeg) {
		java.util.List<Integer> markers = new java.util.ArrayList<>();
		int pos = 2;
		while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
			int marker = jpeg[pos + 1] & 0xFF;
			markers.add(marker);
			if (marker == 0xDA) {
				break;
			}
			pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
		}
		return markers;
	}

	static BufferedImage read(byte[] bytes) {
		try {
			return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
