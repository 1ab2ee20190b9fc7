package io.gridgov.cases.internal.attachment;

import java.util.Optional;
import java.util.UUID;

import io.gridgov.platform.scope.Actor;

/**
 * What the attachment endpoints need to know of cases, implemented by the case core: whether a
 * signed-in actor may see a case, and which case a resident's tracking code names. Until a bean
 * implements it, a photo linked to a case is served to nobody (404), and the public photo route
 * answers 404; unlinked uploads are still served to their uploader.
 */
public interface CaseAccess {

	/** True when the actor may see the case (its scope, role and assignment allow it). */
	boolean visibleTo(UUID caseId, Actor actor);

	/** The case of a tracking code as a resident typed it; empty for an unknown or malformed code. */
	Optional<UUID> caseIdForTrackingCode(String trackingCode);
}
