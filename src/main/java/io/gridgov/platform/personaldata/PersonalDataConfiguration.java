package io.gridgov.platform.personaldata;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The personal-data keys come from configuration only. Without them the application refuses to
 * start: there is no built-in production key. The demo profile carries a fixed demo-only key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalDataConfiguration.Keys.class)
class PersonalDataConfiguration {

	static final String MISSING = """
			No personal-data key is configured, so GridGov cannot encrypt phone and ID numbers and refuses to start.
			Set GRIDGOV_DATA_KEY and GRIDGOV_DATA_HMAC_KEY to two different values of `openssl rand -base64 32`
			(or gridgov.personal-data.keys.<id>, gridgov.personal-data.active-key and gridgov.personal-data.hmac-key);
			keep them outside the database and its backups: without them the stored personal data cannot be read.""";

	@Bean
	PersonalDataCipher personalDataCipher(Keys keys) {
		Map<String, String> configured = keys.keys() == null ? Map.of() : keys.keys();
		boolean noKey = configured.values().stream().allMatch(value -> value == null || value.isBlank());
		if (noKey || keys.hmacKey() == null || keys.hmacKey().isBlank()) {
			throw new IllegalStateException(MISSING);
		}
		try {
			return new PersonalDataCipher(configured, keys.activeKey(), keys.hmacKey());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("Personal-data keys are misconfigured: " + e.getMessage(), e);
		}
	}

	@ConfigurationProperties("gridgov.personal-data")
	record Keys(Map<String, String> keys, String activeKey, String hmacKey) {
	}
}
