package io.gridgov.registers.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.Actor;
import io.gridgov.registers.Residency;

/** Validates a resident as typed or imported; each refusal names the rule that failed. */
@Component
class ResidentRules {

	static final int MAX_NAME = 50;
	static final int MAX_ADDRESS = 200;
	static final int MAX_PART = 20;

	private final Placement placement;
	private final TagStore tags;
	private final Clock clock;

	ResidentRules(Placement placement, TagStore tags, Clock clock) {
		this.placement = placement;
		this.tags = tags;
		this.clock = clock;
	}

	ResidentFields check(ResidentInput input, Actor actor) {
		LocalDate today = LocalDate.now(clock);
		String name = Texts.required(input.name(), MAX_NAME, "registers.name-invalid");
		IdNumber id = blank(input.idNumber()) ? null : IdNumber.parse(input.idNumber(), today);
		MobilePhone phone = blank(input.phone()) ? null : MobilePhone.parse(input.phone());
		LocalDate birth = input.birthDate();
		String gender = blank(input.gender()) ? null : gender(input.gender());
		if (id != null) {
			if (birth != null && !birth.equals(id.birthDate())) {
				throw new DomainException(ErrorKind.INVALID, "registers.birth-date-mismatch");
			}
			if (gender != null && !gender.equals(id.gender().name())) {
				throw new DomainException(ErrorKind.INVALID, "registers.gender-mismatch");
			}
			birth = id.birthDate();
			gender = id.gender().name();
		}
		else if (birth != null && (birth.isAfter(today) || birth.isBefore(LocalDate.of(1850, 1, 1)))) {
			throw new DomainException(ErrorKind.INVALID, "registers.birth-date-invalid");
		}
		Residency residency = residency(input.residency());
		Set<String> tagCodes = new LinkedHashSet<>();
		for (String tag : input.tags() == null ? Set.<String>of() : input.tags()) {
			String code = tag == null ? "" : tag.strip();
			if (code.isEmpty()) {
				continue;
			}
			tagCodes.add(tags.resolve(code).orElseThrow(() -> new DomainException(ErrorKind.INVALID, "registers.tag-unknown", code)));
		}
		return new ResidentFields(name, id, phone, birth, gender, Texts.optional(input.address(), MAX_ADDRESS, "registers.address-invalid"),
				Texts.optional(input.building(), MAX_PART, "registers.address-invalid"),
				Texts.optional(input.unit(), MAX_PART, "registers.address-invalid"),
				Texts.optional(input.room(), MAX_PART, "registers.address-invalid"),
				placement.grid(input.gridCode(), input.longitude(), input.latitude(), actor), input.longitude(),
				input.latitude(), residency, tagCodes, Boolean.TRUE.equals(input.householdHead()));
	}

	static Residency residency(String value) {
		if (blank(value)) {
			return Residency.REGISTERED;
		}
		String v = value.strip();
		return switch (v.toUpperCase(Locale.ROOT)) {
			case "REGISTERED", "户籍", "户籍人口", "常住" -> Residency.REGISTERED;
			case "FLOATING", "流动", "流动人口", "非户籍" -> Residency.FLOATING;
			default -> throw new DomainException(ErrorKind.INVALID, "registers.residency-invalid", v);
		};
	}

	private static String gender(String value) {
		String v = value.strip();
		return switch (v.toUpperCase(Locale.ROOT)) {
			case "MALE", "M", "男" -> "MALE";
			case "FEMALE", "F", "女" -> "FEMALE";
			default -> throw new DomainException(ErrorKind.INVALID, "registers.gender-invalid", v);
		};
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
