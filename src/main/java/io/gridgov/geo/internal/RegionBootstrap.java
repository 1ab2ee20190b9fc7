package io.gridgov.geo.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.gridgov.geo.Region;
import io.gridgov.platform.scope.RegionCode;

import java.util.List;

/**
 * Fills an empty region tree on start: the Waihai demo territory in demo mode, otherwise the one
 * root region named in configuration, under which an administrator builds the rest.
 */
@Component
@Order(10)
class RegionBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RegionBootstrap.class);

	private final JdbcRegions regions;
	private final boolean demo;
	private final String rootCode;
	private final String rootName;

	RegionBootstrap(JdbcRegions regions, @Value("${gridgov.demo.enabled:false}") boolean demo,
			@Value("${gridgov.regions.root-code:000000000000}") String rootCode,
			@Value("${gridgov.regions.root-name:全部辖区}") String rootName) {
		this.regions = regions;
		this.demo = demo;
		this.rootCode = rootCode;
		this.rootName = rootName;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (regions.count() > 0) {
			return;
		}
		if (demo) {
			List<Region> waihai = WaihaiRegionGenerator.generate();
			regions.insertAll(waihai);
			log.info("Loaded the Waihai demo territory: {} regions", waihai.size());
		}
		else {
			RegionCode root = RegionCode.of(rootCode);
			regions.insertAll(List.of(new Region(root, rootName, root.level(), null, null)));
			log.info("Created the root region {} ({})", root, rootName);
		}
	}
}
