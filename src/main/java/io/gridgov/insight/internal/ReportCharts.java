package io.gridgov.insight.internal;

import java.awt.Color;
import java.util.List;
import java.util.function.DoubleFunction;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;

/**
 * The report's charts, drawn as PDF vector graphics on a template (a form XObject) that the PDF
 * places like an image: a column chart of several series by day, and a bar chart of one value per
 * named row. Every bar is one filled rectangle in its series' colour, its length the value over the
 * axis maximum times the plot's length, so the drawing follows the data exactly (the tests read the
 * rectangles back from the content stream).
 */
final class ReportCharts {

	static final Color REPORTED = new Color(0x3B, 0x82, 0xF6);
	static final Color CLOSED = new Color(0x16, 0xA3, 0x4A);
	static final Color CATEGORY = new Color(0xF5, 0x9E, 0x0B);
	static final Color CLOSURE_RATE = new Color(0xC0, 0x1F, 0x2F);
	private static final Color AXIS = new Color(0x66, 0x66, 0x66);
	private static final Color GRID_LINE = new Color(0xDD, 0xDD, 0xDD);
	private static final Color LABEL = new Color(0x33, 0x33, 0x33);

	/** One series of a column chart: its name (for the legend), colour and one value per column. */
	record Series(String name, Color color, double[] values) {
	}

	private ReportCharts() {
	}

	/**
	 * Columns side by side per label (e.g. reported and closed per day), with a value axis from 0 to a
	 * round maximum, horizontal grid lines, every {@code labelEvery}-th label under the columns and a
	 * legend above the plot.
	 */
	static PdfTemplate columns(PdfContentByte canvas, BaseFont font, float width, float height, List<String> labels,
			List<Series> series, int labelEvery) {
		PdfTemplate t = canvas.createTemplate(width, height);
		float left = 34;
		float bottom = 22;
		float top = height - 20;
		float plotWidth = width - left - 6;
		float plotHeight = top - bottom;
		double max = 0;
		for (Series s : series) {
			for (double v : s.values()) {
				max = Math.max(max, v);
			}
		}
		Axis axis = Axis.of(max);
		valueGrid(t, font, axis, left, bottom, plotWidth, plotHeight, v -> String.format(java.util.Locale.ROOT, "%,.0f", v));
		int n = labels.size();
		float slot = n == 0 ? plotWidth : plotWidth / n;
		float barWidth = Math.max(0.5f, slot * 0.8f / Math.max(1, series.size()));
		for (int s = 0; s < series.size(); s++) {
			Series one = series.get(s);
			t.setColorFill(one.color());
			for (int i = 0; i < n; i++) {
				float h = (float) (one.values()[i] / axis.top() * plotHeight);
				if (h > 0) {
					t.rectangle(left + i * slot + slot * 0.1f + s * barWidth, bottom, barWidth, h);
					t.fill();
				}
			}
		}
		t.beginText();
		t.setFontAndSize(font, 6.5f);
		t.setColorFill(LABEL);
		for (int i = 0; i < n; i += Math.max(1, labelEvery)) {
			t.showTextAligned(Element.ALIGN_CENTER, labels.get(i), left + i * slot + slot / 2, bottom - 9, 0);
		}
		t.endText();
		legend(t, font, series, left, height - 10);
		axes(t, left, bottom, plotWidth, plotHeight);
		return t;
	}

