package io.gridgov.cases.internal.catalogue;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.gridgov.cases.CategoryInfo;
import io.gridgov.cases.RoutingProposal;
import io.gridgov.cases.RoutingTarget;
import io.gridgov.platform.scope.RegionCode;

/**
 * Picks the routing rule for a case of a leaf category reported in a region. A rule applies when
 * it names the leaf or the leaf's class and its region contains the case's region. Among the
 * rules that apply, the first by this order wins:
 * <ol>
 * <li>a rule naming the leaf before a rule naming the class;</li>
 * <li>a deeper region (longer code prefix) before a shallower one;</li>
 * <li>a higher priority before a lower one;</li>
 * <li>the rule with the smaller id (ids are time-ordered, so the older rule) first.</li>
 * </ol>
 * With no rule the category's default department is proposed.
 */
final class RoutingPolicy {

	private RoutingPolicy() {
	}

	static RoutingProposal propose(CategoryInfo leaf, RegionCode region, List<RoutingRule> rules) {
		return pick(leaf, region, rules)
			.map(rule -> new RoutingProposal(rule.target(), rule.id()))
			.orElseGet(() -> new RoutingProposal(RoutingTarget.department(leaf.defaultDepartment()), null));
	}

	static Optional<RoutingRule> pick(CategoryInfo leaf, RegionCode region, List<RoutingRule> rules) {
		return rules.stream()
			.filter(rule -> rule.categoryCode().equals(leaf.code()) || rule.categoryCode().equals(leaf.classCode()))
			.filter(rule -> rule.region().contains(region))
			.min(order(leaf));
	}

	private static Comparator<RoutingRule> order(CategoryInfo leaf) {
		return Comparator.<RoutingRule>comparingInt(rule -> rule.categoryCode().equals(leaf.code()) ? 0 : 1)
			.thenComparing(rule -> -rule.region().prefix().length())
			.thenComparing(rule -> -rule.priority())
			.thenComparing(RoutingRule::id);
	}
}
