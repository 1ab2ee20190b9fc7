package io.gridgov.cases.internal.hotline;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of a 12345 work-order file, by the Chinese header the template and the hotline
 * system's export use. Order number, category and content are required; the position needs either
 * longitude and latitude or a grid code, checked per row.
 */
enum WorkOrderColumn {

	ORDER_NO("工单号", true, "hotlineOrderNo"),
	CALL_TIME("来电时间", false, null),
	CALLER("来电人", false, "reporterName"),
	PHONE("联系电话", false, "phone"),
	CATEGORY("诉求类别", true, "categoryCode"),
	CONTENT("诉求内容", true, "description"),
	ADDRESS("地址", false, "address"),
	LONGITUDE("经度", false, "longitude"),
	LATITUDE("纬度", false, "latitude"),
	GRID("网格编码", false, "gridCode");

	private final String header;
	private final boolean required;
	private final String field;

	WorkOrderColumn(String header, boolean required, String field) {
		this.header = header;
		this.required = required;
		this.field = field;
	}

	String header() {
		return header;
	}

	boolean required() {
		return required;
	}

	/** The column of a header cell, tolerating spaces, full-width forms and required-markers (*, 必填). */
	static Optional<WorkOrderColumn> ofHeader(String text) {
		String normalized = normalizeHeader(text);
		return Arrays.stream(values()).filter(c -> c.header.equals(normalized)).findFirst();
	}

	/** The column that carries an intake field, for a refusal the intake reports by field name. */
	static Optional<WorkOrderColumn> ofField(String field) {
		return Arrays.stream(values()).filter(c -> c.field != null && c.field.equals(field)).findFirst();
	}

	static String normalizeHeader(String text) {
		if (text == null) {
			return "";
		}
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("\uFEFF", "");
		s = s.replaceAll("\\((必填|选填|可选)\\)", "").replaceAll("[\\s*]", "");
		return s;
	}
}
