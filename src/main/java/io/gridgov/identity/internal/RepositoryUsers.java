package io.gridgov.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.gridgov.identity.Users;

@Component
class RepositoryUsers implements Users {

	private final UserRepository users;

	RepositoryUsers(UserRepository users) {
		this.users = users;
	}

	@Override
	public Optional<UUID> idOf(String username) {
		return username == null ? Optional.empty() : users.findByUsername(username).map(User::id);
	}

	@Override
	public Optional<String> displayNameOf(UUID userId) {
		return userId == null ? Optional.empty() : users.findById(userId).map(User::displayName);
	}
}
