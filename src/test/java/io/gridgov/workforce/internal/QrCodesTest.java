package io.gridgov.workforce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class QrCodesTest {

	static final String URL = "http://localhost:8080/g/440704003001001?b=WH-0001";

	/** Decodes the QR code in an image with ZXing's core alone. */
	static String decode(BufferedImage image) throws Exception {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
	}

	@Test
	void pngDecodesBackToThePublicUrl() throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(URL, 10)));
		assertThat(decode(image)).isEqualTo(URL);
	}

	@Test
	void svgDrawsTheSameModulesAsAScalablePath() throws IOException {
		String svg = QrCodes.svg(URL);
		int modules = QrCodes.matrix(URL).getWidth();
		assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 " + modules + " " + modules + "\"").contains("<path");
	}
}
