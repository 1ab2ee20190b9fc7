package io.gridgov.registers.internal;

import java.util.List;
import java.util.Optional;

import io.gridgov.platform.tabular.Template;
import io.gridgov.platform.tabular.TemplateColumn;

/** What an import file holds, with the template's columns (Chinese headers; English keys are accepted too). */
enum ImportKind {

	RESIDENT(List.of(col("姓名", "name", true), col("身份证号", "idNumber", true), col("手机号", "phone", false),
			col("出生日期", "birthDate", false), col("性别", "gender", false), col("网格编码", "gridCode", false),
			col("经度", "longitude", false), col("纬度", "latitude", false), col("地址", "address", false),
			col("楼栋", "building", false), col("单元", "unit", false), col("房号", "room", false),
			col("户籍类型", "residency", false), col("标签", "tags", false), col("是否户主", "householdHead", false))),

	HOUSEHOLD(List.of(col("地址", "address", true), col("楼栋", "building", false), col("单元", "unit", false),
			col("房号", "room", false), col("网格编码", "gridCode", true), col("户主身份证号", "headIdNumber", false))),

	ENTERPRISE(List.of(col("企业名称", "name", true), col("统一社会信用代码", "creditCode", true), col("地址", "address", false),
			col("网格编码", "gridCode", false), col("经度", "longitude", false), col("纬度", "latitude", false),
			col("行业", "industry", false), col("从业人数", "employeeCount", false), col("联系人", "contactName", false),
			col("联系电话", "contactPhone", false), col("规上企业", "aboveDesignatedSize", false),
			col("高新技术企业", "highTech", false), col("专精特新", "srdi", false), col("小巨人", "littleGiant", false),
			col("上市企业", "listed", false)));

	private final Template template;

	ImportKind(List<TemplateColumn> columns) {
		this.template = new Template(columns);
	}

	Template template() {
		return template;
	}

	List<TemplateColumn> columns() {
		return template.columns();
	}

	/** The column a header cell names: its Chinese header or English key, ignoring a trailing * and spaces. */
	Optional<TemplateColumn> column(String header) {
		return template.column(header);
	}

	String headerOf(String key) {
		return template.headerOf(key);
	}

	private static TemplateColumn col(String header, String key, boolean required) {
		return new TemplateColumn(header, key, required);
	}
}
