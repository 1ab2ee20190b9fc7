package io.gridgov.identity.internal;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The signed-in user: who am I, and change my own password. */
@RestController
@RequestMapping("/api/me")
class MeController {

	private final MeViews views;
	private final UserAdministration administration;

	MeController(MeViews views, UserAdministration administration) {
		this.views = views;
		this.administration = administration;
	}

	@GetMapping
	MeViews.MeView me(@AuthenticationPrincipal GridGovPrincipal principal) {
		return views.of(principal);
	}

	@PostMapping("/password")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal GridGovPrincipal principal,
			@Valid @RequestBody ChangePassword body, HttpSession session) {
		administration.changeOwnPassword(principal.userId(), body.currentPassword(), body.newPassword(), session.getId());
		return ResponseEntity.noContent().build();
	}

	record ChangePassword(@NotBlank @Size(max = 128) String currentPassword, @NotBlank @Size(max = 128) String newPassword) {
	}
}
