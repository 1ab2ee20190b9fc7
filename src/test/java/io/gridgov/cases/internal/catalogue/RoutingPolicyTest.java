package io.gridgov.cases.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.gridgov.cases.CategoryInfo;
import io.gridgov.cases.DeadlineStage;
import io.gridgov.cases.RoutingProposal;
import io.gridgov.cases.RoutingTarget;
import io.gridgov.platform.scope.RegionCode;

class RoutingPolicyTest {

	static final CategoryInfo VENDOR = new CategoryInfo("ROAD_OCCUPYING_VENDOR", "STREET_ORDER", "占道经营",
			"Trading on the road", "URBAN_MGMT", Map.of(DeadlineStage.HANDLE, Duration.ofHours(2)), false, "清离");
	static final RegionCode ROOT = RegionCode.of("000000000000");
	static final RegionCode SUBDISTRICT = RegionCode.of("440704003000");
	static final RegionCode VILLAGE = RegionCode.of("440704003201");
	static final RegionCode OTHER_VILLAGE = RegionCode.of("440704003202");
	static final RegionCode GRID = RegionCode.of("440704003201001");

	static RoutingRule rule(long id, String category, RegionCode region, String department, int priority) {
		return new RoutingRule(new UUID(0, id), category, region, RoutingTarget.department(department), priority, null, 0L);
	}

	static RoutingProposal propose(RoutingRule... rules) {
		return RoutingPolicy.propose(VENDOR, GRID, List.of(rules));
	}

	@Test
	void withoutAMatchingRuleTheDefaultDepartmentIsProposed() {
		RoutingProposal proposal = propose();
		assertThat(proposal.target()).isEqualTo(RoutingTarget.department("URBAN_MGMT"));
		assertThat(proposal.byDefault()).isTrue();
	}

	@Test
	void aRuleNamingTheLeafBeatsARuleNamingItsClassEvenInAShallowerRegion() {
		RoutingRule leaf = rule(1, "ROAD_OCCUPYING_VENDOR", ROOT, "LEAF", 0);
		RoutingRule klass = rule(2, "STREET_ORDER", VILLAGE, "CLASS", 100);
		assertThat(propose(klass, leaf).ruleId()).isEqualTo(leaf.id());
	}

	@Test
	void aDeeperRegionBeatsAShallowerOneAtTheSameCategoryLevel() {
		RoutingRule subdistrict = rule(1, "ROAD_OCCUPYING_VENDOR", SUBDISTRICT, "SUB", 100);
		RoutingRule village = rule(2, "ROAD_OCCUPYING_VENDOR", VILLAGE, "VILLAGE", 0);
		assertThat(propose(subdistrict, village).target().departmentCode()).isEqualTo("VILLAGE");
	}

	@Test
	void aHigherPriorityWinsAtTheSameCategoryLevelAndDepth() {
		RoutingRule low = rule(1, "STREET_ORDER", VILLAGE, "LOW", 1);
		RoutingRule high = rule(2, "STREET_ORDER", VILLAGE, "HIGH", 9);
		assertThat(propose(low, high).target().departmentCode()).isEqualTo("HIGH");
	}

	@Test
	void anExactTieGoesToTheOlderRule() {
		RoutingRule older = rule(1, "STREET_ORDER", VILLAGE, "OLDER", 5);
		RoutingRule newer = rule(2, "STREET_ORDER", VILLAGE, "NEWER", 5);
		assertThat(propose(newer, older).ruleId()).isEqualTo(older.id());
		assertThat(propose(older, newer).ruleId()).isEqualTo(older.id());
	}

	@Test
	void rulesOfOtherRegionsAndOtherCategoriesDoNotApply() {
		assertThat(propose(rule(1, "ROAD_OCCUPYING_VENDOR", OTHER_VILLAGE, "X", 9), rule(2, "OUTSIDE_STORE", VILLAGE, "Y", 9),
				rule(3, "CITY_ENV", ROOT, "Z", 9))
			.byDefault()).isTrue();
	}

	@Test
	void aRuleForTheGridItselfApplies() {
		RoutingRule grid = new RoutingRule(new UUID(0, 1), "STREET_ORDER", GRID, RoutingTarget.gridLead(), 0, null, 0L);
		assertThat(propose(grid, rule(2, "STREET_ORDER", VILLAGE, "VILLAGE", 9)).target()).isEqualTo(RoutingTarget.gridLead());
	}
}
