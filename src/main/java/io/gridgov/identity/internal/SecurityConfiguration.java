package io.gridgov.identity.internal;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import io.gridgov.identity.Permission;
import io.gridgov.platform.audit.AuditOutcome;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.problem.ProblemFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions (kept in the database by Spring Session), CSRF protection for the single-page app
 * (XSRF-TOKEN cookie echoed in the X-XSRF-TOKEN header), bcrypt password hashes, and every
 * refusal answered as a problem detail and audited.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, SecurityContextRepository contexts, ProblemFactory problems,
			JsonMapper json, JdbcAuditTrail audit) throws Exception {
		ProblemWriter writer = new ProblemWriter(problems, json);
		http.securityContext(context -> context.securityContextRepository(contexts))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.csrf(csrf -> csrf.spa())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data: blob: https:; "
						+ "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; "
						+ "frame-ancestors 'none'; object-src 'none'; base-uri 'self'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.authorizeHttpRequests(authorize -> authorize
				// the async re-dispatch that ends a long response (the live queue's SSE stream) was
				// authorised when the request came in; the session may have expired since
				.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
				.requestMatchers(HttpMethod.POST, "/api/auth/login").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/auth/csrf", "/api/auth/demo").permitAll()
				.requestMatchers("/api/identity/**").hasAuthority(Permission.USERS_MANAGE)
				.requestMatchers("/api/audit/**").hasAuthority(Permission.AUDIT_READ)
				.requestMatchers("/api/regions/**").hasAuthority(Permission.REGIONS_READ)
				.requestMatchers("/api/public/**").permitAll()
				.requestMatchers("/api/geo/**").hasAuthority(Permission.GRIDS_READ)
				.requestMatchers("/api/workforce/**").hasAuthority(Permission.WORKERS_READ)
				.requestMatchers("/api/cases/catalogue/**").hasAuthority(Permission.GRIDS_READ)
				.requestMatchers(HttpMethod.POST, "/api/cases", "/api/cases/import").hasAuthority(Permission.CASES_REPORT)
				.requestMatchers("/api/cases/**").hasAuthority(Permission.CASES_READ)
				.requestMatchers(HttpMethod.GET, "/api/registers/tags").hasAnyAuthority(Permission.REGISTERS_READ,
						Permission.REGISTERS_TAGS)
				.requestMatchers("/api/registers/tags/**").hasAuthority(Permission.REGISTERS_TAGS)
				.requestMatchers("/api/registers/**").hasAuthority(Permission.REGISTERS_READ)
				.requestMatchers("/api/campaigns/**").hasAuthority(Permission.CAMPAIGNS_READ)
				.requestMatchers(HttpMethod.POST, "/api/insight/rebuild").hasAuthority(Permission.INSIGHT_REBUILD)
				.requestMatchers("/api/insight/**").hasAuthority(Permission.INSIGHT_READ)
				.requestMatchers("/api/**").authenticated()
				.requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				.anyRequest().permitAll())
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, ex) -> {
					boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
					if (!(HttpMethod.GET.matches(request.getMethod()) && "/api/me".equals(request.getRequestURI()))) {
						audit.recordFor(null, refusal(request, expired ? "session expired" : "not signed in"));
					}
					writer.write(request, response, HttpStatus.UNAUTHORIZED,
							expired ? "auth.session-expired" : "auth.unauthenticated");
				})
				.accessDeniedHandler((request, response, ex) -> {
					boolean csrf = ex instanceof CsrfException;
					audit.record(refusal(request, csrf ? "missing or wrong CSRF token" : "role does not permit this"));
					writer.write(request, response, HttpStatus.FORBIDDEN, csrf ? "security.csrf-invalid" : "security.forbidden");
				}))
			.logout(logout -> logout.logoutUrl("/api/auth/logout")
				.addLogoutHandler((request, response, authentication) -> auditLogout(audit, authentication))
				.logoutSuccessHandler((request, response, authentication) -> response.setStatus(HttpStatus.NO_CONTENT.value())))
			.addFilterAfter(new WriteAuditFilter(audit), SecurityContextHolderFilter.class);
		return http.build();
	}

	private static void auditLogout(JdbcAuditTrail audit, Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof GridGovPrincipal principal) {
			audit.recordAs(principal.actor(), AuditRecord.success("LOGOUT", "user", principal.userId()));
		}
	}

	private static AuditRecord refusal(HttpServletRequest request, String detail) {
		return new AuditRecord(request.getMethod() + " " + request.getRequestURI(), null, null, AuditOutcome.DENIED, detail);
	}

	/** Writes a problem detail from inside the security filters, before Spring MVC is reached. */
	record ProblemWriter(ProblemFactory problems, JsonMapper json) {

		void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
				throws IOException {
			ProblemDetail problem = problems.create(status, code, new Object[0], ProblemFactory.localeOf(request));
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), problem);
		}
	}
}
