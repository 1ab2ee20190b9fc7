package io.gridgov.platform.problem;

/** The kind of a refusal; each maps to one HTTP status. */
public enum ErrorKind {
	INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), UNPROCESSABLE(422),
	TOO_LARGE(413), LOCKED(423), TOO_MANY_REQUESTS(429);

	private final int status;

	ErrorKind(int status) {
		this.status = status;
	}

	public int status() {
		return status;
	}
}
