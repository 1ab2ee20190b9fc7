package io.gridgov.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonTest {

	private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

	private static String defect(String geometry) {
		GeoJson.Parsed parsed = GeoJson.read(JSON.readTree(geometry));
		return parsed.ok() ? "ok" : parsed.defect().code();
	}

	private static String polygon(String ring) {
		return "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}";
	}

	@Test
	void aValidPolygonNearWaihaiIsAccepted() {
		assertThat(defect(polygon("[[113.1,22.5],[113.11,22.5],[113.11,22.51],[113.1,22.51],[113.1,22.5]]"))).isEqualTo("ok");
	}

	@Test
	void aMultiPolygonWithAHoleIsAccepted() {
		assertThat(defect("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[113.1,22.5],[113.2,22.5],[113.2,22.6],[113.1,22.6],[113.1,22.5]],"
				+ "[[113.12,22.52],[113.14,22.52],[113.14,22.54],[113.12,22.52]]]]}")).isEqualTo("ok");
	}

	@Test
	void ringWithFewerThanFourPositionsIsTooShort() {
		assertThat(defect(polygon("[[113.1,22.5],[113.11,22.5],[113.1,22.5]]"))).isEqualTo("geo.ring-too-short");
	}

	@Test
	void ringWhoseLastPositionDiffersFromTheFirstIsNotClosed() {
		assertThat(defect(polygon("[[113.1,22.5],[113.11,22.5],[113.11,22.51],[113.1,22.51]]"))).isEqualTo("geo.ring-not-closed");
	}

	@Test
	void nanOrInfiniteCoordinateIsNotFinite() {
		assertThat(defect(polygon("[[113.1,22.5],[NaN,22.5],[113.11,22.51],[113.1,22.5]]"))).isEqualTo("geo.coordinate-not-finite");
		assertThat(defect(polygon("[[113.1,22.5],[Infinity,22.5],[113.11,22.51],[113.1,22.5]]"))).isEqualTo("geo.coordinate-not-finite");
	}

	@Test
	void coordinateBeyondTheEarthIsOutOfRange() {
		assertThat(defect(polygon("[[200,22.5],[201,22.5],[201,22.51],[200,22.5]]"))).isEqualTo("geo.coordinate-out-of-range");
	}

	@Test
	void latitudeLongitudeOrderIsDetectedAsSwapped() {
		assertThat(defect(polygon("[[22.5,113.1],[22.5,113.11],[22.51,113.11],[22.51,113.1],[22.5,113.1]]")))
			.isEqualTo("geo.coordinate-order-swapped");
		assertThat(defect(polygon("[[39.9,116.3],[39.9,116.4],[40.0,116.4],[39.9,116.3]]"))).isEqualTo("geo.coordinate-order-swapped");
	}

	@Test
	void bowTieIsSelfIntersecting() {
		assertThat(defect(polygon("[[113.1,22.5],[113.11,22.51],[113.11,22.5],[113.1,22.51],[113.1,22.5]]")))
			.isEqualTo("geo.polygon-self-intersecting");
	}

	@Test
	void positionThatIsNotANumberPairIsInvalid() {
		assertThat(defect(polygon("[[113.1,22.5],[\"a\",22.5],[113.11,22.51],[113.1,22.5]]"))).isEqualTo("geo.coordinate-invalid");
		assertThat(defect(polygon("[[113.1],[113.11,22.5],[113.11,22.51],[113.1,22.5]]"))).isEqualTo("geo.coordinate-invalid");
	}

	@Test
	void pointOrMissingGeometryIsRefusedByType() {
		assertThat(defect("{\"type\":\"Point\",\"coordinates\":[113.1,22.5]}")).isEqualTo("geo.geometry-type");
		assertThat(defect("null")).isEqualTo("geo.geometry-missing");
	}

	@Test
	void writtenGeoJsonReadsBackToTheSameGeometry() {
		var square = GeoShapes.rectangle(113.1, 22.5, 113.11, 22.51);
		String written = JSON.writeValueAsString(GeoJson.write(square));
		assertThat(GeoJson.read(JSON.readTree(written)).geometry().equalsExact(square)).isTrue();
	}
}
