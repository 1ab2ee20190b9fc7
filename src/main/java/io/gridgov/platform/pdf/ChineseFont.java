package io.gridgov.platform.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

/**
 * The Chinese font of every PDF GridGov writes (notice boards, reports): WenQuanYi Micro Hei, shipped
 * in {@code fonts/} (with its licence) and embedded as a subset, so that a PDF prints the same on a
 * machine without Chinese fonts. Loaded once per process.
 */
public final class ChineseFont {

	/** The font file inside the application. */
	public static final String RESOURCE = "fonts/wqy-microhei.ttc";

	/** The font for OpenPDF's content streams and {@link Font}s. */
	public static final BaseFont BASE = load();

	private ChineseFont() {
	}

	/** A text font of this face. */
	public static Font of(float size, int style, Color color) {
		return new Font(BASE, size, style, color);
	}

	private static BaseFont load() {
		try (InputStream in = ChineseFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The font " + RESOURCE + " is missing from the application");
			}
			return BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(),
					null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (DocumentException e) {
			throw new IllegalStateException("Cannot load the font " + RESOURCE, e);
		}
	}
}
