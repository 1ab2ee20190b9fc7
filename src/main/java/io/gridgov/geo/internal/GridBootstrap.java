package io.gridgov.geo.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.geo.Regions;
import io.gridgov.geo.WaihaiDemo;
import io.gridgov.platform.Ids;

/** Loads the Waihai grid map (polygons and points of interest) in demo mode, once, after the region tree. */
@Component
@Order(11)
class GridBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(GridBootstrap.class);

	private final GridStore store;
	private final Regions regions;
	private final Clock clock;
	private final boolean demo;

	GridBootstrap(GridStore store, Regions regions, Clock clock, @Value("${gridgov.demo.enabled:false}") boolean demo) {
		this.store = store;
		this.regions = regions;
		this.clock = clock;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo || store.count() > 0 || regions.find(WaihaiDemo.WAIHAI).isEmpty()) {
			return;
		}
		WaihaiGridGenerator.WaihaiMap map = WaihaiGridGenerator.generate();
		Instant now = clock.instant();
		for (WaihaiGridGenerator.GeneratedGrid grid : map.grids()) {
			store.insertGrid(grid.code(), grid.type(), 1);
			store.insertBoundary(Ids.newId(clock), grid.code(), 1, grid.boundary(), now);
		}
		for (WaihaiGridGenerator.GeneratedPoi poi : map.pois()) {
			store.insertPoi(new GridStore.PoiRow(Ids.newId(clock), poi.kind(), poi.name(), poi.lon(), poi.lat(),
					poi.grid().value()));
		}
		store.bumpRevision();
		log.info("Loaded the Waihai grid map: {} grid polygons, {} points of interest", map.grids().size(),
				map.pois().size());
	}
}
