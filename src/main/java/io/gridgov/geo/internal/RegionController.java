package io.gridgov.geo.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.geo.Region;
import io.gridgov.geo.RegionKind;
import io.gridgov.geo.RegionTreeNode;
import io.gridgov.geo.Regions;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.CurrentActor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.scope.RegionLevel;

/** The region tree, always cut to the caller's scope. */
@RestController
@RequestMapping("/api/regions")
class RegionController {

	private final Regions regions;

	RegionController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping("/tree")
	RegionTreeNode tree() {
		return regions.tree(CurrentActor.require().scope());
	}

	@GetMapping("/{code}")
	RegionView one(@PathVariable String code) {
		return RegionView.of(regions.get(RegionCode.of(code), CurrentActor.require()));
	}

	@GetMapping("/{code}/children")
	List<RegionView> children(@PathVariable String code) {
		Actor actor = CurrentActor.require();
		Region parent = regions.get(RegionCode.of(code), actor);
		return regions.children(parent.code()).stream().map(RegionView::of).toList();
	}

	record RegionView(String code, String name, RegionLevel level, RegionKind kind, String parentCode) {

		static RegionView of(Region region) {
			return new RegionView(region.code().value(), region.name(), region.level(), region.kind(),
					region.parentCode() == null ? null : region.parentCode().value());
		}
	}
}
