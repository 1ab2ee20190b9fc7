package io.gridgov.workforce.internal;

import java.util.UUID;

/** The user account a worker signs in with. */
record UserLink(UUID userId, String username) {
}
