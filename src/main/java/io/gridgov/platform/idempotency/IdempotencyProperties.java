package io.gridgov.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gridgov.idempotency.*}: how long a key is remembered ({@code retention}, 24 h), how long a
 * request under way holds its key before a retry may take it over ({@code lease}, 30 s), and how
 * often an instance purges keys past their retention ({@code purge-interval}, 1 h).
 */
@ConfigurationProperties("gridgov.idempotency")
record IdempotencyProperties(Duration retention, Duration lease, Duration purgeInterval) {

	IdempotencyProperties {
		retention = positive(retention, Duration.ofHours(24));
		lease = positive(lease, Duration.ofSeconds(30));
		purgeInterval = positive(purgeInterval, Duration.ofHours(1));
	}

	private static Duration positive(Duration value, Duration fallback) {
		return value == null || value.isNegative() || value.isZero() ? fallback : value;
	}
}
