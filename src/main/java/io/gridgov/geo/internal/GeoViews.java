package io.gridgov.geo.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gridgov.geo.GridType;
import tools.jackson.databind.JsonNode;

/** The JSON shapes of the geo API (GeoJSON features and the small answers around them). */
final class GeoViews {

	private GeoViews() {
	}

	record MapConfig(String tilesUrl, String tilesCrs, String attribution, double[] center, int zoom) {
	}

	record Feature(String type, String id, Map<String, Object> geometry, Map<String, Object> properties) {

		static Feature of(String id, Map<String, Object> geometry, Map<String, Object> properties) {
			return new Feature("Feature", id, geometry, properties);
		}
	}

	record FeatureCollection(String type, List<Feature> features) {

		static FeatureCollection of(List<Feature> features) {
			return new FeatureCollection("FeatureCollection", features);
		}
	}

	record Version(int version, Instant validFrom, Instant validTo, double areaM2) {
	}

	record BoundaryEdit(JsonNode geometry, Integer version) {
	}

	record Located(String gridCode, String gridName, String communityCode, String communityName, Integer boundaryVersion) {

		static Located none() {
			return new Located(null, null, null, null, null);
		}
	}

	record SearchHit(String code, String name, String parentName) {
	}

	static Feature grid(GridStore.GridRow row) {
		return Feature.of(row.code().value(), GeoJson.write(row.boundary()), gridProperties(row));
	}

	static Map<String, Object> gridProperties(GridStore.GridRow row) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("code", row.code().value());
		properties.put("name", row.name());
		properties.put("type", row.type());
		properties.put("parent", row.parent() == null ? null : row.parent().value());
		properties.put("parentName", row.parentName());
		properties.put("areaM2", Math.round(row.areaSquareMetres() * 10) / 10.0);
		properties.put("version", row.version());
		return properties;
	}

	static Feature exported(GridStore.GridRow row) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("code", row.code().value());
		properties.put("name", row.name());
		properties.put("type", row.type());
		properties.put("parent", row.parent() == null ? null : row.parent().value());
		return Feature.of(row.code().value(), GeoJson.write(row.boundary()), properties);
	}

	static Map<String, Object> poiProperties(GridStore.PoiRow poi) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("id", poi.id());
		properties.put("kind", poi.kind());
		properties.put("name", poi.name());
		properties.put("gridCode", poi.gridCode());
		return properties;
	}

	static boolean isGridType(String value) {
		for (GridType type : GridType.values()) {
			if (type.name().equals(value)) {
				return true;
			}
		}
		return false;
	}
}
