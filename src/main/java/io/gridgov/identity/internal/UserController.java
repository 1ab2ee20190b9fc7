package io.gridgov.identity.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.identity.Role;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.scope.CurrentActor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Account administration for the ADMIN role, within the administrator's scope. */
@RestController
@RequestMapping("/api/identity")
class UserController {

	private final UserAdministration administration;
	private final UserQuery query;
	private final UserViews views;

	UserController(UserAdministration administration, UserQuery query, UserViews views) {
		this.administration = administration;
		this.query = query;
		this.views = views;
	}

	@GetMapping("/roles")
	List<Role> roles() {
		return Arrays.asList(Role.values());
	}

	@GetMapping("/users")
	Page<UserViews.UserView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return query.search(CurrentActor.require(), q, role, PageQuery.of(page, size));
	}

	@GetMapping("/users/{id}")
	UserViews.UserView one(@PathVariable UUID id) {
		return views.of(administration.get(CurrentActor.require(), id));
	}

	@PostMapping("/users")
	ResponseEntity<UserViews.UserView> create(@Valid @RequestBody CreateUserRequest body) {
		User user = administration.create(CurrentActor.require(), new UserAdministration.CreateUser(body.username(),
				body.displayName(), body.password(), body.roles(), body.scopeCode()));
		return ResponseEntity.created(URI.create("/api/identity/users/" + user.id())).body(views.of(user));
	}

	@PutMapping("/users/{id}")
	UserViews.UserView update(@PathVariable UUID id, @Valid @RequestBody UpdateUserRequest body) {
		User user = administration.update(CurrentActor.require(), id, new UserAdministration.UpdateUser(
				body.displayName(), body.roles(), body.scopeCode(), body.enabled(), body.version()));
		return views.of(user);
	}

	@PostMapping("/users/{id}/password")
	ResponseEntity<Void> resetPassword(@PathVariable UUID id, @Valid @RequestBody ResetPasswordRequest body) {
		administration.resetPassword(CurrentActor.require(), id, body.password());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/users/{id}/unlock")
	ResponseEntity<Void> unlock(@PathVariable UUID id) {
		administration.unlock(CurrentActor.require(), id);
		return ResponseEntity.noContent().build();
	}

	record CreateUserRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 100) String displayName,
			@NotBlank @Size(max = 128) String password, @NotEmpty Set<Role> roles, @NotBlank @Size(max = 15) String scopeCode) {
	}

	record UpdateUserRequest(@NotBlank @Size(max = 100) String displayName, @NotEmpty Set<Role> roles,
			@NotBlank @Size(max = 15) String scopeCode, @NotNull Boolean enabled, @NotNull Long version) {
	}

	record ResetPasswordRequest(@NotBlank @Size(max = 128) String password) {
	}
}
