package io.gridgov.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Which database GridGov runs on, for the few statements that only PostgreSQL has. */
public final class Databases {

	private Databases() {
	}

	/** Whether the data source is PostgreSQL (else H2); asks one connection's metadata. */
	public static boolean isPostgreSql(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot tell which database the data source is", e);
		}
	}
}
