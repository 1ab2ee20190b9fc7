package io.gridgov.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business rule refused something. Carries a stable {@code code} (the key of its message in
 * {@code messages/problems*.properties}) and the arguments of the message; mapped once to an
 * RFC 9457 problem detail.
 */
public class DomainException extends RuntimeException {

	private final ErrorKind kind;
	private final String code;
	private final Object[] args;
	private final Map<String, Object> properties = new LinkedHashMap<>();

	public DomainException(ErrorKind kind, String code, Object... args) {
		super(code);
		this.kind = kind;
		this.code = code;
		this.args = args.clone();
	}

	/** Adds a property to the problem detail (e.g. {@code lockedUntil}). */
	public DomainException with(String name, Object value) {
		properties.put(name, value);
		return this;
	}

	public ErrorKind kind() {
		return kind;
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args.clone();
	}

	public Map<String, Object> properties() {
		return Map.copyOf(properties);
	}
}
