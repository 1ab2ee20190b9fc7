package io.gridgov.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeoApiIT extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String WORKER_GRID = "440704003001001";
	private static final String OTHER_GRID = "440704003002001";

	@Test
	void commandCentreSeesAllSeventySevenGridsAsGeoJson() {
		JsonNode collection = signedIn("command").get("/api/geo/grids").expectStatus(200).json();
		assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
		assertThat(collection.path("features")).hasSize(77);
		JsonNode first = collection.path("features").get(0);
		assertThat(first.path("geometry").path("type").asString()).isIn("Polygon", "MultiPolygon");
		assertThat(first.path("properties").path("areaM2").asDouble()).isPositive();
		assertThat(first.path("properties").path("parentName").asString()).isNotBlank();
	}

	@Test
	void gridWorkerSeesOnlyTheirGridAndAnotherGridAnswers404() {
		ApiClient worker = signedIn("gridworker");
		JsonNode collection = worker.get("/api/geo/grids").expectStatus(200).json();
		assertThat(collection.path("features")).hasSize(1);
		assertThat(collection.path("features").get(0).path("id").asString()).isEqualTo(WORKER_GRID);
		worker.get("/api/geo/grids/" + OTHER_GRID).expectProblem(404, "record.not-found");
		worker.get("/api/geo/grids/" + OTHER_GRID + "/versions").expectProblem(404, "record.not-found");
		assertThat(worker.get("/api/geo/map-config").expectStatus(200).json().path("zoom").asInt()).isEqualTo(16);
	}

	@Test
	void gridDetailCountsItsPointsOfInterest() {
		ApiClient command = signedIn("command");
		JsonNode pois = command.get("/api/geo/pois?kind=MARKET").expectStatus(200).json().path("features");
		assertThat(pois).hasSize(7);
		String grid = pois.get(0).path("properties").path("gridCode").asString();
		JsonNode detail = command.get("/api/geo/grids/" + grid).expectStatus(200).json();
		assertThat(detail.path("properties").path("poiCounts").path("MARKET").asInt()).isPositive();
		assertThat(detail.path("properties").path("validFrom").asString()).isNotBlank();
	}

	@Test
	void locateAnswersTheGridOfAPointAndNullOutsideOrOutOfScope() {
		ApiClient command = signedIn("command");
		JsonNode poi = command.get("/api/geo/pois?kind=SCHOOL").expectStatus(200).json().path("features").get(0);
		double lon = poi.path("geometry").path("coordinates").get(0).asDouble();
		double lat = poi.path("geometry").path("coordinates").get(1).asDouble();
		JsonNode located = command.get("/api/geo/locate?lon=" + lon + "&lat=" + lat).expectStatus(200).json();
		assertThat(located.path("gridCode").asString()).isEqualTo(poi.path("properties").path("gridCode").asString());
		assertThat(located.path("communityName").asString()).isNotBlank();
		assertThat(command.get("/api/geo/locate?lon=100&lat=30").expectStatus(200).json().path("gridCode").isNull()).isTrue();
		if (!located.path("gridCode").asString().equals(WORKER_GRID)) {
			assertThat(signedIn("gridworker").get("/api/geo/locate?lon=" + lon + "&lat=" + lat)
				.expectStatus(200).json().path("gridCode").isNull()).isTrue();
		}
		command.get("/api/geo/locate?lon=200&lat=30").expectProblem(400, "geo.locate-out-of-range");
	}

	@Test
	void searchFindsGridsByNameOrCode() {
		JsonNode hits = signedIn("command").get("/api/geo/search?q=" + java.net.URLEncoder.encode("城隍社区第1", StandardCharsets.UTF_8))
			.expectStatus(200)
			.json();
		assertThat(hits).isNotEmpty();
		assertThat(hits.get(0).path("code").asString()).isEqualTo(WORKER_GRID);
	}

	@Test
	void communityOutlineIsTheUnionOfItsGrids() {
		JsonNode outline = signedIn("command").get("/api/geo/regions/440704003001/boundary").expectStatus(200).json();
		assertThat(outline.path("geometry").path("type").asString()).isEqualTo("Polygon");
		assertThat(outline.path("properties").path("gridCount").asInt()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void boundaryEditKeepsTheOldVersionAndTheLocatorAnswersWithTheNewOneAtOnce() {
		ApiClient admin = signedIn("admin");
		String grid = "440704003003001";
		JsonNode feature = admin.get("/api/geo/grids/" + grid).expectStatus(200).json();
		int version = feature.path("properties").path("version").asInt();
		Geometry original = geometry(feature.path("geometry"));
		Geometry shrunk = original.buffer(-0.00005);
		Point inside = shrunk.getInteriorPoint();

		JsonNode edited = admin.put("/api/geo/grids/" + grid + "/boundary",
				Map.of("geometry", GeoJson.write(shrunk), "version", version)).expectStatus(200).json();
		assertThat(edited.path("properties").path("version").asInt()).isEqualTo(version + 1);
		JsonNode located = admin.get("/api/geo/locate?lon=" + inside.getX() + "&lat=" + inside.getY()).expectStatus(200).json();
		assertThat(located.path("gridCode").asString()).isEqualTo(grid);
		assertThat(located.path("boundaryVersion").asInt()).isEqualTo(version + 1);

		JsonNode versions = admin.get("/api/geo/grids/" + grid + "/versions").expectStatus(200).json();
		assertThat(versions.get(versions.size() - 2).path("validTo").isNull()).isFalse();
		assertThat(versions.get(versions.size() - 1).path("validTo").isNull()).isTrue();

		admin.put("/api/geo/grids/" + grid + "/boundary", Map.of("geometry", GeoJson.write(shrunk), "version", version))
			.expectProblem(409, "geo.boundary-stale-version");
		JsonNode overlapping = admin.put("/api/geo/grids/" + grid + "/boundary",
				Map.of("geometry", GeoJson.write(original.buffer(0.0005)), "version", version + 1))
			.expectProblem(400, "geo.boundary-invalid");
		assertThat(overlapping.path("errors").get(0).path("code").asString()).isEqualTo("geo.polygon-overlaps");
		admin.put("/api/geo/grids/" + grid + "/boundary", Map.of("geometry", GeoJson.write(original), "version", version + 1))
			.expectStatus(200);
	}

	@Test
	void onlyAnAdministratorEditsBoundaries() {
		signedIn("command").put("/api/geo/grids/" + OTHER_GRID + "/boundary", Map.of("geometry", Map.of(), "version", 1))
			.expectProblem(403, "security.forbidden");
	}

	@Test
	void exportThenImportRoundTripsWithoutChanges() {
		ApiClient admin = signedIn("admin");
		ApiClient.Response export = admin.get("/api/geo/grids/export").expectStatus(200);
		assertThat(export.contentType()).startsWith("application/geo+json");
		assertThat(export.raw().headers().firstValue("Content-Disposition").orElse("")).contains("grids.geojson");
		JsonNode result = admin.postFile("/api/geo/grids/import", "file", "grids.geojson",
				export.body().getBytes(StandardCharsets.UTF_8)).expectStatus(200).json();
		assertThat(result.path("created").asInt()).isZero();
		assertThat(result.path("updated").asInt()).isZero();
		assertThat(result.path("dryRun").asBoolean()).isFalse();
	}

	@Test
	void dryRunCountsANewGridWithoutStoringIt() {
		ApiClient admin = signedIn("admin");
		String file = collection(feature("440704003001951", "440704003001", "Polygon", farSquare(0)));
		JsonNode result = admin.postFile("/api/geo/grids/import?dryRun=true", "file", "new.geojson",
				file.getBytes(StandardCharsets.UTF_8)).expectStatus(200).json();
		assertThat(result.path("created").asInt()).isEqualTo(1);
		assertThat(result.path("dryRun").asBoolean()).isTrue();
		admin.get("/api/geo/grids/440704003001951").expectProblem(404, "record.not-found");
	}

	@Test
	void importNamesEveryBadFeatureAndStoresNothing() {
		ApiClient admin = signedIn("admin");
		JsonNode existing = admin.get("/api/geo/grids/" + OTHER_GRID).expectStatus(200).json();
		String community = "440704003001";
		List<String> features = new ArrayList<>();
		features.add(feature("440704003001901", community, "Polygon", "[[[113.5,23.0],[113.51,23.0],[113.51,23.01],[113.5,23.01]]]"));
		features.add(feature("440704003001902", community, "Polygon", "[[[113.5,23.0],[113.51,23.0],[113.5,23.0]]]"));
		features.add(feature("440704003001903", community, "Polygon", "[[[113.5,23.0],[NaN,23.0],[113.51,23.01],[113.5,23.0]]]"));
		features.add(feature("440704003001904", community, "Polygon",
				"[[[113.5,23.0],[113.51,23.01],[113.51,23.0],[113.5,23.01],[113.5,23.0]]]"));
		features.add(feature("440704003001905", community, "Polygon",
				"[[[23.0,113.5],[23.0,113.51],[23.01,113.51],[23.01,113.5],[23.0,113.5]]]"));
		features.add(feature("440704003001906", community, "Polygon",
				"[[[200.0,23.0],[200.1,23.0],[200.1,23.01],[200.0,23.01],[200.0,23.0]]]"));
		features.add(feature("440704003999901", "440704003999", "Polygon", farSquare(1)));
		features.add(feature("440704003001907", community, existing.path("geometry").path("type").asString(),
				existing.path("geometry").path("coordinates").toString()));
		features.add(feature("440704003001908", community, "Polygon", farSquare(2)));
		JsonNode problem = admin.postFile("/api/geo/grids/import", "file", "bad.geojson",
				collection(features.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8))
			.expectProblem(400, "geo.import-invalid");
		List<String> codes = new ArrayList<>();
		problem.path("errors").forEach(e -> codes.add(e.path("feature").asInt() + " " + e.path("code").asString()));
		assertThat(codes).containsExactly("0 geo.ring-not-closed", "1 geo.ring-too-short", "2 geo.coordinate-not-finite",
				"3 geo.polygon-self-intersecting", "4 geo.coordinate-order-swapped", "5 geo.coordinate-out-of-range",
				"6 geo.parent-unknown", "7 geo.polygon-overlaps");
		assertThat(problem.path("errors").get(7).path("message").asString()).contains(OTHER_GRID);
		admin.get("/api/geo/grids/440704003001908").expectProblem(404, "record.not-found");
	}

	@Test
	void malformedNonUtf8AndOversizedUploadsAreRefusedByName() {
		ApiClient admin = signedIn("admin");
		admin.postFile("/api/geo/grids/import", "file", "bad.geojson", "{ \"type\": \"FeatureCollection\", ".getBytes(StandardCharsets.UTF_8))
			.expectProblem(400, "geo.import-malformed");
		admin.postFile("/api/geo/grids/import", "file", "bad.geojson", "[1, 2]".getBytes(StandardCharsets.UTF_8))
			.expectProblem(400, "geo.import-malformed");
		byte[] latin1 = collection(feature("440704003001909", "440704003001", "Polygon", farSquare(3)))
			.replace("新网格", "Grille é")
			.getBytes(StandardCharsets.ISO_8859_1);
		admin.postFile("/api/geo/grids/import", "file", "latin1.geojson", latin1).expectProblem(400, "geo.import-not-utf8");
		byte[] huge = new byte[50 * 1024 * 1024 + 1];
		Arrays.fill(huge, (byte) ' ');
		admin.postFile("/api/geo/grids/import", "file", "huge.geojson", huge).expectProblem(413, "request.too-large");
	}

	@Test
	void badBboxIsRefusedByName() {
		signedIn("command").get("/api/geo/grids?bbox=1,2,x,4").expectProblem(400, "geo.bbox-invalid");
		JsonNode some = signedIn("command").get("/api/geo/grids?bbox=113.12,22.54,113.14,22.56").expectStatus(200).json();
		assertThat(some.path("features").size()).isBetween(1, 76);
	}

	private static String farSquare(int n) {
		double x = 113.6 + n * 0.02;
		return "[[[" + x + ",23.2],[" + (x + 0.01) + ",23.2],[" + (x + 0.01) + ",23.21],[" + x + ",23.21],[" + x + ",23.2]]]";
	}

	private static String feature(String code, String parent, String type, String coordinates) {
		return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"新网格" + code.substring(12)
				+ "\",\"type\":\"RESIDENTIAL\",\"parent\":\"" + parent + "\"},\"geometry\":{\"type\":\"" + type
				+ "\",\"coordinates\":" + coordinates + "}}";
	}

	private static String collection(String... features) {
		return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
	}

	private static Geometry geometry(JsonNode node) {
		GeoJson.Parsed parsed = GeoJson.read(JSON.readTree(node.toString()));
		assertThat(parsed.ok()).isTrue();
		return parsed.geometry();
	}

	static Coordinate at(double x, double y) {
		return new Coordinate(x, y);
	}
}
