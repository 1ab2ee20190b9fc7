package io.gridgov.geo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;

/** The region tree: the public API of the geo module for other modules. */
public interface Regions {

	Optional<Region> find(RegionCode code);

	/**
	 * The names of the regions among {@code codes} (plain region codes; unknown ones are left out), read
	 * a thousand at a time: what a list of many regions shows beside their codes.
	 */
	Map<String, String> names(Collection<String> codes);

	/** The region if it exists and lies inside the actor's scope; otherwise a 404 problem. */
	Region get(RegionCode code, Actor actor);

	/** The subtree under {@code root}, root included. */
	RegionTreeNode tree(RegionCode root);

	List<Region> children(RegionCode parent);

	/** The chain from the top of the tree down to {@code code}, both included. */
	List<Region> path(RegionCode code);

	/** The top nodes of the tree (those without a parent). */
	List<Region> roots();

	long count();
}
