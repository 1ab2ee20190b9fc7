package io.gridgov.workforce.internal;

import java.awt.Color;
import java.io.OutputStream;
import java.util.List;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import io.gridgov.platform.pdf.ChineseFont;
import io.gridgov.workforce.internal.WorkerQuery.PublishedWorker;

/**
 * The printable A4 notice board: title, grid and community, each worker with a photo placeholder,
 * name (the lead marked) and work phone, the QR code of the grid's public page and the board code.
 * The text is set in WenQuanYi Micro Hei, shipped in {@code fonts/} and embedded as a subset, so
 * the PDF prints the same on a machine without Chinese fonts. The QR code is drawn as vectors.
 */
final class BoardPdf {

	static final BaseFont FONT = ChineseFont.BASE;
	private static final Color ACCENT = new Color(0xC0, 0x1F, 0x2F);

	private BoardPdf() {
	}

	record BoardPage(String boardCode, String gridName, String communityName, List<PublishedWorker> workers,
			String publicUrl) {
	}

	static void write(List<BoardPage> pages, OutputStream out) {
		Document document = new Document(PageSize.A4, 48, 48, 56, 48);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle("网格员公示牌");
			document.addCreator("GridGov");
			document.open();
			if (pages.isEmpty()) {
				document.add(new Paragraph("没有公示牌", font(14, Font.NORMAL, Color.DARK_GRAY)));
			}
			for (int i = 0; i < pages.size(); i++) {
				if (i > 0) {
					document.newPage();
				}
				page(document, writer.getDirectContent(), pages.get(i));
			}
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("Cannot lay out the notice board PDF", e);
		}
	}

	private static void page(Document document, PdfContentByte canvas, BoardPage board) throws DocumentException {
		Paragraph title = new Paragraph("网格员公示牌", font(34, Font.BOLD, ACCENT));
		title.setAlignment(Element.ALIGN_CENTER);
		title.setSpacingAfter(10);
		document.add(title);
		Paragraph grid = new Paragraph(board.gridName(), font(22, Font.BOLD, Color.BLACK));
		grid.setAlignment(Element.ALIGN_CENTER);
		document.add(grid);
		Paragraph community = new Paragraph(board.communityName(), font(15, Font.NORMAL, Color.DARK_GRAY));
		community.setAlignment(Element.ALIGN_CENTER);
		community.setSpacingAfter(18);
		document.add(community);

		PdfPTable workers = new PdfPTable(new float[] { 1.1f, 3f });
		workers.setWidthPercentage(86);
		for (PublishedWorker worker : board.workers()) {
			PdfPCell photo = new PdfPCell(new Phrase("照片", font(11, Font.NORMAL, Color.GRAY)));
			photo.setFixedHeight(84);
			photo.setHorizontalAlignment(Element.ALIGN_CENTER);
			photo.setVerticalAlignment(Element.ALIGN_MIDDLE);
			photo.setBorderColor(Color.LIGHT_GRAY);
			workers.addCell(photo);
			Paragraph who = new Paragraph();
			who.add(new Phrase(worker.name(), font(20, Font.BOLD, Color.BLACK)));
			who.add(new Phrase(worker.lead() ? "  网格长" : "  网格员", font(13, Font.NORMAL, worker.lead() ? ACCENT : Color.DARK_GRAY)));
			who.add(new Phrase("\n工作电话：" + worker.workPhone(), font(15, Font.NORMAL, Color.BLACK)));
			PdfPCell text = new PdfPCell(who);
			text.setVerticalAlignment(Element.ALIGN_MIDDLE);
			text.setPaddingLeft(14);
			text.setBorder(Rectangle.NO_BORDER);
			workers.addCell(text);
		}
		if (board.workers().isEmpty()) {
			PdfPCell none = new PdfPCell(new Phrase("本网格暂无在岗网格员", font(14, Font.NORMAL, Color.DARK_GRAY)));
			none.setColspan(2);
			none.setBorder(Rectangle.NO_BORDER);
			workers.addCell(none);
		}
		workers.setSpacingAfter(20);
		document.add(workers);

		Image qr = Image.getInstance(qrTemplate(canvas, board.publicUrl(), 150));
		qr.setAlignment(Element.ALIGN_CENTER);
		document.add(qr);
		Paragraph hint = new Paragraph("扫码查看本网格的网格员", font(13, Font.NORMAL, Color.DARK_GRAY));
		hint.setAlignment(Element.ALIGN_CENTER);
		document.add(hint);
		Paragraph code = new Paragraph("编号 " + board.boardCode(), font(12, Font.NORMAL, Color.GRAY));
		code.setAlignment(Element.ALIGN_CENTER);
		document.add(code);
	}

	private static PdfTemplate qrTemplate(PdfContentByte canvas, String text, float size) {
		BitMatrix matrix = QrCodes.matrix(text);
		float module = size / matrix.getWidth();
		PdfTemplate template = canvas.createTemplate(size, size);
		template.setColorFill(Color.WHITE);
		template.rectangle(0, 0, size, size);
		template.fill();
		template.setColorFill(Color.BLACK);
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					template.rectangle(x * module, size - (y + 1) * module, module, module);
				}
			}
		}
		template.fill();
		return template;
	}

	private static Font font(float size, int style, Color color) {
		return ChineseFont.of(size, style, color);
	}

}
