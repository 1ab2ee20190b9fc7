package io.gridgov.platform.problem;

/** One refused field of a request body, as listed in a problem detail's {@code errors}. */
public record FieldError(String field, String code, String message) {
}
