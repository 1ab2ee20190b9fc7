package io.gridgov.geo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.gridgov.geo.GridHit;
import io.gridgov.geo.GridLocator;
import io.gridgov.geo.Region;
import io.gridgov.geo.Regions;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.ProblemFactory;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.CurrentActor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.scope.RegionLevel;
import jakarta.servlet.http.HttpServletRequest;

/** The grid map's API: grids, boundaries and their versions, points of interest, the locator, import and export. */
@RestController
@RequestMapping("/api/geo")
@Transactional(readOnly = true)
class GeoController {

	private static final Set<String> POI_KINDS = Set.of("SCHOOL", "PARK", "MARKET", "PARKING", "FACTORY",
			"COMMAND_CENTRE", "HOSPITAL", "OTHER");

	private final GridStore store;
	private final Regions regions;
	private final GridLocator locator;
	private final GridEditing editing;
	private final String tilesUrl;
	private final String tilesCrs;
	private final String attribution;

	GeoController(GridStore store, Regions regions, GridLocator locator, GridEditing editing,
			@Value("${gridgov.map.tiles-url:}") String tilesUrl, @Value("${gridgov.map.tiles-crs:WGS84}") String tilesCrs,
			@Value("${gridgov.map.attribution:}") String attribution) {
		this.store = store;
		this.regions = regions;
		this.locator = locator;
		this.editing = editing;
		this.tilesUrl = tilesUrl.isBlank() ? null : tilesUrl;
		this.tilesCrs = "GCJ02".equalsIgnoreCase(tilesCrs) ? "GCJ02" : "WGS84";
		this.attribution = attribution;
	}

	@GetMapping("/map-config")
	GeoViews.MapConfig mapConfig() {
		RegionCode scope = CurrentActor.require().scope();
		Envelope extent = store.extent(scope);
		double[] center = extent.isNull() ? new double[] { WaihaiGridGenerator.CENTER_LON, WaihaiGridGenerator.CENTER_LAT }
				: new double[] { extent.centre().x, extent.centre().y };
		int zoom = switch (scope.level()) {
			case GRID -> 16;
			case COMMUNITY -> 15;
			case SUBDISTRICT -> 13;
			case DISTRICT -> 12;
			default -> 10;
		};
		return new GeoViews.MapConfig(tilesUrl, tilesCrs, attribution, center, zoom);
	}

	@GetMapping("/grids")
	GeoViews.FeatureCollection grids(@RequestParam(required = false) String bbox) {
		RegionCode scope = CurrentActor.require().scope();
		List<GridStore.GridRow> rows = bbox == null ? store.within(scope) : store.within(scope, envelope(bbox));
		return GeoViews.FeatureCollection.of(rows.stream().map(GeoViews::grid).toList());
	}

	@GetMapping("/grids/{code}")
	GeoViews.Feature grid(@PathVariable String code) {
		GridStore.GridRow row = visibleGrid(code);
		GeoViews.Feature feature = GeoViews.grid(row);
		feature.properties().put("validFrom", row.validFrom());
		Map<String, Long> counts = new LinkedHashMap<>();
		store.poiCounts(row.code()).forEach(count -> counts.put(count.kind(), count.count()));
		feature.properties().put("poiCounts", counts);
		return feature;
	}

	@GetMapping("/grids/{code}/versions")
	List<GeoViews.Version> versions(@PathVariable String code) {
		GridStore.GridRow row = visibleGrid(code);
		return store.versions(row.code())
			.stream()
			.map(v -> new GeoViews.Version(v.version(), v.validFrom(), v.validTo(),
					Math.round(v.areaSquareMetres() * 10) / 10.0))
			.toList();
	}

	@PutMapping("/grids/{code}/boundary")
	@PreAuthorize("hasAuthority('grids.manage')")
	@Transactional
	GeoViews.Feature redraw(@PathVariable String code, @RequestBody GeoViews.BoundaryEdit edit,
			HttpServletRequest request) {
		RegionCode grid = gridCode(code);
		if (edit.version() == null) {
			throw new DomainException(ErrorKind.INVALID, "request.parameter-missing", "version");
		}
		return GeoViews.grid(editing.redraw(grid, edit.geometry(), edit.version(), CurrentActor.require(),
				ProblemFactory.localeOf(request)));
	}

	@GetMapping("/regions/{code}/boundary")
	GeoViews.Feature regionBoundary(@PathVariable String code) {
		Actor actor = CurrentActor.require();
		RegionCode regionCode = RegionCode.isValid(code) ? RegionCode.of(code) : null;
		if (regionCode == null) {
			throw RecordNotFoundException.notFound("region", code);
		}
		Region region = regions.get(regionCode, actor);
		List<GridStore.GridRow> grids = store.within(regionCode);
		if (grids.isEmpty()) {
			throw RecordNotFoundException.notFound("region-boundary", code);
		}
		Geometry union = UnaryUnionOp.union(grids.stream().map(GridStore.GridRow::boundary).toList());
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("code", region.code().value());
		properties.put("name", region.name());
		properties.put("level", region.level());
		properties.put("gridCount", grids.size());
		properties.put("areaM2", Math.round(grids.stream().mapToDouble(GridStore.GridRow::areaSquareMetres).sum() * 10) / 10.0);
		return GeoViews.Feature.of(region.code().value(), GeoJson.write(union), properties);
	}

