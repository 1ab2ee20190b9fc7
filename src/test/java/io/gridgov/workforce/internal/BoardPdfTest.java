package io.gridgov.workforce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.gridgov.workforce.internal.BoardPdf.BoardPage;
import io.gridgov.workforce.internal.WorkerQuery.PublishedWorker;

class BoardPdfTest {

	private static final BoardPage PAGE = new BoardPage("WH-0001", "城隍社区第1网格", "城隍社区",
			List.of(new PublishedWorker("陈晓敏", "13812345678", true), new PublishedWorker("梁嘉欣", "15912345678", false)),
			QrCodesTest.URL);

	private static byte[] pdf(List<BoardPage> pages) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BoardPdf.write(pages, out);
		return out.toByteArray();
	}

	@Test
	void chineseTextExtractsBackFromTheEmbeddedFont() throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf(List.of(PAGE)))) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("网格员公示牌", "城隍社区第1网格", "城隍社区", "陈晓敏", "网格长", "梁嘉欣", "13812345678",
					"WH-0001");
			PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font.isEmbedded()).as("the font travels with the PDF").isTrue();
		}
	}

	@Test
	void qrCodeDecodesFromTheRenderedPage() throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf(List.of(PAGE)))) {
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
			assertThat(QrCodesTest.decode(page)).isEqualTo(QrCodesTest.URL);
		}
	}

	@Test
	void bulkPdfHasOnePageABoardAndStaysSmall() throws Exception {
		byte[] bytes = pdf(List.of(PAGE, PAGE, PAGE));
		try (PDDocument document = Loader.loadPDF(bytes)) {
			assertThat(document.getNumberOfPages()).isEqualTo(3);
		}
		assertThat(bytes.length).as("a font subset, not the whole 5 MB font").isLessThan(300_000);
	}
}
