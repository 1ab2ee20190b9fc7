package io.gridgov.identity;

import java.util.Optional;
import java.util.UUID;

/** The look-ups other modules need from the accounts: the id of a user name, a user's display name. */
public interface Users {

	Optional<UUID> idOf(String username);

	/** The name shown for a user (e.g. on a case's internal timeline). */
	Optional<String> displayNameOf(UUID userId);
}
