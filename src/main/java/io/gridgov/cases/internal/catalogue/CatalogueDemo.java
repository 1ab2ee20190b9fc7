package io.gridgov.cases.internal.catalogue;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.cases.RoutingTarget;
import io.gridgov.geo.WaihaiDemo;
import io.gridgov.platform.Ids;
import io.gridgov.platform.scope.RegionCode;

/**
 * The Waihai demo departments (the usual subdistrict units, all serving 外海街道) and routing rules
 * that name Waihai regions, loaded on first start of the demo.
 */
@Component
@Order(51)
class CatalogueDemo implements ApplicationRunner {

	private final boolean enabled;
	private final CatalogueStore store;
	private final TransactionTemplate transaction;
	private final Clock clock;

	CatalogueDemo(@Value("${gridgov.demo.enabled:false}") boolean enabled, CatalogueStore store,
			TransactionTemplate transaction, Clock clock) {
		this.enabled = enabled;
		this.store = store;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		transaction.executeWithoutResult(status -> {
			if (!store.departments().isEmpty()) {
				return;
			}
			for (ReferenceCatalogue.DepartmentSeed seed : ReferenceCatalogue.DEPARTMENTS) {
				store.insert(Department.create(Ids.newId(clock), seed.code(), seed.name(), WaihaiDemo.WAIHAI, true),
						clock.instant());
			}
			rule("STREET_ORDER", WaihaiDemo.WAIHAI, RoutingTarget.department(ReferenceCatalogue.URBAN_MGMT), 0,
					"外海街道街面秩序由城管执法中队统一处置");
			rule("ROAD_OCCUPYING_VENDOR", WaihaiDemo.ZHICHONG, RoutingTarget.department(ReferenceCatalogue.COMMUNITY), 10,
					"直冲村内占道经营先由村委会劝导");
			rule("NEIGHBOUR_DISPUTE", WaihaiDemo.WAIHAI, RoutingTarget.department(ReferenceCatalogue.SOCIAL_GOV), 5,
					"外海街道邻里纠纷由综治中心统一调处");
		});
	}

	private void rule(String category, RegionCode region, RoutingTarget target, int priority, String note) {
		store.insert(new RoutingRule(Ids.newId(clock), category, region, target, priority, note, null), clock.instant());
	}
}
