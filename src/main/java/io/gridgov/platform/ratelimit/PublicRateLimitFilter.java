package io.gridgov.platform.ratelimit;

import java.io.IOException;
import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import io.gridgov.platform.problem.ProblemFactory;
import io.gridgov.platform.ratelimit.TokenBuckets.Decision;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 429 {@code request.rate-limited} with {@code Retry-After} to a client over its limit,
 * before the session, security and controllers spend anything on it. The refusal is logged once
 * per run of refusals, without the client's address.
 */
class PublicRateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(PublicRateLimitFilter.class);

	private final PublicRateLimiter limiter;
	private final ProblemFactory problems;
	private final JsonMapper json;

	PublicRateLimitFilter(PublicRateLimiter limiter, ProblemFactory problems, JsonMapper json) {
		this.limiter = limiter;
		this.problems = problems;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!limiter.enabled()) {
			chain.doFilter(request, response);
			return;
		}
		Decision decision = limiter.acquire(request);
		if (decision.allowed()) {
			chain.doFilter(request, response);
			return;
		}
		String kind = PublicRateLimiter.isRead(request.getMethod()) ? "read" : "write";
		if (decision.firstRefusal()) {
			log.warn("Public {} limit reached by a client; refusing its {} requests for {} s", kind, kind,
					decision.retryAfterSeconds());
		}
		else {
			log.debug("Public {} limit: refused again, retry after {} s", kind, decision.retryAfterSeconds());
		}
		ProblemDetail problem = problems.create(HttpStatus.TOO_MANY_REQUESTS, "request.rate-limited",
				new Object[] { decision.retryAfterSeconds() }, ProblemFactory.localeOf(request));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("retryAfterSeconds", decision.retryAfterSeconds());
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
