package io.gridgov.platform.scope;

/** Implemented by the authenticated principal so that modules can learn the actor without knowing the identity module. */
public interface ActorPrincipal {

	Actor actor();
}
