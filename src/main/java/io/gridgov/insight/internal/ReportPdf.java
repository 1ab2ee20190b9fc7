package io.gridgov.insight.internal;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import io.gridgov.insight.internal.InsightService.TrendPoint;
import io.gridgov.insight.internal.MonthlyReport.Column;
import io.gridgov.insight.internal.MonthlyReport.Lang;
import io.gridgov.insight.internal.MonthlyReport.Ranked;
import io.gridgov.insight.internal.ReportCharts.Series;

/**
 * The monthly report as an A4 PDF: the title block, the headline indicators beside the previous
 * month, three charts (reported and closed per day, the categories by cases reported, the
 * communities by closure rate) drawn as vectors, the community and department tables and the
 * definitions; a footer on every page with the page number, the page count and who generated the
 * report when. Chinese text is set in the WenQuanYi Micro Hei font shipped in {@code fonts/} (the
 * one the notice boards use, ADR 0012), embedded as a subset.
 */
final class ReportPdf {

	static final String FONT_RESOURCE = "fonts/wqy-microhei.ttc";
	static final BaseFont FONT = font();
	private static final Color ACCENT = new Color(0xC0, 0x1F, 0x2F);
	private static final Color HEAD = new Color(0xEE, 0xEE, 0xEE);
	private static final float WIDTH = PageSize.A4.getWidth() - 80;
	/** The columns of the PDF's tables: the ones an A4 page holds legibly; the XLSX has them all. */
	static final List<Column> TABLE = List.of(Column.REPORTED, Column.ACCEPTED, Column.CLOSED, Column.CLOSURE_RATE,
			Column.ON_TIME_HANDLING_RATE, Column.ON_TIME_ACCEPTANCE_RATE, Column.CORRECT_DISPATCH_RATE,
			Column.REWORK_RATE, Column.SATISFACTION_RATE, Column.AVERAGE_TIME_TO_HANDLE, Column.OVERDUE_NOW);
	/** The categories the chart shows, by cases reported. */
	static final int TOP_CATEGORIES = 10;

	private final MonthlyReport report;
	private final Lang lang;
	private final Document document = new Document(PageSize.A4, 40, 40, 44, 48);
	private PdfWriter writer;

	private ReportPdf(MonthlyReport report) {
		this.report = report;
		this.lang = report.lang();
	}

	static void write(MonthlyReport report, OutputStream out) {
		new ReportPdf(report).write(out);
	}

	private void write(OutputStream out) {
		try {
			writer = PdfWriter.getInstance(document, out);
			writer.setPageEvent(new Footer(footerText(), lang));
			document.addTitle(report.title());
			document.addCreator("GridGov");
			document.addAuthor(report.generatedBy());
			document.open();
			PdfContentByte canvas = writer.getDirectContent();
			titleBlock();
			heading(lang.of("一、主要指标", "1. Headline indicators"));
			document.add(headline());
			chart(lang.of("二、每日上报与结案", "2. Reported and closed per day"), dailyChart(canvas));
			chart(lang.of("三、类别分布（上报数前 " + TOP_CATEGORIES + " 位）", "3. Categories (top " + TOP_CATEGORIES
					+ " by cases reported)"), categoryChart(canvas));
			chart(lang.of("四、社区办结率排名", "4. Communities ranked by closure rate"), communityChart(canvas));
			room(90);
			heading(lang.of("五、社区指标", "5. Communities"));
			document.add(table(lang.of("社区", "Community"), report.communities()));
			room(90);
			heading(lang.of("六、部门指标", "6. Departments"));
			document.add(table(lang.of("部门", "Department"), report.departments()));
			heading(lang.of("附：指标定义", "Appendix: definitions"));
			definitions();
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("Cannot lay out the monthly report PDF", e);
		}
	}

	private void titleBlock() throws DocumentException {
		Paragraph title = new Paragraph(lang.of("月度综合评价报告", "Monthly evaluation report"), font(24, Font.BOLD, ACCENT));
		title.setAlignment(Element.ALIGN_CENTER);
		document.add(title);
		Paragraph what = new Paragraph(report.regionName() + " · " + lang.of(
				report.month().getYear() + " 年 " + report.month().getMonthValue() + " 月", report.month().toString()),
				font(15, Font.BOLD, Color.BLACK));
		what.setAlignment(Element.ALIGN_CENTER);
		what.setSpacingBefore(4);
		document.add(what);
		Paragraph meta = new Paragraph(lang.of("统计期 ", "Period ") + report.from() + lang.of(" 至 ", " to ") + report.to()
				+ (report.partial() ? lang.of("（本月尚未结束）", " (month not over yet)") : "") + "   "
				+ lang.of("区域代码 ", "Region ") + report.regionCode() + "\n" + lang.of("生成：", "Generated by ")
				+ report.generatedBy() + lang.of("，", ", ")
				+ ReportWorkbook.GENERATED.format(report.generatedAt().atZone(Contributions.ZONE)), font(9, Font.NORMAL, Color.DARK_GRAY));
		meta.setAlignment(Element.ALIGN_CENTER);
		meta.setSpacingBefore(4);
		meta.setSpacingAfter(6);
		document.add(meta);
	}

