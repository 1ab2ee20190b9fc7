package io.gridgov.campaigns.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * The outcome form of a campaign: the fields a grid worker fills in for each follow-up. Every form
 * has {@code CHECKED} (yes/no) and {@code REASON_MISSED} (text, required when not checked); the
 * standard {@code NEEDS_HOME_SERVICE} (yes/no) and {@code NOTE} (free text) and fields of the
 * campaign's own may follow.
 */
record OutcomeForm(List<Field> fields) {

	static final String CHECKED = "CHECKED";
	static final String REASON_MISSED = "REASON_MISSED";
	static final String NEEDS_HOME_SERVICE = "NEEDS_HOME_SERVICE";
	static final String NOTE = "NOTE";
	static final int MAX_TEXT = 500;
	static final int MAX_FIELDS = 20;
	private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

	enum FieldType {
		BOOLEAN, TEXT, CHOICE
	}

	/** One field: its key, type, label shown to the worker, whether it must be filled, and the choices of a CHOICE field. */
	record Field(String key, FieldType type, String label, boolean required, List<String> options) {

		Field {
			options = options == null ? List.of() : List.copyOf(options);
		}
	}

	OutcomeForm {
		if (fields == null || fields.isEmpty() || fields.size() > MAX_FIELDS) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.form-invalid", "fields");
		}
		fields = List.copyOf(fields);
		Set<String> keys = new HashSet<>();
		for (Field field : fields) {
			if (field == null || field.key() == null || !KEY.matcher(field.key()).matches() || field.type() == null) {
				throw new DomainException(ErrorKind.INVALID, "campaigns.form-invalid", field == null ? "?" : field.key());
			}
			if (!keys.add(field.key())) {
				throw new DomainException(ErrorKind.INVALID, "campaigns.form-invalid", field.key());
			}
			if (field.label() == null || field.label().isBlank() || field.label().length() > 100) {
				throw new DomainException(ErrorKind.INVALID, "campaigns.form-invalid", field.key());
			}
			if (field.type() == FieldType.CHOICE && (field.options().isEmpty() || field.options().size() > 20)) {
				throw new DomainException(ErrorKind.INVALID, "campaigns.form-invalid", field.key());
			}
		}
		requireStandard(fields, CHECKED, FieldType.BOOLEAN);
		requireStandard(fields, REASON_MISSED, FieldType.TEXT);
		for (Field field : fields) {
			if (field.key().equals(NEEDS_HOME_SERVICE) && field.type() != FieldType.BOOLEAN) {
				throw new DomainException(ErrorKind.INVALID, "campaigns.form-invalid", field.key());
			}
		}
	}

	private static void requireStandard(List<Field> fields, String key, FieldType type) {
		if (fields.stream().noneMatch(f -> f.key().equals(key) && f.type() == type)) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.form-invalid", key);
		}
	}

	/** The form of the article's daily checks: checked, reason missed, needs home service, a note. */
	static OutcomeForm standard() {
		return new OutcomeForm(List.of(new Field(CHECKED, FieldType.BOOLEAN, "今日已核查", true, null),
				new Field(REASON_MISSED, FieldType.TEXT, "未核查原因", false, null),
				new Field(NEEDS_HOME_SERVICE, FieldType.BOOLEAN, "需要上门服务", false, null),
				new Field(NOTE, FieldType.TEXT, "备注", false, null)));
	}

	/** The validated outcome of one follow-up. */
	record Outcome(boolean checked, String reasonMissed, boolean needsHomeService, String note,
			Map<String, Object> values) {
	}

	/**
	 * Checks the values a worker submitted against the form: known keys only, the right types,
	 * required fields present, and a reason when the subject was not checked.
	 */
	Outcome validate(Map<String, Object> submitted) {
		Map<String, Object> input = submitted == null ? Map.of() : submitted;
		Map<String, Field> byKey = new LinkedHashMap<>();
		fields.forEach(f -> byKey.put(f.key(), f));
		for (String key : input.keySet()) {
			if (!byKey.containsKey(key)) {
				throw new DomainException(ErrorKind.INVALID, "campaigns.field-unknown", key);
			}
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (Field field : fields) {
			Object raw = input.get(field.key());
			Object value = normalise(field, raw);
			if (value == null) {
				if (field.required() || field.key().equals(CHECKED)) {
					throw new DomainException(ErrorKind.INVALID,
							field.key().equals(CHECKED) ? "campaigns.checked-required" : "campaigns.field-required",
							field.label());
				}
				continue;
			}
			values.put(field.key(), value);
		}
		boolean checked = (Boolean) values.get(CHECKED);
		String reason = (String) values.get(REASON_MISSED);
		if (!checked && reason == null) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.reason-required");
		}
		if (checked && reason != null) {
			values.remove(REASON_MISSED);
			reason = null;
		}
		return new Outcome(checked, reason, Boolean.TRUE.equals(values.get(NEEDS_HOME_SERVICE)),
				(String) values.get(NOTE), values);
	}

	private static Object normalise(Field field, Object raw) {
		if (raw == null) {
			return null;
		}
		switch (field.type()) {
			case BOOLEAN -> {
				if (raw instanceof Boolean b) {
					return b;
				}
				throw new DomainException(ErrorKind.INVALID, "campaigns.field-type", field.label());
			}
			case TEXT -> {
				if (!(raw instanceof String s)) {
					throw new DomainException(ErrorKind.INVALID, "campaigns.field-type", field.label());
				}
				String text = s.strip();
				if (text.length() > MAX_TEXT) {
					throw new DomainException(ErrorKind.INVALID, "campaigns.text-too-long", field.label(), MAX_TEXT);
				}
				return text.isEmpty() ? null : text;
			}
			case CHOICE -> {
				if (!(raw instanceof String s) || !field.options().contains(s)) {
					throw new DomainException(ErrorKind.INVALID, "campaigns.field-type", field.label());
				}
				return s;
			}
			default -> throw new IllegalStateException();
		}
	}
}
