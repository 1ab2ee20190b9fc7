package io.gridgov.cases;

import io.gridgov.platform.scope.RegionCode;

/** Proposes who handles a case of a leaf category reported in a region (usually its grid). */
public interface Routing {

	/** The proposal; an unknown or class category is refused with {@code cases.category-unknown}. */
	RoutingProposal propose(String categoryCode, RegionCode region);
}