	@GetMapping("/pois")
	GeoViews.FeatureCollection pois(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) String kind) {
		if (kind != null && !POI_KINDS.contains(kind)) {
			throw new DomainException(ErrorKind.INVALID, "geo.poi-kind-unknown", kind);
		}
		RegionCode scope = CurrentActor.require().scope();
		return GeoViews.FeatureCollection.of(store.pois(scope, bbox == null ? null : envelope(bbox), kind)
			.stream()
			.map(poi -> GeoViews.Feature.of(poi.id().toString(), GeoJson.point(poi.lon(), poi.lat()),
					GeoViews.poiProperties(poi)))
			.toList());
	}

	@GetMapping("/locate")
	GeoViews.Located locate(@RequestParam double lon, @RequestParam double lat) {
		if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
			throw new DomainException(ErrorKind.INVALID, "geo.locate-out-of-range", lon, lat);
		}
		Actor actor = CurrentActor.require();
		Optional<GridHit> hit = locator.locate(lon, lat).filter(h -> actor.canSee(h.grid()));
		if (hit.isEmpty()) {
			return GeoViews.Located.none();
		}
		Optional<GridStore.GridRow> row = store.find(hit.get().grid());
		return row.map(r -> new GeoViews.Located(r.code().value(), r.name(), r.parent() == null ? null : r.parent().value(),
				r.parentName(), hit.get().boundaryVersion())).orElseGet(GeoViews.Located::none);
	}

	@GetMapping("/search")
	List<GeoViews.SearchHit> search(@RequestParam String q) {
		if (q.isBlank()) {
			return List.of();
		}
		return store.search(CurrentActor.require().scope(), q, 20)
			.stream()
			.map(row -> new GeoViews.SearchHit(row.code().value(), row.name(), row.parentName()))
			.toList();
	}

	@GetMapping("/grids/export")
	ResponseEntity<GeoViews.FeatureCollection> export() {
		RegionCode scope = CurrentActor.require().scope();
		GeoViews.FeatureCollection collection = GeoViews.FeatureCollection
			.of(store.within(scope).stream().map(GeoViews::exported).toList());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/geo+json"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("grids.geojson").build().toString())
			.body(collection);
	}

	@PostMapping(value = "/grids/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('grids.manage')")
	@Transactional
	GridEditing.ImportResult importGrids(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request) throws IOException {
		byte[] content;
		try (InputStream in = file.getInputStream()) {
			content = in.readAllBytes();
		}
		return editing.importGrids(content, dryRun, CurrentActor.require(), ProblemFactory.localeOf(request));
	}

	private GridStore.GridRow visibleGrid(String code) {
		RegionCode grid = gridCode(code);
		GridStore.GridRow row = store.find(grid).orElseThrow(() -> RecordNotFoundException.notFound("grid", code));
		if (!CurrentActor.require().canSee(grid)) {
			throw RecordNotFoundException.outOfScope("grid", code);
		}
		return row;
	}

	private static RegionCode gridCode(String code) {
		if (!RegionCode.isValid(code) || RegionCode.of(code).level() != RegionLevel.GRID) {
			throw RecordNotFoundException.notFound("grid", code);
		}
		return RegionCode.of(code);
	}

	private static Envelope envelope(String bbox) {
		String[] parts = bbox.split(",");
		if (parts.length != 4) {
			throw new DomainException(ErrorKind.INVALID, "geo.bbox-invalid", bbox);
		}
		double[] values = new double[4];
		for (int i = 0; i < 4; i++) {
			try {
				values[i] = Double.parseDouble(parts[i].strip());
			}
			catch (NumberFormatException e) {
				throw new DomainException(ErrorKind.INVALID, "geo.bbox-invalid", bbox);
			}
			if (!Double.isFinite(values[i])) {
				throw new DomainException(ErrorKind.INVALID, "geo.bbox-invalid", bbox);
			}
		}
		if (values[0] > values[2] || values[1] > values[3] || Math.abs(values[0]) > 180 || Math.abs(values[2]) > 180
				|| Math.abs(values[1]) > 90 || Math.abs(values[3]) > 90) {
			throw new DomainException(ErrorKind.INVALID, "geo.bbox-invalid", bbox);
		}
		return new Envelope(values[0], values[2], values[1], values[3]);
	}
}
