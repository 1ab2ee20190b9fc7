package io.gridgov.platform.idempotency;

import io.gridgov.platform.scope.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One POST that may carry an {@code Idempotency-Key}.
 *
 * @param scope whose key it is: the signed-in user's id, or {@code public:…} for anonymous requests
 * @param endpoint a stable name of the operation (e.g. {@code cases.report}); keys are unique per
 *     scope and endpoint
 * @param key the raw header value, or null when the client sent none
 * @param method the HTTP method, part of the fingerprint
 * @param path the request path, part of the fingerprint
 * @param body the parsed request body (a command record, a map, a JSON tree), part of the fingerprint
 */
public record IdempotencyRequest(String scope, String endpoint, String key, String method, String path, Object body) {

	/** The scope of requests made without an account: keys are then scoped by the key and the endpoint alone. */
	public static final String ANONYMOUS_SCOPE = "public:anonymous";

	public IdempotencyRequest {
		if (scope == null || scope.isBlank() || scope.length() > 100) {
			throw new IllegalArgumentException("An idempotency scope is 1 to 100 characters");
		}
		if (endpoint == null || endpoint.isBlank() || endpoint.length() > 200) {
			throw new IllegalArgumentException("An idempotency endpoint name is 1 to 200 characters");
		}
		if (method == null || path == null) {
			throw new IllegalArgumentException("The method and the path are part of the fingerprint");
		}
	}

	/**
	 * The request as it came: the key from the {@code Idempotency-Key} header, the signed-in user as
	 * the scope (anonymous requests share {@link #ANONYMOUS_SCOPE}), the method and path.
	 */
	public static IdempotencyRequest of(HttpServletRequest request, String endpoint, Object body) {
		String scope = CurrentActor.find().map(actor -> actor.userId().toString()).orElse(ANONYMOUS_SCOPE);
		return new IdempotencyRequest(scope, endpoint, request.getHeader(Idempotency.HEADER), request.getMethod(),
				request.getRequestURI(), body);
	}
}