	/**
	 * One horizontal bar per row, its label on the left and its value as text at the bar's end, on a
	 * value axis from 0 to {@code atLeast} or a round maximum above the largest value.
	 */
	static PdfTemplate bars(PdfContentByte canvas, BaseFont font, float width, List<String> labels, double[] values,
			Color color, double atLeast, DoubleFunction<String> valueText, DoubleFunction<String> tickText) {
		float row = 14;
		float bottom = 16;
		float height = bottom + 8 + row * Math.max(1, labels.size());
		PdfTemplate t = canvas.createTemplate(width, height);
		float left = 120;
		float plotWidth = width - left - 48;
		float plotTop = height - 4;
		double max = atLeast;
		for (double v : values) {
			max = Math.max(max, v);
		}
		Axis axis = max == atLeast && atLeast > 0 ? new Axis(atLeast, atLeast / 5, 5) : Axis.of(max);
		t.setLineWidth(0.4f);
		t.setColorStroke(GRID_LINE);
		t.beginText();
		t.setFontAndSize(font, 6.5f);
		t.setColorFill(AXIS);
		for (int k = 0; k <= axis.ticks(); k++) {
			float x = left + (float) (k * axis.step() / axis.top() * plotWidth);
			t.showTextAligned(Element.ALIGN_CENTER, tickText.apply(k * axis.step()), x, bottom - 10, 0);
		}
		t.endText();
		for (int k = 1; k <= axis.ticks(); k++) {
			float x = left + (float) (k * axis.step() / axis.top() * plotWidth);
			t.moveTo(x, bottom);
			t.lineTo(x, plotTop);
		}
		t.stroke();
		t.setColorFill(color);
		for (int i = 0; i < labels.size(); i++) {
			float w = (float) (values[i] / axis.top() * plotWidth);
			if (w > 0) {
				t.rectangle(left, plotTop - (i + 1) * row + 3, w, row - 6);
				t.fill();
			}
		}
		t.beginText();
		t.setFontAndSize(font, 7.5f);
		t.setColorFill(LABEL);
		for (int i = 0; i < labels.size(); i++) {
			float y = plotTop - (i + 1) * row + 5;
			t.showTextAligned(Element.ALIGN_RIGHT, clip(labels.get(i), 16), left - 4, y, 0);
			float w = (float) (values[i] / axis.top() * plotWidth);
			t.showTextAligned(Element.ALIGN_LEFT, valueText.apply(values[i]), left + Math.max(0, w) + 3, y, 0);
		}
		t.endText();
		t.setColorStroke(AXIS);
		t.setLineWidth(0.6f);
		t.moveTo(left, bottom);
		t.lineTo(left, plotTop);
		t.moveTo(left, bottom);
		t.lineTo(left + plotWidth, bottom);
		t.stroke();
		return t;
	}

	/** A value axis from 0 to {@code top} in {@code ticks} steps of a round size (1, 2, 2.5 or 5 × 10ⁿ). */
	record Axis(double top, double step, int ticks) {

		static Axis of(double max) {
			if (!(max > 0)) {
				return new Axis(1, 0.2, 5);
			}
			double raw = max / 5;
			double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
			double step = 10 * magnitude;
			for (double m : new double[] { 1, 2, 2.5, 5, 10 }) {
				if (m * magnitude >= raw) {
					step = m * magnitude;
					break;
				}
			}
			int ticks = (int) Math.ceil(max / step - 1e-9);
			return new Axis(ticks * step, step, ticks);
		}
	}

	private static void valueGrid(PdfTemplate t, BaseFont font, Axis axis, float left, float bottom, float plotWidth,
			float plotHeight, DoubleFunction<String> tickText) {
		t.setLineWidth(0.4f);
		t.setColorStroke(GRID_LINE);
		for (int k = 1; k <= axis.ticks(); k++) {
			float y = bottom + (float) (k * axis.step() / axis.top() * plotHeight);
			t.moveTo(left, y);
			t.lineTo(left + plotWidth, y);
		}
		t.stroke();
		t.beginText();
		t.setFontAndSize(font, 6.5f);
		t.setColorFill(AXIS);
		for (int k = 0; k <= axis.ticks(); k++) {
			float y = bottom + (float) (k * axis.step() / axis.top() * plotHeight);
			t.showTextAligned(Element.ALIGN_RIGHT, tickText.apply(k * axis.step()), left - 3, y - 2, 0);
		}
		t.endText();
	}

	private static void axes(PdfTemplate t, float left, float bottom, float plotWidth, float plotHeight) {
		t.setColorStroke(AXIS);
		t.setLineWidth(0.6f);
		t.moveTo(left, bottom + plotHeight);
		t.lineTo(left, bottom);
		t.lineTo(left + plotWidth, bottom);
		t.stroke();
	}

	private static void legend(PdfTemplate t, BaseFont font, List<Series> series, float x, float y) {
		float at = x;
		for (Series s : series) {
			t.setColorFill(s.color());
			t.circle(at + 4, y + 2.5f, 3.5f);
			t.fill();
			t.beginText();
			t.setFontAndSize(font, 7.5f);
			t.setColorFill(LABEL);
			t.showTextAligned(Element.ALIGN_LEFT, s.name(), at + 10, y, 0);
			t.endText();
			at += 16 + font.getWidthPoint(s.name(), 7.5f) + 10;
		}
	}

	private static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
