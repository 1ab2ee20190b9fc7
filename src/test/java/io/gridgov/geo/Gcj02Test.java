package io.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class Gcj02Test {

	private static final double METRES_PER_DEGREE = 111_320;

	@Test
	void wgs84ToGcj02MatchesPublishedReferencePairs() {
		assertPair(Gcj02.fromWgs84(116.404, 39.915), 116.41024449916938, 39.91640428150164);
		assertPair(Gcj02.fromWgs84(121.5272106, 31.1774276), 121.531541859215, 31.17530398364597);
		assertPair(Gcj02.fromWgs84(113.912316, 22.543847), 113.9171764808363, 22.540796131694766);
		assertPair(Gcj02.fromWgs84(116.377817, 39.911954), 116.38404722455657, 39.91334545536069);
	}

	@Test
	void gcj02ToWgs84InvertsTheReferencePairs() {
		assertPair(Gcj02.toWgs84(121.531541859215, 31.17530398364597), 121.5272106, 31.1774276);
		assertPair(Gcj02.toWgs84(113.9171764808363, 22.540796131694766), 113.912316, 22.543847);
	}

	@Test
	void theOffsetNearWaihaiIsSomeHundredsOfMetres() {
		double[] gcj = Gcj02.fromWgs84(113.13, 22.55);
		double metres = Math.hypot((gcj[0] - 113.13) * METRES_PER_DEGREE * Math.cos(Math.toRadians(22.55)),
				(gcj[1] - 22.55) * METRES_PER_DEGREE);
		assertThat(metres).isBetween(200.0, 800.0);
	}

	@Test
	void roundTripErrorInsideChinaIsBelowOneMetre() {
		Random random = new Random(42);
		double worst = 0;
		for (int i = 0; i < 20_000; i++) {
			double lon = 73 + random.nextDouble() * 62;
			double lat = 4 + random.nextDouble() * 50;
			double[] gcj = Gcj02.fromWgs84(lon, lat);
			double[] back = Gcj02.toWgs84(gcj[0], gcj[1]);
			double metres = Math.hypot((back[0] - lon) * METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)),
					(back[1] - lat) * METRES_PER_DEGREE);
			worst = Math.max(worst, metres);
		}
		assertThat(worst).isLessThan(0.01);
	}

	@Test
	void outsideChinaBothDirectionsAreTheIdentity() {
		assertThat(Gcj02.fromWgs84(2.3522, 48.8566)).containsExactly(2.3522, 48.8566);
		assertThat(Gcj02.toWgs84(-74.006, 40.7128)).containsExactly(-74.006, 40.7128);
		assertThat(Gcj02.outsideChina(139.69, 35.68)).isTrue();
		assertThat(Gcj02.outsideChina(113.13, 22.55)).isFalse();
	}

	private static void assertPair(double[] actual, double lon, double lat) {
		assertThat(actual[0]).isCloseTo(lon, within(2e-6));
		assertThat(actual[1]).isCloseTo(lat, within(2e-6));
	}
}
