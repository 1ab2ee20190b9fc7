package io.gridgov.cases.internal.attachment;

import static io.gridgov.cases.internal.attachment.TestImages.contains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

class ImageProcessorTest {

	private final ImageProcessor processor = new ImageProcessor(AttachmentLimits.defaults());

	@Test
	void theTypeIsTakenFromTheMagicBytes() {
		assertThat(ImageType.sniff(TestImages.jpeg(8, 8))).contains(ImageType.JPEG);
		assertThat(ImageType.sniff(TestImages.png(8, 8))).contains(ImageType.PNG);
		assertThat(ImageType.sniff(TestImages.resource("lossless-1x1.webp"))).contains(ImageType.WEBP);
		assertThat(ImageType.sniff("RIFF1234WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
		assertThat(ImageType.sniff("GIF89a".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
		assertThat(ImageType.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8 })).isEmpty();
	}

	@Test
	void aJpegAndAPngAreAccepted() {
		ImageProcessor.Processed jpeg = processor.process(TestImages.jpeg(64, 48));
		assertThat(jpeg.type()).isEqualTo(ImageType.JPEG);
		assertThat(jpeg.width()).isEqualTo(64);
		assertThat(jpeg.height()).isEqualTo(48);

		ImageProcessor.Processed png = processor.process(TestImages.png(30, 40));
		assertThat(png.type()).isEqualTo(ImageType.PNG);
		assertThat(png.width()).isEqualTo(30);
		assertThat(png.height()).isEqualTo(40);
	}

	@Test
	void aLosslessAndALossyWebpAreDecodedAndShownAsJpeg() {
		for (String name : new String[] { "lossless-1x1.webp", "lossy-1x1.webp" }) {
			ImageProcessor.Processed webp = processor.process(TestImages.resource(name));
			assertThat(webp.type()).as(name).isEqualTo(ImageType.WEBP);
			assertThat(webp.width()).as(name).isEqualTo(1);
			assertThat(webp.height()).as(name).isEqualTo(1);
			assertThat(ImageType.sniff(webp.publicCopy())).as(name).contains(ImageType.JPEG);
			assertThat(TestImages.read(webp.publicCopy()).getWidth()).isEqualTo(1);
		}
	}

	@Test
	void aTextFileIsNotAnImageWhateverItIsCalled() {
		byte[] text = "这不是图片 — just text saved as photo.jpg\n".getBytes(StandardCharsets.UTF_8);
		assertRefused(() -> processor.process(text), ErrorKind.UNPROCESSABLE, "cases.attachment-not-an-image");
	}

	@Test
	void aPngHeaderFollowedByGarbageIsNotAnImage() {
		byte[] garbage = new byte[4096];
		new java.util.Random(7).nextBytes(garbage);
		System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 0, garbage, 0, 8);
		assertRefused(() -> processor.process(garbage), ErrorKind.UNPROCESSABLE, "cases.attachment-not-an-image");
	}

	@Test
	void aJpegCutInHalfIsNotAnImage() {
		byte[] jpeg = TestImages.jpeg(200, 200);
		byte[] truncated = Arrays.copyOf(jpeg, 200);
		assertRefused(() -> processor.process(truncated), ErrorKind.UNPROCESSABLE, "cases.attachment-not-an-image");
	}

	@Test
	void aWebpHeaderWithoutAPictureIsNotAnImage() {
		byte[] riff = "RIFF\u0010\0\0\0WEBPVP8 \0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
		assertRefused(() -> processor.process(riff), ErrorKind.UNPROCESSABLE, "cases.attachment-not-an-image");
	}

	@Test
	void anEmptyFileIsRefusedAsEmpty() {
		assertRefused(() -> processor.process(new byte[0]), ErrorKind.INVALID, "cases.attachment-empty");
	}

	@Test
	void aFileOverTheByteLimitIsRefusedBeforeItIsDecoded() {
		byte[] big = new byte[(int) DataSize.ofMegabytes(10).toBytes() + 1];
		big[0] = (byte) 0xFF;
		big[1] = (byte) 0xD8;
		big[2] = (byte) 0xFF;
		assertRefused(() -> processor.process(big), ErrorKind.TOO_LARGE, "cases.attachment-too-large");

		ImageProcessor small = new ImageProcessor(limits(DataSize.ofBytes(500), 40_000_000L));
		assertRefused(() -> small.process(TestImages.png(200, 200)), ErrorKind.TOO_LARGE, "cases.attachment-too-large");
	}

	@Test
	void aPictureOfMoreThanTheAllowedPixelsIsRefusedFromItsHeader() {
		// 100 megapixels claimed by a file of a few dozen bytes: a decompression bomb
		byte[] bomb = TestImages.pngHeaderClaiming(10_000, 10_000);
		assertThat(bomb.length).isLessThan(100);
		assertRefused(() -> processor.process(bomb), ErrorKind.TOO_LARGE, "cases.attachment-too-large");

		ImageProcessor strict = new ImageProcessor(limits(DataSize.ofMegabytes(10), 1_000L));
		assertRefused(() -> strict.process(TestImages.jpeg(50, 50)), ErrorKind.TOO_LARGE, "cases.attachment-too-large");
		assertThat(strict.process(TestImages.jpeg(40, 25)).width()).isEqualTo(40);
	}

	@Test
	void theThumbnailIsAJpegOfAtMost320PixelsOnTheLongSide() {
		BufferedImage landscape = TestImages.read(processor.process(TestImages.png(1000, 500)).thumbnail());
		assertThat(landscape.getWidth()).isEqualTo(320);
		assertThat(landscape.getHeight()).isEqualTo(160);

		ImageProcessor.Processed portrait = processor.process(TestImages.jpeg(300, 900));
		assertThat(ImageType.sniff(portrait.thumbnail())).contains(ImageType.JPEG);
		assertThat(TestImages.read(portrait.thumbnail()).getHeight()).isEqualTo(320);
		assertThat(TestImages.read(portrait.thumbnail()).getWidth()).isEqualTo(107);
	}

	@Test
	void aSmallPictureIsNotEnlargedForItsThumbnail() {
		BufferedImage thumbnail = TestImages.read(processor.process(TestImages.jpeg(100, 50)).thumbnail());
		assertThat(thumbnail.getWidth()).isEqualTo(100);
		assertThat(thumbnail.getHeight()).isEqualTo(50);
	}

	@Test
	void thePublicCopyOfAJpegCarriesNoExifAndNoGpsPosition() {
		byte[] original = TestImages.jpegWithExif(64, 32, 1);
		assertThat(TestImages.jpegMarkers(original)).contains(0xE1);
		assertThat(contains(original, TestImages.GPS_LATITUDE)).isTrue();

		ImageProcessor.Processed processed = processor.process(original);

		for (byte[] copy : new byte[][] { processed.publicCopy(), processed.thumbnail() }) {
			assertThat(ImageType.sniff(copy)).contains(ImageType.JPEG);
			assertThat(TestImages.jpegMarkers(copy)).doesNotContain(0xE1);
			assertThat(contains(copy, "Exif".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
			assertThat(contains(copy, TestImages.GPS_LATITUDE)).isFalse();
		}
	}

	@Test
	void thePublicCopyOfAPngIsAPngWithoutItsTextChunks() {
		byte[] original = TestImages.pngWithText(40, 20, "Location", "22.5625N 113.1333E");
		assertThat(processor.process(original).type()).isEqualTo(ImageType.PNG);
		byte[] copy = processor.process(original).publicCopy();

		assertThat(ImageType.sniff(copy)).contains(ImageType.PNG);
		assertThat(contains(copy, "tEXt".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
		assertThat(contains(copy, "113.1333E".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
	}

	@Test
	void aTransparentPngKeepsItsTransparencyInThePublicCopyAndIsFlattenedOnWhiteInTheThumbnail() {
		ImageProcessor.Processed processed = processor.process(TestImages.write(TestImages.halves(40, 20, true), "png"));
		BufferedImage publicCopy = TestImages.read(processed.publicCopy());
		assertThat(publicCopy.getColorModel().hasAlpha()).isTrue();
		assertThat(new Color(publicCopy.getRGB(35, 10), true).getAlpha()).isBetween(120, 136);
		Color thumbnailRight = new Color(TestImages.read(processed.thumbnail()).getRGB(35, 10));
		assertThat(thumbnailRight.getRed()).isGreaterThan(100);
		assertThat(thumbnailRight.getBlue()).isGreaterThan(200);
	}

	@Test
	void theExifOrientationIsAppliedToThePixelsBeforeItIsDropped() {
		// stored landscape, left red and right blue; orientation 6 = turn 90° clockwise to view
		ImageProcessor.Processed processed = processor.process(TestImages.jpegWithExif(40, 20, 6));

		assertThat(processed.width()).isEqualTo(20);
		assertThat(processed.height()).isEqualTo(40);
		BufferedImage upright = TestImages.read(processed.publicCopy());
		assertThat(upright.getWidth()).isEqualTo(20);
		assertThat(upright.getHeight()).isEqualTo(40);
		assertThat(reddish(upright.getRGB(10, 5))).isTrue();
		assertThat(reddish(upright.getRGB(10, 35))).isFalse();
	}

	@Test
	void everyExifOrientationMapsTheTopLeftCornerWhereTheStandardSays() {
		BufferedImage source = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
		source.setRGB(0, 0, 0xFF0000);
		int[][] expected = { { 0, 0 }, { 0, 0 }, { 2, 0 }, { 2, 1 }, { 0, 1 }, { 0, 0 }, { 1, 0 }, { 1, 2 }, { 0, 2 } };
		for (int orientation = 1; orientation <= 8; orientation++) {
			BufferedImage turned = ExifOrientation.apply(source, orientation);
			assertThat(turned.getRGB(expected[orientation][0], expected[orientation][1]) & 0xFFFFFF)
				.as("orientation %d", orientation)
				.isEqualTo(0xFF0000);
		}
		assertThat(ExifOrientation.of(TestImages.jpegWithExif(8, 8, 8))).isEqualTo(8);
		assertThat(ExifOrientation.of(TestImages.jpeg(8, 8))).isEqualTo(1);
	}

	private static boolean reddish(int rgb) {
		Color color = new Color(rgb);
		return color.getRed() > 180 && color.getBlue() < 80;
	}

	private static AttachmentLimits limits(DataSize maxBytes, long maxPixels) {
		return new AttachmentLimits(maxBytes, maxPixels, 320, 2560, Duration.ofHours(24));
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorKind kind,
			String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.code()).isEqualTo(code);
			assertThat(e.kind()).isEqualTo(kind);
		});
	}
}