	/** Starts a new page unless this one has {@code height} points left. */
	private void room(float height) {
		if (writer.getVerticalPosition(true) - document.bottom() < height) {
			document.newPage();
		}
	}

	private void heading(String text) throws DocumentException {
		Paragraph p = new Paragraph(text, font(12, Font.BOLD, ACCENT));
		p.setSpacingBefore(8);
		p.setSpacingAfter(4);
		document.add(p);
	}

	private PdfPTable headline() {
		PdfPTable table = new PdfPTable(new float[] { 3.2f, 2f, 2f, 2.2f });
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (String h : List.of(lang.of("指标", "Indicator"), lang.of("本月", "This month"),
				lang.of("上月", "Previous month"), lang.of("环比变化", "Change"))) {
			table.addCell(cell(h, 8.5f, true, Element.ALIGN_CENTER));
		}
		for (Column c : MonthlyReport.TABLE) {
			table.addCell(cell(c.name(lang), 8.5f, false, Element.ALIGN_LEFT));
			table.addCell(cell(c.text(report.total(), lang), 8.5f, true, Element.ALIGN_RIGHT));
			table.addCell(cell(c.periodic ? c.text(report.previous(), lang) : MonthlyReport.DASH, 8.5f, false,
					Element.ALIGN_RIGHT));
			table.addCell(cell(c.changeText(report.total(), report.previous(), lang), 8.5f, false, Element.ALIGN_RIGHT));
		}
		return table;
	}

	private PdfTemplate dailyChart(PdfContentByte canvas) {
		List<String> labels = new ArrayList<>();
		double[] reported = new double[report.days().size()];
		double[] closed = new double[report.days().size()];
		for (int i = 0; i < report.days().size(); i++) {
			TrendPoint p = report.days().get(i);
			labels.add(String.valueOf(p.start().getDayOfMonth()));
			reported[i] = p.indicators().reported();
			closed[i] = p.indicators().closed();
		}
		return ReportCharts.columns(canvas, FONT, WIDTH, 170, labels,
				List.of(new Series(Column.REPORTED.name(lang), ReportCharts.REPORTED, reported),
						new Series(Column.CLOSED.name(lang), ReportCharts.CLOSED, closed)),
				labels.size() > 16 ? 2 : 1);
	}

	private PdfTemplate categoryChart(PdfContentByte canvas) {
		List<Ranked> top = report.categories().stream().filter(r -> r.indicators().reported() > 0).limit(TOP_CATEGORIES).toList();
		return ReportCharts.bars(canvas, FONT, WIDTH, top.stream().map(Ranked::name).toList(),
				top.stream().mapToDouble(r -> r.indicators().reported()).toArray(), ReportCharts.CATEGORY, 0,
				v -> Column.REPORTED.text(v, lang), v -> String.format(Locale.ROOT, "%,.0f", v));
	}

	private PdfTemplate communityChart(PdfContentByte canvas) {
		List<Ranked> ranked = report.communities().stream().filter(r -> r.rank() != null).toList();
		return ReportCharts.bars(canvas, FONT, WIDTH,
				ranked.stream().map(r -> r.rank() + ". " + r.name()).toList(),
				ranked.stream().mapToDouble(r -> r.indicators().closureRate()).toArray(), ReportCharts.CLOSURE_RATE, 1.0,
				v -> Column.CLOSURE_RATE.text(v, lang), v -> String.format(Locale.ROOT, "%.0f%%", v * 100));
	}

	/** A chart under its heading, on a new page when the rest of this one cannot hold both. */
	private void chart(String heading, PdfTemplate template) throws DocumentException {
		room(template.getHeight() + 36);
		heading(heading);
		Image image = Image.getInstance(template);
		image.setAlignment(Element.ALIGN_CENTER);
		document.add(image);
	}

