package io.gridgov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.gridgov.support.ApiClient;
import io.gridgov.support.DatabaseAvailableCondition;
import io.gridgov.support.Instances;

/** Outside the demo profile there is no fixed password, no demo account and no built-in personal-data key. */
@ExtendWith({ DatabaseAvailableCondition.class, OutputCaptureExtension.class })
class ProductionModeIT {

	private static final Pattern FIRST_ADMIN = Pattern.compile("user name: admin\\s+password:\\s+(\\S+)");

	@Test
	void firstAdministratorGetsAGeneratedPasswordPrintedOnce(CapturedOutput output) {
		try (ConfigurableApplicationContext app = Instances.start("production", "", Instances.TEST_PERSONAL_DATA_KEYS)) {
			Matcher matcher = FIRST_ADMIN.matcher(output.getOut());
			assertThat(matcher.find()).as("the generated password is printed").isTrue();
			String password = matcher.group(1);
			assertThat(password).hasSize(20);
			assertThat(output.getOut()).doesNotContain("generated security password");

			ApiClient client = new ApiClient(Instances.baseUrl(app));
			assertThat(client.get("/api/auth/demo").expectStatus(200).json().path("demo").asBoolean()).isFalse();
			client.login("admin", "Waihai@2026").expectProblem(401, "auth.bad-credentials");
			client.login("admin", password).expectStatus(200);
			assertThat(client.get("/api/me").json().path("scope").path("code").asString()).isEqualTo("000000000000");

			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_user").query(Long.class).single()).isEqualTo(1);
		}
		try (ConfigurableApplicationContext restarted = Instances.start("production", "", Instances.TEST_PERSONAL_DATA_KEYS)) {
			assertThat(FIRST_ADMIN.matcher(output.getOut()).results().count())
				.as("printed once, not on every start").isEqualTo(1);
		}
	}

	@Test
	void firstAdministratorPasswordFromTheEnvironmentMustMeetThePolicy() {
		assertThatThrownBy(() -> Instances.start("weakadmin", "", Instances.withKeys(Map.of("gridgov.admin.password", "admin123"))))
			.hasStackTraceContaining("GRIDGOV_ADMIN_PASSWORD does not meet the password policy");
		try (ConfigurableApplicationContext app = Instances.start("strongadmin", "",
				Instances.withKeys(Map.of("gridgov.admin.password", "Strong-Keeper-2026")))) {
			new ApiClient(Instances.baseUrl(app)).login("admin", "Strong-Keeper-2026").expectStatus(200);
		}
	}

	@Test
	void refusesToStartWithoutPersonalDataKeysAndNamesTheVariables() {
		assertThatThrownBy(() -> Instances.start("nokeys", "", Map.of()))
			.hasStackTraceContaining("GRIDGOV_DATA_KEY")
			.hasStackTraceContaining("GRIDGOV_DATA_HMAC_KEY");
	}
}
