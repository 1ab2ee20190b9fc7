package io.gridgov.platform.ratelimit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code gridgov.rate-limit.*}: the proxies whose {@code X-Forwarded-For} is believed, and the
 * limits of the public endpoints per client address (ADR 0018).
 */
@ConfigurationProperties("gridgov.rate-limit")
record RateLimitProperties(List<String> trustedProxies, @Name("public") PublicLimits publicLimits) {

	static final RateLimit DEFAULT_READS = new RateLimit(120, 60);
	static final RateLimit DEFAULT_WRITES = new RateLimit(10, 5);
	static final int DEFAULT_MAX_CLIENTS = 10_000;

	RateLimitProperties {
		trustedProxies = trustedProxies == null ? List.of()
				: trustedProxies.stream().map(String::trim).filter(proxy -> !proxy.isEmpty()).toList();
		publicLimits = publicLimits == null ? new PublicLimits(null, null, null, null) : publicLimits;
	}

	/**
	 * @param enabled whether {@code /api/public/**} is limited at all (default true)
	 * @param maxClients how many client addresses an instance tracks at most (default 10,000)
	 * @param reads GET, HEAD and OPTIONS (default 120 a minute, burst 60)
	 * @param writes every other method (default 10 a minute, burst 5)
	 */
	record PublicLimits(Boolean enabled, Integer maxClients, RateLimit reads, RateLimit writes) {

		PublicLimits {
			enabled = enabled == null || enabled;
			maxClients = maxClients == null || maxClients < 1 ? DEFAULT_MAX_CLIENTS : maxClients;
			reads = reads == null ? DEFAULT_READS : reads;
			writes = writes == null ? DEFAULT_WRITES : writes;
		}
	}
}
