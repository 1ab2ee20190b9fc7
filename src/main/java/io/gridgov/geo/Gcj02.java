package io.gridgov.geo;

/**
 * Conversion between WGS-84 (GPS, the coordinates GridGov stores and its API speaks) and GCJ-02
 * (the obfuscated system of Chinese web maps: Amap/Gaode, Tencent, Tianditu's GCJ-02 layers).
 * <p>
 * WGS-84 → GCJ-02 is the published closed-form offset (Krasovsky ellipsoid constants, as in the
 * leaked reference implementation); its inverse has no closed form and is solved iteratively
 * (fixed point on the offset) until the forward transform of the result lands within 1e-9°
 * (≈ 0.1 mm) of the input, so a round trip is far below 1 m. Outside China's rectangle
 * (72.004–137.8347 E, 0.8293–55.8271 N) GCJ-02 equals WGS-84 and both directions are the identity.
 * Arrays are {@code [longitude, latitude]}, in GeoJSON order.
 */
public final class Gcj02 {

	private static final double A = 6378245.0;
	private static final double EE = 0.00669342162296594323;
	private static final double TOLERANCE_DEGREES = 1e-9;
	private static final int MAX_ITERATIONS = 30;

	private Gcj02() {
	}

	/** True when the point lies outside the rectangle where GCJ-02 differs from WGS-84. */
	public static boolean outsideChina(double longitude, double latitude) {
		return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
	}

	/** A WGS-84 point as GCJ-02 {@code [longitude, latitude]}. */
	public static double[] fromWgs84(double longitude, double latitude) {
		if (outsideChina(longitude, latitude)) {
			return new double[] { longitude, latitude };
		}
		double[] offset = offset(longitude, latitude);
		return new double[] { longitude + offset[0], latitude + offset[1] };
	}

	/** A GCJ-02 point as WGS-84 {@code [longitude, latitude]}, by iteration. */
	public static double[] toWgs84(double longitude, double latitude) {
		if (outsideChina(longitude, latitude)) {
			return new double[] { longitude, latitude };
		}
		double lon = longitude;
		double lat = latitude;
		for (int i = 0; i < MAX_ITERATIONS; i++) {
			double[] forward = fromWgs84(lon, lat);
			double dLon = forward[0] - longitude;
			double dLat = forward[1] - latitude;
			if (Math.abs(dLon) < TOLERANCE_DEGREES && Math.abs(dLat) < TOLERANCE_DEGREES) {
				break;
			}
			lon -= dLon;
			lat -= dLat;
		}
		return new double[] { lon, lat };
	}

	private static double[] offset(double longitude, double latitude) {
		double x = longitude - 105.0;
		double y = latitude - 35.0;
		double dLat = transformLatitude(x, y);
		double dLon = transformLongitude(x, y);
		double radLat = Math.toRadians(latitude);
		double magic = Math.sin(radLat);
		magic = 1 - EE * magic * magic;
		double sqrtMagic = Math.sqrt(magic);
		dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
		dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
		return new double[] { dLon, dLat };
	}

	private static double transformLatitude(double x, double y) {
		double result = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
		result += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		result += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
		result += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
		return result;
	}

	private static double transformLongitude(double x, double y) {
		double result = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
		result += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		result += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
		result += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
		return result;
	}
}
