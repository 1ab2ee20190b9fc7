package io.gridgov.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gridgov.campaigns.internal.OutcomeForm.Field;
import io.gridgov.campaigns.internal.OutcomeForm.FieldType;
import io.gridgov.campaigns.internal.OutcomeForm.Outcome;

class OutcomeFormTest {

	final OutcomeForm form = OutcomeForm.standard();

	@Test
	void checkedOutcomeIsDone() {
		Outcome outcome = form.validate(Map.of("CHECKED", true, "NOTE", " 身体良好 "));
		assertThat(outcome.checked()).isTrue();
		assertThat(outcome.note()).isEqualTo("身体良好");
		assertThat(outcome.needsHomeService()).isFalse();
	}

	@Test
	void missedCheckMustCarryAReason() {
		assertThatThrownBy(() -> form.validate(Map.of("CHECKED", false))).hasMessage("campaigns.reason-required");
		assertThatThrownBy(() -> form.validate(Map.of("CHECKED", false, "REASON_MISSED", "   ")))
			.hasMessage("campaigns.reason-required");
		Outcome missed = form.validate(Map.of("CHECKED", false, "REASON_MISSED", "外出务工，电话未接通"));
		assertThat(missed.checked()).isFalse();
		assertThat(missed.reasonMissed()).isEqualTo("外出务工，电话未接通");
	}

	@Test
	void aCheckedSubjectKeepsNoReason() {
		Outcome outcome = form.validate(Map.of("CHECKED", true, "REASON_MISSED", "无"));
		assertThat(outcome.reasonMissed()).isNull();
		assertThat(outcome.values()).doesNotContainKey("REASON_MISSED");
	}

	@Test
	void checkedIsAlwaysRequired() {
		assertThatThrownBy(() -> form.validate(Map.of())).hasMessage("campaigns.checked-required");
		assertThatThrownBy(() -> form.validate(null)).hasMessage("campaigns.checked-required");
	}

	@Test
	void unknownFieldsAndWrongTypesAreRefused() {
		assertThatThrownBy(() -> form.validate(Map.of("CHECKED", true, "SHOE_SIZE", "42")))
			.hasMessage("campaigns.field-unknown");
		assertThatThrownBy(() -> form.validate(Map.of("CHECKED", "yes"))).hasMessage("campaigns.field-type");
		assertThatThrownBy(() -> form.validate(Map.of("CHECKED", true, "NEEDS_HOME_SERVICE", 1)))
			.hasMessage("campaigns.field-type");
	}

	@Test
	void textLongerThanTheLimitIsRefused() {
		assertThatThrownBy(() -> form.validate(Map.of("CHECKED", true, "NOTE", "字".repeat(OutcomeForm.MAX_TEXT + 1))))
			.hasMessage("campaigns.text-too-long");
	}

	@Test
	void needsHomeServiceIsRead() {
		assertThat(form.validate(Map.of("CHECKED", true, "NEEDS_HOME_SERVICE", true)).needsHomeService()).isTrue();
	}

	@Test
	void requiredCustomFieldAndChoicesAreChecked() {
		List<Field> fields = new ArrayList<>(form.fields());
		fields.add(new Field("TEMPERATURE_OK", FieldType.CHOICE, "体温", true, List.of("正常", "异常")));
		OutcomeForm custom = new OutcomeForm(fields);
		assertThatThrownBy(() -> custom.validate(Map.of("CHECKED", true))).hasMessage("campaigns.field-required");
		assertThatThrownBy(() -> custom.validate(Map.of("CHECKED", true, "TEMPERATURE_OK", "偏高")))
			.hasMessage("campaigns.field-type");
		Map<String, Object> values = new HashMap<>(Map.of("CHECKED", true, "TEMPERATURE_OK", "正常"));
		assertThat(custom.validate(values).values()).containsEntry("TEMPERATURE_OK", "正常");
	}

	@Test
	void aFormWithoutCheckedOrReasonIsRefused() {
		assertThatThrownBy(() -> new OutcomeForm(List.of(new Field("NOTE", FieldType.TEXT, "备注", false, null))))
			.hasMessage("campaigns.form-invalid");
		assertThatThrownBy(() -> new OutcomeForm(List.of(new Field("CHECKED", FieldType.BOOLEAN, "核查", true, null))))
			.hasMessage("campaigns.form-invalid");
	}

	@Test
	void duplicateOrMalformedKeysAreRefused() {
		List<Field> fields = new ArrayList<>(form.fields());
		fields.add(new Field("NOTE", FieldType.TEXT, "备注2", false, null));
		assertThatThrownBy(() -> new OutcomeForm(fields)).hasMessage("campaigns.form-invalid");
		List<Field> bad = new ArrayList<>(form.fields());
		bad.add(new Field("lower case", FieldType.TEXT, "x", false, null));
		assertThatThrownBy(() -> new OutcomeForm(bad)).hasMessage("campaigns.form-invalid");
	}
}
