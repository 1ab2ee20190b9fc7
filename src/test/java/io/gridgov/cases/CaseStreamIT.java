package io.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;

import io.gridgov.geo.Grids;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live queue: a signed-in user's SSE stream receives the summary of every case that changes
 * inside their region scope, after the change committed, and nothing from outside it.
 */
class CaseStreamIT extends IntegrationTest {

	static final String GRID = "440704003001001";
	static final String OTHER_GRID = "440704003201001";

	@Autowired
	Grids grids;

	@Autowired
	JsonMapper json;

	/** An open stream: the {@code case} events' data, in order of arrival. */
	final class LiveQueue implements AutoCloseable {

		final BlockingQueue<JsonNode> cases = new LinkedBlockingQueue<>();
		final List<String> ids = new CopyOnWriteArrayList<>();
		final HttpResponse<java.util.stream.Stream<String>> response;
		final Thread reader;

		LiveQueue(ApiClient signedIn) throws Exception {
			HttpClient http = HttpClient.newHttpClient();
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/stream"))
				.header("Cookie", "GRIDGOV_SESSION=" + signedIn.cookie("GRIDGOV_SESSION").orElseThrow())
				.header("Accept", "text/event-stream")
				.GET()
				.build();
			response = http.send(request, HttpResponse.BodyHandlers.ofLines());
			reader = new Thread(() -> {
				String event = null;
				try (java.util.stream.Stream<String> lines = response.body()) {
					for (String line : (Iterable<String>) lines::iterator) {
						if (line.startsWith("event:")) {
							event = line.substring(6).strip();
						}
						else if (line.startsWith("data:") && "case".equals(event)) {
							JsonNode data = json.readTree(line.substring(5).strip());
							ids.add(data.path("id").asString());
							cases.add(data);
						}
						else if (line.isEmpty()) {
							event = null;
						}
					}
				}
				catch (RuntimeException closed) {
					// the test closed the stream
				}
			}, "sse-reader");
			reader.setDaemon(true);
			reader.start();
		}

		JsonNode awaitCase(String id) throws InterruptedException {
			long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (System.nanoTime() < end) {
				JsonNode next = cases.poll(200, TimeUnit.MILLISECONDS);
				if (next != null && next.path("id").asString().equals(id)) {
					return next;
				}
			}
			throw new AssertionError("no case event for " + id);
		}

		@Override
		public void close() {
			response.body().close();
			reader.interrupt();
		}
	}

	private String report(ApiClient client, String grid, String description) {
		Point p = grids.find(RegionCode.of(grid)).orElseThrow().interiorPoint();
		Map<String, Object> body = new HashMap<>();
		body.put("source", "PATROL");
		body.put("categoryCode", "EXPOSED_GARBAGE");
		body.put("description", description);
		body.put("longitude", p.getX());
		body.put("latitude", p.getY());
		return client.post("/api/cases", body).expectStatus(201).json().path("id").asString();
	}

	@Test
	void aCaseReportedThroughTheApiReachesTheStreamsOfUsersWhoseScopeHoldsItsGridOnly() throws Exception {
		ApiClient command = signedIn("command");
		ApiClient gridWorker = signedIn("gridworker");
		try (LiveQueue commandStream = new LiveQueue(command); LiveQueue workerStream = new LiveQueue(gridWorker)) {
			assertThat(commandStream.response.statusCode()).isEqualTo(200);
			assertThat(commandStream.response.headers().firstValue("Content-Type").orElse(""))
				.startsWith("text/event-stream");

			String elsewhere = report(command, OTHER_GRID, "别的社区：路面坑洼");
			JsonNode seen = commandStream.awaitCase(elsewhere);
			assertThat(seen.path("gridCode").asString()).isEqualTo(OTHER_GRID);
			assertThat(seen.path("status").asString()).isEqualTo("REPORTED");
			assertThat(seen.path("categoryCode").asString()).isEqualTo("EXPOSED_GARBAGE");

			// the grid worker's own grid: pushed after the other one, on the same sender thread
			String inGrid = report(command, GRID, "本网格：垃圾堆放");
			assertThat(workerStream.awaitCase(inGrid).path("gridCode").asString()).isEqualTo(GRID);
			assertThat(commandStream.awaitCase(inGrid).path("id").asString()).isEqualTo(inGrid);
			assertThat(workerStream.ids).contains(inGrid).doesNotContain(elsewhere);
		}
	}

	@Test
	void theStreamNeedsASignedInUser() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/stream"))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
	}
}
