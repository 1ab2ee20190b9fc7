package io.gridgov.registers.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid fictitious identifiers for tests: ID numbers of region 440704 and credit codes, never twice the same in a run. */
final class RegisterFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 5000));

	private RegisterFixtures() {
	}

	/** An ID number born on a day of 1930–2009 chosen by a running sequence, order code 9xx. */
	static String idNumber() {
		int n = SEQUENCE.incrementAndGet();
		java.time.LocalDate birth = java.time.LocalDate.of(1930, 1, 1).plusDays((n * 37L) % 29_000);
		String first17 = "440704" + birth.toString().replace("-", "") + String.format("7%02d", n % 100); // 7xx: never the demo's 9xx
		return first17 + IdNumber.checkCharacter(first17);
	}

	static String creditCode() {
		int n = SEQUENCE.incrementAndGet();
		String first17 = "91440704MA" + String.format("%07d", n * 7919L % 10_000_000L);
		return first17 + CreditCode.checkCharacter(first17);
	}

	static String phone() {
		int n = SEQUENCE.incrementAndGet();
		return "139" + String.format("%08d", (n * 104_729L + 12_345_678L) % 100_000_000L);
	}

	static Map<String, Object> resident(String name, String idNumber, String phone, String grid) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("idNumber", idNumber);
		body.put("phone", phone);
		body.put("gridCode", grid);
		body.put("address", "外海大道" + SEQUENCE.incrementAndGet() + "号");
		body.put("building", "1");
		body.put("unit", "2");
		body.put("room", "301");
		body.put("residency", "REGISTERED");
		body.put("tags", java.util.List.of("ELDERLY_ALONE"));
		return body;
	}
}
