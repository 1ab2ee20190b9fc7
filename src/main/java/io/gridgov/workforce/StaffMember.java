package io.gridgov.workforce;

import java.util.UUID;

/** A grid worker as other modules see them: no phone, only who they are and the account they sign in with. */
public record StaffMember(UUID workerId, String name, UUID userId, boolean lead) {
}
