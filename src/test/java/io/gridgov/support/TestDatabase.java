package io.gridgov.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The database the integration tests run on: H2 in PostgreSQL mode (default) or the real
 * PostgreSQL named by {@code GRIDGOV_TEST_PG_URL} (default {@code localhost:5432/gridgov_test},
 * user {@code postgres}), chosen by the system property {@code gridgov.test.database} that each
 * failsafe execution sets. Each PostgreSQL database is dropped and created afresh once per run.
 */
public final class TestDatabase {

	private static final Set<String> FRESH = new HashSet<>();

	private TestDatabase() {
	}

	public static boolean postgres() {
		return "postgres".equals(System.getProperty("gridgov.test.database", "h2"));
	}

	public static String name() {
		return postgres() ? "PostgreSQL" : "H2";
	}

	public static boolean postgresRequired() {
		return Boolean.parseBoolean(env("GRIDGOV_TEST_PG_REQUIRED", "false"));
	}

	static String pgUrl() {
		return env("GRIDGOV_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/gridgov_test");
	}

	static String pgUser() {
		return env("GRIDGOV_TEST_PG_USER", "postgres");
	}

	static String pgPassword() {
		return env("GRIDGOV_TEST_PG_PASSWORD", "");
	}

	/** Null when PostgreSQL answers; otherwise why not. */
	public static String pgUnreachableReason() {
		try (Connection ignored = DriverManager.getConnection(adminUrl(), pgUser(), pgPassword())) {
			return null;
		}
		catch (SQLException e) {
			return "PostgreSQL not reachable at " + adminUrl() + ": " + e.getMessage();
		}
	}

	/**
	 * Datasource properties for a database of the given logical name ("main" for the shared test
	 * context; other names for tests that start instances of their own).
	 */
	public static synchronized Map<String, String> properties(String logicalName) {
		Map<String, String> props = new LinkedHashMap<>();
		if (postgres()) {
			String url = pgUrl();
			if (!"main".equals(logicalName)) {
				url = url.replaceFirst("/([^/?]+)(\\?|$)", "/$1_" + logicalName + "$2");
			}
			if (FRESH.add(url)) {
				recreate(url);
			}
			props.put("spring.datasource.url", url);
			props.put("spring.datasource.username", pgUser());
			props.put("spring.datasource.password", pgPassword());
		}
		else {
			props.put("spring.datasource.url", "jdbc:h2:mem:gridgov_" + logicalName
					+ ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
			props.put("spring.datasource.username", "sa");
			props.put("spring.datasource.password", "");
		}
		return props;
	}

	private static void recreate(String url) {
		String database = url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
		if (!database.matches("[a-z0-9_]+")) {
			throw new IllegalArgumentException("Unexpected test database name: " + database);
		}
		try (Connection admin = DriverManager.getConnection(adminUrl(), pgUser(), pgPassword());
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot create the test database " + database, e);
		}
	}

	private static String adminUrl() {
		return pgUrl().replaceFirst("/([^/?]+)(\\?|$)", "/postgres$2");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			value = System.getProperty(name);
		}
		return value == null || value.isBlank() ? fallback : value;
	}
}
