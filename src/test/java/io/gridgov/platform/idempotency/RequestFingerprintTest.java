package io.gridgov.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class RequestFingerprintTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Report(String title, Integer priority, List<String> photos) {
	}

	private static String canonical(String rawJson) {
		return RequestFingerprint.canonicalJson(JSON.readTree(rawJson), JSON);
	}

	@Test
	void memberOrderAndWhiteSpaceDoNotChangeTheCanonicalForm() {
		assertThat(canonical("{ \"b\" : 1,\n \"a\": {\"y\": true, \"x\": \"s\"} }"))
			.isEqualTo(canonical("{\"a\":{\"x\":\"s\",\"y\":true},\"b\":1}"))
			.isEqualTo("{\"a\":{\"x\":\"s\",\"y\":true},\"b\":1}");
	}

	@Test
	void aStringIsQuotedExactlyAsTheMapperWritesItSoStoredFingerprintsStayValid() {
		StringBuilder every = new StringBuilder();
		for (char c = 0; c < 0x80; c++) {
			every.append(c);
		}
		List<String> texts = List.of("", "plain", "引号\"与\\反斜杠", "a/b</script>", every.toString(),
				"\u2028\u2029\u007f\u0080\u00a0", "😀 emoji", "tab\there\nline\r\f\b", "\u0000\u001f\u000b");
		for (String text : texts) {
			StringBuilder quoted = new StringBuilder();
			RequestFingerprint.quote(text, quoted);
			assertThat(quoted.toString()).as("quoted %s", text).isEqualTo(JSON.writeValueAsString(text));
		}
	}

	@Test
	void aNullMemberIsTheSameAsAnAbsentOne() {
		assertThat(canonical("{\"a\":1,\"b\":null}")).isEqualTo(canonical("{\"a\":1}"));
	}

	@Test
	void numbersCompareByValue() {
		assertThat(canonical("{\"n\":1.0}")).isEqualTo(canonical("{\"n\":1}")).isEqualTo(canonical("{\"n\":1e0}"));
		assertThat(canonical("{\"n\":0.50}")).isEqualTo(canonical("{\"n\":0.5}"));
		assertThat(canonical("{\"n\":1.5}")).isNotEqualTo(canonical("{\"n\":1}"));
	}

	@Test
	void arrayOrderAndNullElementsCount() {
		assertThat(canonical("[1,2]")).isNotEqualTo(canonical("[2,1]"));
		assertThat(canonical("[1,null]")).isNotEqualTo(canonical("[1]"));
	}

	@Test
	void stringsAreEscapedAsJson() {
		assertThat(canonical("{\"t\":\"路灯\\\"坏了\\n\"}")).isEqualTo("{\"t\":\"路灯\\\"坏了\\n\"}");
	}

	@Test
	void aParsedCommandAndTheSameMembersAsAMapHaveOneFingerprint() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("photos", List.of("a.jpg"));
		map.put("title", "路灯不亮");
		map.put("priority", null);
		assertThat(RequestFingerprint.of("POST", "/api/cases", new Report("路灯不亮", null, List.of("a.jpg")), JSON))
			.isEqualTo(RequestFingerprint.of("post", "/api/cases", map, JSON))
			.hasSize(64)
			.matches("[0-9a-f]{64}");
	}

	@Test
	void methodPathAndBodyEachChangeTheFingerprint() {
		Report body = new Report("路灯不亮", 1, List.of());
		String base = RequestFingerprint.of("POST", "/api/cases", body, JSON);
		assertThat(Arrays.asList(RequestFingerprint.of("PUT", "/api/cases", body, JSON),
				RequestFingerprint.of("POST", "/api/cases/x", body, JSON),
				RequestFingerprint.of("POST", "/api/cases", new Report("路灯不亮", 2, List.of()), JSON),
				RequestFingerprint.of("POST", "/api/cases", null, JSON)))
			.doesNotContain(base)
			.doesNotHaveDuplicates();
	}

	@Test
	void theFingerprintIsTheSha256OfMethodPathAndCanonicalBody() {
		assertThat(RequestFingerprint.of("POST", "/p", JSON.readTree("{\"b\":2, \"a\":1}"), JSON))
			.isEqualTo(RequestFingerprint.sha256Hex("POST\n/p\n{\"a\":1,\"b\":2}"));
		assertThat(RequestFingerprint.sha256Hex(""))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}
}
