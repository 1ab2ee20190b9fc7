package io.gridgov.platform.scope;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** The actor of the current request. */
public final class CurrentActor {

	private CurrentActor() {
	}

	public static Optional<Actor> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
			return Optional.of(principal.actor());
		}
		return Optional.empty();
	}

	/** The actor; a request without one is refused as unauthenticated. */
	public static Actor require() {
		return find().orElseThrow(() -> new DomainException(ErrorKind.UNAUTHENTICATED, "auth.unauthenticated"));
	}
}
