package io.gridgov.identity.internal;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Sign-in for the web UI: a session kept in the database, protected by a CSRF cookie token. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

	private final LoginService logins;
	private final SecurityContextRepository contexts;
	private final MeViews meViews;
	private final DemoAccounts demo;

	AuthController(LoginService logins, SecurityContextRepository contexts, MeViews meViews, DemoAccounts demo) {
		this.logins = logins;
		this.contexts = contexts;
		this.meViews = meViews;
		this.demo = demo;
	}

	/** Makes sure the browser holds an XSRF-TOKEN cookie before its first POST. */
	@GetMapping("/csrf")
	ResponseEntity<Void> csrf(CsrfToken token) {
		token.getToken();
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/login")
	MeViews.MeView login(@Valid @RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
		GridGovPrincipal principal = logins.login(body.username().trim(), body.password());
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		return meViews.of(principal);
	}

	@GetMapping("/demo")
	DemoInfo demo() {
		return demo.enabled() ? new DemoInfo(true, demo.accounts()) : new DemoInfo(false, List.of());
	}

	record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
	}

	record DemoInfo(boolean demo, List<DemoAccounts.Account> accounts) {
	}
}
