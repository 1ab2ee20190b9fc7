package io.gridgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

import io.gridgov.platform.problem.ProblemFactory;

class ProblemFactoryLocaleTest {

	@ParameterizedTest(name = "Accept-Language \"{0}\" answers in {1}")
	@CsvSource(value = { "NONE, zh", "zh-CN, zh", "zh-TW, zh", "en, en", "'en-US,en;q=0.9', en", "fr-FR, zh",
			"'zh-CN,zh;q=0.9,en;q=0.8', zh", "@@@, zh" }, nullValues = "NONE")
	void chineseUnlessEnglishIsAskedFor(String header, String language) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		if (header != null) {
			request.addHeader("Accept-Language", header);
		}
		Locale locale = ProblemFactory.localeOf(request);
		assertThat(locale.getLanguage()).isEqualTo(language);
	}
}
