package io.gridgov.platform.ratelimit;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.gridgov.platform.problem.ProblemFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the public rate limit on {@code /api/public/*} (every path below it), right after the
 * request id filter (so the 429 carries the request id) and before the session and security
 * filters (so a refused request costs no database work).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Bean
	PublicRateLimiter publicRateLimiter(RateLimitProperties properties, Clock clock) {
		return new PublicRateLimiter(properties, clock);
	}

	@Bean
	FilterRegistrationBean<PublicRateLimitFilter> publicRateLimitFilter(PublicRateLimiter limiter,
			ProblemFactory problems, JsonMapper json) {
		FilterRegistrationBean<PublicRateLimitFilter> registration = new FilterRegistrationBean<>(
				new PublicRateLimitFilter(limiter, problems, json));
		registration.addUrlPatterns("/api/public/*");
		registration.setOrder(ORDER);
		registration.setName("publicRateLimitFilter");
		return registration;
	}
}
