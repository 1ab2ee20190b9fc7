package io.gridgov.geo.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.geo.GridBoundaryChanged;
import io.gridgov.geo.GridType;
import io.gridgov.geo.Region;
import io.gridgov.geo.Regions;
import io.gridgov.platform.Ids;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.ProblemFactory;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.scope.RegionLevel;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes grid boundaries: one grid's boundary edited on the map, or many grids imported from a
 * GeoJSON FeatureCollection. Every new boundary is checked the same way (GeoJson, overlaps with
 * the other grids); an import is all or nothing.
 */
@Service
class GridEditing {

	private static final JsonMapper LENIENT_NUMBERS = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.build();

	private final GridStore store;
	private final Regions regions;
	private final IndexedGridLocator locator;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;
	private final ProblemFactory problems;
	private final Clock clock;
	private final double overlapToleranceSquareMetres;

	GridEditing(GridStore store, Regions regions, IndexedGridLocator locator, ApplicationEventPublisher events,
			AuditTrail audit, ProblemFactory problems, Clock clock,
			@Value("${gridgov.geo.overlap-tolerance-m2:1.0}") double overlapToleranceSquareMetres) {
		this.store = store;
		this.regions = regions;
		this.locator = locator;
		this.events = events;
		this.audit = audit;
		this.problems = problems;
		this.clock = clock;
		this.overlapToleranceSquareMetres = overlapToleranceSquareMetres;
	}

