package io.gridgov.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.gridgov.GridGovApplication;

/** Starts further GridGov instances in the test JVM: a second node behind a load balancer, a restart. */
public final class Instances {

	/** Personal-data keys for instances outside the demo profile, which refuse to start without them. */
	public static final Map<String, String> TEST_PERSONAL_DATA_KEYS = Map.of("gridgov.personal-data.keys.k1",
			"dGVzdC1vbmx5LWtleS1mb3ItaW5zdGFuY2VzLXRlc3Q=", "gridgov.personal-data.hmac-key",
			"dGVzdC1vbmx5LWhtYWMta2V5LWZvci1pbnN0YW5jZXM=");

	private Instances() {
	}

	/** The test personal-data keys plus the given properties. */
	public static Map<String, String> withKeys(Map<String, String> extra) {
		Map<String, String> all = new HashMap<>(TEST_PERSONAL_DATA_KEYS);
		all.putAll(extra);
		return all;
	}

	public static ConfigurableApplicationContext start(String database, String profiles, Map<String, String> extra,
			Class<?>... additionalSources) {
		Map<String, Object> props = new HashMap<>(TestDatabase.properties(database));
		props.put("server.port", "0");
		props.put("spring.main.banner-mode", "off");
		props.putAll(extra);
		Class<?>[] sources = new Class<?>[additionalSources.length + 1];
		sources[0] = GridGovApplication.class;
		System.arraycopy(additionalSources, 0, sources, 1, additionalSources.length);
		String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(sources).profiles(profiles.isEmpty() ? new String[0] : profiles.split(","))
			.run(args);
	}

	public static String baseUrl(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}
}
