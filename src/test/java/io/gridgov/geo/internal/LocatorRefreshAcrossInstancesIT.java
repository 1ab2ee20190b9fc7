package io.gridgov.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.context.ConfigurableApplicationContext;

import io.gridgov.support.ApiClient;
import io.gridgov.support.Instances;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A boundary edited through one instance reaches the in-memory locator of another instance
 * (ADR 0009: the other instance notices the boundary revision and rebuilds its index).
 */
class LocatorRefreshAcrossInstancesIT extends IntegrationTest {

	private static final String GRID = "440704003004001";

	@Test
	void boundaryEditedOnOneInstanceIsLocatedWithTheNewVersionOnAnother() throws InterruptedException {
		ApiClient admin = signedIn("admin");
		JsonNode feature = admin.get("/api/geo/grids/" + GRID).expectStatus(200).json();
		int version = feature.path("properties").path("version").asInt();
		Geometry original = GeoJson.read(feature.path("geometry")).geometry();
		Geometry shrunk = original.buffer(-0.00005);
		Point inside = shrunk.getInteriorPoint();
		String locate = "/api/geo/locate?lon=" + inside.getX() + "&lat=" + inside.getY();

		try (ConfigurableApplicationContext second = Instances.start("main", "demo",
				Map.of("gridgov.geo.locator-poll-interval", "200ms"))) {
			ApiClient onSecond = new ApiClient(Instances.baseUrl(second));
			onSecond.setSessionCookie(admin.cookie("GRIDGOV_SESSION").orElseThrow());
			assertThat(onSecond.get(locate).expectStatus(200).json().path("boundaryVersion").asInt()).isEqualTo(version);

			admin.put("/api/geo/grids/" + GRID + "/boundary", Map.of("geometry", GeoJson.write(shrunk), "version", version))
				.expectStatus(200);

			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			int seen = version;
			while (seen != version + 1 && System.nanoTime() < deadline) {
				Thread.sleep(100);
				seen = onSecond.get(locate).expectStatus(200).json().path("boundaryVersion").asInt();
			}
			assertThat(seen).as("the second instance locates with the new boundary version").isEqualTo(version + 1);
		}
		finally {
			admin.put("/api/geo/grids/" + GRID + "/boundary", Map.of("geometry", GeoJson.write(original), "version", version + 1));
		}
	}
}
