package io.gridgov.identity;

import java.util.Optional;
import java.util.UUID;

/** The one look-up other modules need from the accounts: the id of a user name. */
public interface Users {

	Optional<UUID> idOf(String username);
}
