package io.gridgov.identity.internal;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import io.gridgov.platform.audit.AuditOutcome;
import io.gridgov.platform.audit.AuditRecord;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The safety net that makes "every write is audited" true even where a use case forgot: after
 * each POST, PUT, PATCH or DELETE on the API it writes an entry unless the request already wrote
 * one, and a failure entry for a refused write whose refusal was not yet recorded.
 */
class WriteAuditFilter extends OncePerRequestFilter {

	private final JdbcAuditTrail audit;

	WriteAuditFilter(JdbcAuditTrail audit) {
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		boolean write = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method);
		return !write || !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			String action = request.getMethod() + " " + request.getRequestURI();
			if (status >= 400 && request.getAttribute(JdbcAuditTrail.REFUSAL_RECORDED) == null) {
				AuditOutcome outcome = status == 401 || status == 403 ? AuditOutcome.DENIED : AuditOutcome.FAILURE;
				audit.record(new AuditRecord(action, null, null, outcome, "HTTP " + status));
			}
			else if (status < 400 && request.getAttribute(JdbcAuditTrail.RECORDED) == null) {
				audit.record(new AuditRecord(action, null, null, AuditOutcome.SUCCESS, "HTTP " + status));
			}
		}
	}
}
