package io.gridgov.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP client that behaves like the web UI: keeps cookies (the session and the XSRF-TOKEN),
 * echoes the CSRF token in {@code X-XSRF-TOKEN} on every write, and reads JSON.
 */
public class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;
	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient http;
	private String language = "zh-CN";
	private boolean sendCsrf = true;

	public ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
	}

	public ApiClient language(String tag) {
		this.language = tag;
		return this;
	}

	public ApiClient withoutCsrfToken() {
		this.sendCsrf = false;
		return this;
	}

	public Response login(String username, String password) {
		return post("/api/auth/login", Map.of("username", username, "password", password));
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), null);
	}

	public Response post(String path, Object body) {
		return sendJson("POST", path, body);
	}

	public Response put(String path, Object body) {
		return sendJson("PUT", path, body);
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE(), "DELETE");
	}

	/** Posts a raw body as JSON, for malformed-input tests. */
	public Response postRaw(String path, String rawJson) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(rawJson)), "POST");
	}

	public Response sendJson(String method, String path, Object body) {
		String json = body instanceof String s ? s : JSON.writeValueAsString(body);
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json)), method);
	}

	/** Posts JSON (a raw string is sent as it is) with extra request headers, e.g. {@code Idempotency-Key}. */
	public Response post(String path, Object body, Map<String, String> headers) {
		String json = body instanceof String s ? s : JSON.writeValueAsString(body);
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		headers.forEach(builder::header);
		return send(builder, "POST");
	}

	/** Posts one file as the multipart field {@code field}. */
	public Response postFile(String path, String field, String filename, byte[] content) {
		String boundary = "gridgov-" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail))), "POST");
	}

	public Optional<String> cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
	}

	/** Replaces the session cookie, e.g. with one issued by another instance or a made-up one. */
	public void setSessionCookie(String value) {
		cookies.getCookieStore().getCookies().stream()
			.filter(c -> c.getName().equals("GRIDGOV_SESSION"))
			.toList()
			.forEach(c -> cookies.getCookieStore().remove(null, c));
		HttpCookie cookie = new HttpCookie("GRIDGOV_SESSION", value);
		cookie.setPath("/");
		cookie.setVersion(0);
		cookies.getCookieStore().add(URI.create(baseUrl), cookie);
	}

	private Response send(HttpRequest.Builder builder, String writeMethod) {
		builder.header("Accept-Language", language);
		if (writeMethod != null && sendCsrf) {
			if (cookie("XSRF-TOKEN").isEmpty()) {
				get("/api/auth/csrf");
			}
			cookie("XSRF-TOKEN").ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
		}
		try {
			HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""), response);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String path) {
		return URI.create(baseUrl + path);
	}

	public record Response(int status, String body, String contentType, HttpResponse<String> raw) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public Response expectStatus(int expected) {
			assertThat(status).as("HTTP status of a response with body %s", body).isEqualTo(expected);
			return this;
		}

		/** Asserts an RFC 9457 problem detail with the given stable code, and no stack trace. */
		public JsonNode expectProblem(int expectedStatus, String expectedCode) {
			expectStatus(expectedStatus);
			assertThat(contentType).startsWith("application/problem+json");
			JsonNode problem = json();
			assertThat(problem.path("code").asString()).isEqualTo(expectedCode);
			assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
			assertThat(problem.path("messages").path("zh-CN").asString()).isNotBlank();
			assertThat(problem.path("messages").path("en").asString()).isNotBlank();
			assertThat(problem.path("messages").path("en").asString()).isNotEqualTo(expectedCode);
			assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
			return problem;
		}
	}
}
