package io.gridgov.cases.internal.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * Checks that an upload is a JPEG, PNG or WebP image by its bytes and by decoding it, and makes
 * the two derived copies: a JPEG thumbnail and the public copy. Both are encoded afresh from the
 * pixels alone, so no metadata of the original (EXIF with the GPS position, camera serials, XMP,
 * comments) reaches them; the EXIF orientation is applied to the pixels first.
 */
class ImageProcessor {

	private static final float JPEG_QUALITY = 0.85f;

	private final AttachmentLimits limits;

	ImageProcessor(AttachmentLimits limits) {
		this.limits = limits;
	}

	/** An accepted image: its type, its size as seen (after orientation) and the derived copies. */
	record Processed(ImageType type, int width, int height, byte[] thumbnail, byte[] publicCopy) {
	}

	Processed process(byte[] content) {
		if (content.length == 0) {
			throw new DomainException(ErrorKind.INVALID, "cases.attachment-empty");
		}
		if (content.length > limits.maxBytes().toBytes()) {
			throw tooLarge();
		}
		ImageType type = ImageType.sniff(content).orElseThrow(ImageProcessor::notAnImage);
		Decoded decoded = decode(content, type);
		int orientation = type == ImageType.JPEG ? ExifOrientation.of(content) : 1;
		BufferedImage upright = ExifOrientation.apply(decoded.image(), orientation);
		int width = orientation >= 5 ? decoded.height() : decoded.width();
		int height = orientation >= 5 ? decoded.width() : decoded.height();
		BufferedImage publicImage = scaleToFit(upright, limits.publicEdge());
		byte[] publicCopy = encode(publicImage, type.publicCopyType());
		byte[] thumbnail = encode(scaleToFit(publicImage, limits.thumbnailEdge()), ImageType.JPEG);
		return new Processed(type, width, height, thumbnail, publicCopy);
	}

	private record Decoded(BufferedImage image, int width, int height) {
	}

	/**
	 * Reads the size from the header first and refuses a picture of more than the allowed pixels
	 * before a single pixel is decoded; a picture far larger than the public copy is decoded
	 * subsampled, so memory stays bounded.
	 */
	private Decoded decode(byte[] content, ImageType type) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName());
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + type);
		}
		ImageReader reader = readers.next();
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
			reader.setInput(in, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width <= 0 || height <= 0) {
				throw notAnImage();
			}
			if ((long) width * height > limits.maxPixels()) {
				throw tooLarge();
			}
			ImageReadParam param = reader.getDefaultReadParam();
			int factor = Math.max(width, height) / limits.publicEdge();
			if (factor >= 2) {
				param.setSourceSubsampling(factor, factor, 0, 0);
			}
			BufferedImage image = reader.read(0, param);
			return new Decoded(normalise(image), width, height);
		}
		catch (DomainException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			// a truncated or corrupt file, or one with unsupported features: not an image we can show
			throw notAnImage();
		}
		finally {
			reader.dispose();
		}
	}

	/** Copies the pixels into a plain RGB or ARGB image, dropping colour models the encoders refuse. */
	private static BufferedImage normalise(BufferedImage image) {
		int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		if (image.getType() == type) {
			return image;
		}
		BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
		Graphics2D g = copy.createGraphics();
		try {
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return copy;
	}

	/** Scales down (never up) so the long side is at most {@code edge}, halving first for quality. */
	static BufferedImage scaleToFit(BufferedImage image, int edge) {
		BufferedImage current = image;
		int longSide = Math.max(current.getWidth(), current.getHeight());
		if (longSide <= edge) {
			return current;
		}
		while (longSide / 2 >= edge) {
			current = resize(current, Math.max(1, current.getWidth() / 2), Math.max(1, current.getHeight() / 2));
			longSide = Math.max(current.getWidth(), current.getHeight());
		}
		if (longSide > edge) {
			double ratio = (double) edge / longSide;
			current = resize(current, Math.max(1, (int) Math.round(current.getWidth() * ratio)),
					Math.max(1, (int) Math.round(current.getHeight() * ratio)));
		}
		return current;
	}

	private static BufferedImage resize(BufferedImage image, int width, int height) {
		BufferedImage out = new BufferedImage(width, height, image.getType());
		Graphics2D g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	/** Encodes pixels only: the encoders write no EXIF, XMP or text of their own. */
	static byte[] encode(BufferedImage image, ImageType type) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (type == ImageType.PNG) {
				ImageIO.write(image, "png", out);
				return out.toByteArray();
			}
			BufferedImage rgb = flatten(image);
			ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
				writer.setOutput(stream);
				ImageWriteParam param = writer.getDefaultWriteParam();
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(JPEG_QUALITY);
				writer.write(null, new IIOImage(rgb, null, null), param);
			}
			finally {
				writer.dispose();
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** JPEG has no transparency: transparent parts become white. */
	private static BufferedImage flatten(BufferedImage image) {
		if (!image.getColorModel().hasAlpha()) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return rgb;
	}

	static DomainException notAnImage() {
		return new DomainException(ErrorKind.UNPROCESSABLE, "cases.attachment-not-an-image");
	}

	DomainException tooLarge() {
		return new DomainException(ErrorKind.TOO_LARGE, "cases.attachment-too-large",
				limits.maxBytes().toMegabytes(), limits.maxPixels() / 1_000_000);
	}
}
