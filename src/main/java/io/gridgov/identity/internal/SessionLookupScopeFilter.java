package io.gridgov.identity.internal;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Opens {@link CoarseLastAccessSessions#withinRequest} around Spring Session's filter (registered
 * just before it), so that a request reads its session from the database once.
 */
class SessionLookupScopeFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CoarseLastAccessSessions.withinRequest(() -> chain.doFilter(request, response));
	}
}
