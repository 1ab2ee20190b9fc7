package io.gridgov.identity.internal;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Puts {@link CoarseLastAccessSessions} in front of Spring Session's JDBC repository, so that the
 * session filter and everything else that asks for the session repository get the decorator
 * (ADR 0029). {@code gridgov.session.last-access-granularity} (default one minute; zero writes on
 * every request as Spring Session does). A filter just outside Spring Session's remembers, for the
 * length of a request, the session it read (ADR 0034).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	static BeanPostProcessor coarseLastAccessSessions(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof JdbcIndexedSessionRepository repository)) {
					return bean;
				}
				Duration granularity = environment.getProperty("gridgov.session.last-access-granularity",
						Duration.class, Duration.ofMinutes(1));
				return granularity.isZero() ? bean : new CoarseLastAccessSessions(repository, granularity);
			}
		};
	}

	@Bean
	FilterRegistrationBean<SessionLookupScopeFilter> sessionLookupScopeFilter() {
		FilterRegistrationBean<SessionLookupScopeFilter> registration = new FilterRegistrationBean<>(
				new SessionLookupScopeFilter());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}
}