	private PdfPTable table(String what, List<Ranked> rows) {
		float[] widths = new float[2 + TABLE.size()];
		widths[0] = 0.8f;
		widths[1] = 3.2f;
		for (int i = 0; i < TABLE.size(); i++) {
			widths[2 + i] = TABLE.get(i).unit == MonthlyReport.Unit.COUNT ? 1.3f : 1.6f;
		}
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		table.addCell(cell(lang.of("排名", "Rank"), 7, true, Element.ALIGN_CENTER));
		table.addCell(cell(what, 7, true, Element.ALIGN_CENTER));
		for (Column c : TABLE) {
			table.addCell(cell(c.name(lang), 7, true, Element.ALIGN_CENTER));
		}
		for (Ranked r : rows) {
			table.addCell(cell(r.rank() == null ? "" : String.valueOf(r.rank()), 7, false, Element.ALIGN_CENTER));
			table.addCell(cell(r.name(), 7, false, Element.ALIGN_LEFT));
			for (Column c : TABLE) {
				table.addCell(cell(c.text(r.indicators(), lang), 7, false, Element.ALIGN_RIGHT));
			}
		}
		if (rows.isEmpty()) {
			PdfPCell none = cell(lang.of("本月无数据", "No figures this month"), 7, false, Element.ALIGN_CENTER);
			none.setColspan(2 + TABLE.size());
			table.addCell(none);
		}
		return table;
	}

	private void definitions() throws DocumentException {
		for (Column c : MonthlyReport.TABLE) {
			Paragraph p = new Paragraph();
			p.add(new Phrase(c.name(lang) + lang.of("：", ": "), font(8, Font.BOLD, Color.BLACK)));
			p.add(new Phrase(c.definition(lang), font(8, Font.NORMAL, Color.DARK_GRAY)));
			p.setSpacingAfter(2);
			document.add(p);
		}
	}

	private String footerText() {
		return report.title() + " · " + lang.of("生成：", "generated by ") + report.generatedBy() + " "
				+ ReportWorkbook.GENERATED.format(report.generatedAt().atZone(Contributions.ZONE));
	}

	private static PdfPCell cell(String text, float size, boolean bold, int align) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font(size, bold ? Font.BOLD : Font.NORMAL, Color.BLACK)));
		cell.setHorizontalAlignment(align);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		cell.setPadding(3);
		cell.setBorderColor(Color.LIGHT_GRAY);
		if (bold && align == Element.ALIGN_CENTER) {
			cell.setBackgroundColor(HEAD);
		}
		return cell;
	}

	private static Font font(float size, int style, Color color) {
		return new Font(FONT, size, style, color);
	}

	/** Writes the page number, the page count and who generated the report when at the foot of every page. */
	private static final class Footer extends PdfPageEventHelper {

		private final String text;
		private final Lang lang;
		private PdfTemplate total;

		Footer(String text, Lang lang) {
			this.text = text;
			this.lang = lang;
		}

		@Override
		public void onOpenDocument(PdfWriter writer, Document document) {
			total = writer.getDirectContent().createTemplate(60, 12);
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			PdfContentByte canvas = writer.getDirectContent();
			float y = document.bottom() - 22;
			canvas.setColorStroke(Color.LIGHT_GRAY);
			canvas.setLineWidth(0.5f);
			canvas.moveTo(document.left(), y + 11);
			canvas.lineTo(document.right(), y + 11);
			canvas.stroke();
			String page = lang.of("第 " + writer.getPageNumber() + " 页 / 共 ", "Page " + writer.getPageNumber() + " of ");
			canvas.beginText();
			canvas.setFontAndSize(FONT, 7.5f);
			canvas.setColorFill(Color.DARK_GRAY);
			canvas.showTextAligned(Element.ALIGN_LEFT, text, document.left(), y, 0);
			canvas.showTextAligned(Element.ALIGN_LEFT, page, document.right() - 80, y, 0);
			canvas.endText();
			canvas.addTemplate(total, document.right() - 80 + FONT.getWidthPoint(page, 7.5f), y);
		}

		@Override
		public void onCloseDocument(PdfWriter writer, Document document) {
			total.beginText();
			total.setFontAndSize(FONT, 7.5f);
			total.setColorFill(Color.DARK_GRAY);
			total.showText((writer.getPageNumber() - 1) + lang.of(" 页", ""));
			total.endText();
		}
	}

	private static BaseFont font() {
		try (InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream(FONT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The font " + FONT_RESOURCE + " is missing from the application");
			}
			return BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (DocumentException e) {
			throw new IllegalStateException("Cannot load the font " + FONT_RESOURCE, e);
		}
	}
}
