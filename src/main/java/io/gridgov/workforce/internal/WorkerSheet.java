package io.gridgov.workforce.internal;

import static io.gridgov.platform.tabular.TemplateColumn.optional;
import static io.gridgov.platform.tabular.TemplateColumn.required;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.tabular.CellValues;
import io.gridgov.platform.tabular.Normalise;
import io.gridgov.platform.tabular.Template;

/**
 * The grid-worker register (网格员台账) as a file (ADR 0027): its template, and how one row reads
 * into the values a worker is hired or revised with. The row is read leniently (Chinese labels or
 * the API's names, full-width digits, several grids separated by 、 or commas) and checked
 * strictly by the same rules as the form, in {@link Worker} and {@link WorkerService}.
 */
final class WorkerSheet {

	static final Template TEMPLATE = new Template(List.of(required("姓名", "name"), required("手机号", "phone"),
			required("用工类型", "employment"), required("人员来源", "source"), required("网格编码", "gridCodes"),
			optional("是否网格长", "lead")));

	static final List<String> NOTES = List.of("带 * 的列必须填写；表头请勿修改，列的顺序可以调整。", "请勿合并单元格；公式须已计算出结果。",
			"手机号为 11 位大陆手机号，同一手机号再次导入时更新该网格员（姓名、用工类型、来源、网格），内容相同则不变。",
			"用工类型：专职 / 兼职。人员来源：社区工作人员 / 企业员工 / 快递员 / 外卖骑手 / 志愿者 / 其他。",
			"网格编码为 15 位（如 440704003001001），可填多个，用顿号分隔；只能填写您管辖范围内的网格。",
			"是否网格长：是 表示担任所填第一个网格的网格长；每个网格只能有一名网格长。", "也可另存为 CSV（UTF-8 或 GBK 编码）导入。");

	/** Which column a rule's refusal points at, by the rule's code. */
	private static final Map<String, String> COLUMN_OF_CODE = Map.ofEntries(Map.entry("workforce.name-invalid", "name"),
			Map.entry("workforce.phone-invalid", "phone"), Map.entry("workforce.import-phone-ambiguous", "phone"),
			Map.entry("workforce.import-registered-elsewhere", "gridCodes"),
			Map.entry("workforce.employment-invalid", "employment"), Map.entry("workforce.source-invalid", "source"),
			Map.entry("workforce.grids-required", "gridCodes"), Map.entry("workforce.grid-unknown", "gridCodes"),
			Map.entry("workforce.grid-duplicate", "gridCodes"), Map.entry("workforce.grid-has-lead", "lead"),
			Map.entry("workforce.lead-must-be-active", "lead"), Map.entry("import.flag-invalid", "lead"));

	private static final Map<String, Employment> EMPLOYMENTS = Map.of("专职", Employment.FULL_TIME, "全职",
			Employment.FULL_TIME, "兼职", Employment.PART_TIME);

	private static final Map<String, WorkerSource> SOURCES = Map.ofEntries(Map.entry("社区工作人员", WorkerSource.COMMUNITY_STAFF),
			Map.entry("社区工作者", WorkerSource.COMMUNITY_STAFF), Map.entry("社区", WorkerSource.COMMUNITY_STAFF),
			Map.entry("企业员工", WorkerSource.ENTERPRISE_EMPLOYEE), Map.entry("企业职工", WorkerSource.ENTERPRISE_EMPLOYEE),
			Map.entry("快递员", WorkerSource.COURIER), Map.entry("外卖骑手", WorkerSource.DELIVERY_RIDER),
			Map.entry("骑手", WorkerSource.DELIVERY_RIDER), Map.entry("志愿者", WorkerSource.VOLUNTEER),
			Map.entry("其他", WorkerSource.OTHER));

	/** A row read: what a hire or a revision needs; the phone already a valid work phone. */
	record Row(String name, WorkPhone phone, Employment employment, WorkerSource source, List<GridRole> grids) {

		@Override
		public String toString() {
			return "Row[masked]";
		}
	}

	private WorkerSheet() {
	}

	/** Reads a row by column key; a value that breaks a rule is a {@link DomainException} whose code names it. */
	static Row read(UnaryOperator<String> cell) {
		String phone = cell.apply("phone");
		WorkPhone workPhone = WorkPhone.of(phone == null ? null : Normalise.halfWidth(phone).replace("+86", ""));
		Employment employment = label(cell.apply("employment"), EMPLOYMENTS, Employment.class, "workforce.employment-invalid");
		WorkerSource source = label(cell.apply("source"), SOURCES, WorkerSource.class, "workforce.source-invalid");
		List<GridRole> grids = grids(cell.apply("gridCodes"), Boolean.TRUE.equals(CellValues.yesNo(cell.apply("lead"))));
		return new Row(cell.apply("name"), workPhone, employment, source, grids);
	}

	/** The grids listed, in order; the first is led when the lead flag is set. */
	static List<GridRole> grids(String text, boolean lead) {
		Set<String> codes = CellValues.list(Normalise.halfWidth(text));
		List<GridRole> grids = new ArrayList<>(codes.size());
		for (String code : codes) {
			grids.add(new GridRole(code, lead && grids.isEmpty()));
		}
		return grids;
	}

	/** The column key a refusal with this code points at, or null when it concerns the whole row. */
	static String columnOf(String code) {
		return COLUMN_OF_CODE.get(code);
	}

	private static <E extends Enum<E>> E label(String text, Map<String, E> labels, Class<E> type, String code) {
		String value = text == null ? "" : Normalise.halfWidth(text).strip();
		E labelled = labels.get(value);
		if (labelled != null) {
			return labelled;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(ErrorKind.INVALID, code, value);
		}
	}

	/** The labels written in exports: the Chinese ones the template documents. */
	static String label(Employment employment) {
		return employment == Employment.FULL_TIME ? "专职" : "兼职";
	}

	static String label(WorkerSource source) {
		return switch (source) {
			case COMMUNITY_STAFF -> "社区工作人员";
			case ENTERPRISE_EMPLOYEE -> "企业员工";
			case COURIER -> "快递员";
			case DELIVERY_RIDER -> "外卖骑手";
			case VOLUNTEER -> "志愿者";
			case OTHER -> "其他";
		};
	}
}
