package io.gridgov.platform.tabular;

/** A column of an import template: its Chinese header, the key the code reads it by, and whether a file must have it. */
public record TemplateColumn(String header, String key, boolean required) {

	public static TemplateColumn required(String header, String key) {
		return new TemplateColumn(header, key, true);
	}

	public static TemplateColumn optional(String header, String key) {
		return new TemplateColumn(header, key, false);
	}
}
