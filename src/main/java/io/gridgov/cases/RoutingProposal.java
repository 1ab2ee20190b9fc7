package io.gridgov.cases;

import java.util.UUID;

/**
 * The proposed assignee of a case and the routing rule that proposed it; {@code ruleId} is null
 * when no rule matched and the category's default department was taken.
 */
public record RoutingProposal(RoutingTarget target, UUID ruleId) {

	public boolean byDefault() {
		return ruleId == null;
	}
}