	@Transactional
	GridStore.GridRow redraw(RegionCode code, JsonNode geometry, int expectedVersion, Actor actor, Locale locale) {
		GridStore.GridRow row = store.find(code).orElseThrow(() -> RecordNotFoundException.notFound("grid", code));
		if (!actor.canSee(code)) {
			throw RecordNotFoundException.outOfScope("grid", code);
		}
		GeoJson.Parsed parsed = GeoJson.read(geometry);
		List<ImportError> errors = new ArrayList<>();
		if (!parsed.ok()) {
			errors.add(error(0, parsed.defect().code(), code.value(), parsed.defect().detail(), locale));
		}
		else {
			overlap(parsed.geometry(), Set.of(code.value()), Map.of())
				.ifPresent(other -> errors.add(error(0, "geo.polygon-overlaps", code.value(), other, locale)));
		}
		if (!errors.isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "geo.boundary-invalid", code.value()).with("errors", errors);
		}
		Grid grid = Grid.of(row);
		Instant now = clock.instant();
		int previous = grid.redraw(parsed.geometry(), expectedVersion, now);
		save(grid, previous, now);
		audit.record(AuditRecord.success("GRID_BOUNDARY_EDIT", "grid", code)
			.withDetail("version " + previous + " -> " + grid.version()));
		store.bumpRevision();
		return store.find(code).orElseThrow();
	}

	record ImportResult(int created, int updated, int unchanged, boolean dryRun) {
	}

	private record Candidate(int index, RegionCode code, String name, GridType type, RegionCode parent, Geometry boundary) {
	}

	@Transactional
	ImportResult importGrids(byte[] content, boolean dryRun, Actor actor, Locale locale) {
		JsonNode root = parse(decode(content));
		JsonNode features = root.path("features");
		if (!"FeatureCollection".equals(root.path("type").asString("")) || !features.isArray()) {
			throw new DomainException(ErrorKind.INVALID, "geo.import-malformed", "FeatureCollection");
		}
		List<ImportError> errors = new ArrayList<>();
		List<Candidate> candidates = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < features.size(); i++) {
			Candidate candidate = check(i, features.get(i), actor, seen, errors, locale);
			if (candidate != null) {
				candidates.add(candidate);
			}
		}
		checkOverlaps(candidates, errors, locale);
		errors.sort(java.util.Comparator.comparingInt(ImportError::feature));
		if (!errors.isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "geo.import-invalid", errors.size()).with("errors", errors);
		}
		return apply(candidates, dryRun);
	}

	private ImportResult apply(List<Candidate> candidates, boolean dryRun) {
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		Instant now = clock.instant();
		for (Candidate candidate : candidates) {
			Optional<GridStore.GridRow> existing = store.find(candidate.code());
			if (existing.isEmpty()) {
				created++;
				if (!dryRun) {
					store.insertGridRegion(candidate.code(), candidate.name(), candidate.parent());
					store.insertGrid(candidate.code(), candidate.type(), 1);
					store.insertBoundary(Ids.newId(clock), candidate.code(), 1, candidate.boundary(), now);
					events.publishEvent(new GridBoundaryChanged(candidate.code(), 1));
				}
				continue;
			}
			GridStore.GridRow row = existing.get();
			Grid grid = Grid.of(row);
			boolean sameBoundary = grid.sameBoundary(candidate.boundary());
			if (sameBoundary && row.type() == candidate.type() && row.name().equals(candidate.name())) {
				unchanged++;
				continue;
			}
			updated++;
			if (dryRun) {
				continue;
			}
			store.renameRegion(candidate.code(), candidate.name());
			grid.retype(candidate.type());
			if (sameBoundary) {
				store.retype(candidate.code(), candidate.type());
			}
			else {
				int previous = grid.redraw(candidate.boundary(), row.version(), now);
				save(grid, previous, now);
			}
		}
		if (!dryRun && created + updated > 0) {
			store.bumpRevision();
			audit.record(AuditRecord.success("GRID_IMPORT", "grid", null)
				.withDetail("created " + created + ", updated " + updated + ", unchanged " + unchanged));
		}
		return new ImportResult(created, updated, unchanged, dryRun);
	}

	private void save(Grid grid, int previous, Instant now) {
		if (!store.advanceVersion(grid.code(), grid.type(), previous, grid.version())) {
			throw new DomainException(ErrorKind.CONFLICT, "geo.boundary-stale-version", grid.code().value(), previous,
					previous + 1);
		}
		store.closeBoundary(grid.code(), now);
		store.insertBoundary(Ids.newId(clock), grid.code(), grid.version(), grid.boundary(), now);
		events.publishEvent(new GridBoundaryChanged(grid.code(), grid.version()));
	}

	private Candidate check(int index, JsonNode feature, Actor actor, Set<String> seen, List<ImportError> errors,
			Locale locale) {
		JsonNode properties = feature.path("properties");
		String code = properties.path("code").asString("");
		String label = code.isBlank() ? "—" : code;
		if (!"Feature".equals(feature.path("type").asString("")) || !properties.isObject()) {
			errors.add(error(index, "geo.feature-malformed", label, "", locale));
			return null;
		}
		if (!RegionCode.isValid(code) || RegionCode.of(code).level() != RegionLevel.GRID) {
			errors.add(error(index, "geo.feature-code-invalid", label, code, locale));
			return null;
		}
		RegionCode gridCode = RegionCode.of(code);
		if (!actor.canSee(gridCode)) {
			errors.add(error(index, "geo.feature-out-of-scope", label, "", locale));
			return null;
		}
		if (!seen.add(code)) {
			errors.add(error(index, "geo.feature-duplicate", label, "", locale));
			return null;
		}
		String name = properties.path("name").asString("").strip();
		if (name.isEmpty() || name.length() > 100) {
			errors.add(error(index, "geo.feature-name-invalid", label, "", locale));
			return null;
		}
		GridType type = gridType(properties.path("type").asString(""));
		if (type == null) {
			errors.add(error(index, "geo.feature-type-invalid", label, properties.path("type").asString(""), locale));
			return null;
		}
		String parent = properties.path("parent").asString("");
		Optional<Region> parentRegion = RegionCode.isValid(parent) ? regions.find(RegionCode.of(parent)) : Optional.empty();
		if (parentRegion.isEmpty() || parentRegion.get().level() != RegionLevel.COMMUNITY || !actor.canSee(RegionCode.of(parent))
				&& !actor.scope().equals(gridCode)) {
			errors.add(error(index, "geo.parent-unknown", label, parent, locale));
			return null;
		}
		if (!RegionCode.of(parent).contains(gridCode)) {
			errors.add(error(index, "geo.parent-mismatch", label, parent, locale));
			return null;
		}
		GeoJson.Parsed parsed = GeoJson.read(feature.get("geometry"));
		if (!parsed.ok()) {
			errors.add(error(index, parsed.defect().code(), label, parsed.defect().detail(), locale));
			return null;
		}
		return new Candidate(index, gridCode, name, type, RegionCode.of(parent), parsed.geometry());
	}

	private void checkOverlaps(List<Candidate> candidates, List<ImportError> errors, Locale locale) {
		Set<String> replaced = new HashSet<>();
		Map<String, Geometry> incoming = new HashMap<>();
		for (Candidate candidate : candidates) {
			replaced.add(candidate.code().value());
		}
		for (Candidate candidate : candidates) {
			Optional<String> other = overlap(candidate.boundary(), replaced, incoming);
			if (other.isPresent()) {
				errors.add(error(candidate.index(), "geo.polygon-overlaps", candidate.code().value(), other.get(), locale));
			}
			incoming.put(candidate.code().value(), candidate.boundary());
		}
	}

	/**
	 * The code of a grid the boundary overlaps by more than the tolerance: a current grid not
	 * replaced by this change, or one of the other incoming boundaries.
	 */
	private Optional<String> overlap(Geometry boundary, Set<String> replaced, Map<String, Geometry> incoming) {
		Map<String, Geometry> others = new HashMap<>(incoming);
		locator.geometriesIn(boundary.getEnvelopeInternal()).forEach((code, geometry) -> {
			if (!replaced.contains(code)) {
				others.put(code, geometry);
			}
		});
		return others.entrySet()
			.stream()
			.filter(e -> e.getValue().getEnvelopeInternal().intersects(boundary.getEnvelopeInternal()))
			.filter(e -> GeoShapes.areaSquareMetres(
					OverlayNGRobust.overlay(boundary, e.getValue(), OverlayNG.INTERSECTION)) > overlapToleranceSquareMetres)
			.map(Map.Entry::getKey)
			.sorted()
			.findFirst();
	}

	private ImportError error(int index, String code, String label, String detail, Locale locale) {
		return new ImportError(index, code, problems.message(code, new Object[] { index, label, detail }, locale));
	}

	private static GridType gridType(String value) {
		for (GridType type : GridType.values()) {
			if (type.name().equals(value)) {
				return type;
			}
		}
		return null;
	}

	private static String decode(byte[] content) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException e) {
			throw new DomainException(ErrorKind.INVALID, "geo.import-not-utf8");
		}
	}

	private static JsonNode parse(String text) {
		if (text.isBlank()) {
			throw new DomainException(ErrorKind.INVALID, "geo.import-malformed", "(empty)");
		}
		try {
			return LENIENT_NUMBERS.readTree(text);
		}
		catch (JacksonException e) {
			String where = e.getLocation() == null ? "?"
					: e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
			throw new DomainException(ErrorKind.INVALID, "geo.import-malformed", where);
		}
	}
}
