package io.gridgov.platform.idempotency;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fingerprint of a request: SHA-256 (hex) of its method, its path and the canonical JSON of its
 * parsed body. Canonical JSON sorts object members by name, drops members whose value is null
 * (absent and null bind alike), writes numbers by value ({@code 1}, {@code 1.0} and {@code 1e0}
 * are the same) and has no white space, so two requests that bind to the same command have the
 * same fingerprint whatever the client's formatting.
 */
public final class RequestFingerprint {

	private RequestFingerprint() {
	}

	public static String of(String method, String path, Object body, JsonMapper json) {
		String canonical = body == null ? "" : canonicalJson(body, json);
		return sha256Hex(method.toUpperCase(java.util.Locale.ROOT) + "\n" + path + "\n" + canonical);
	}

	/** The canonical JSON of a body: a parsed command, a map, or a {@link JsonNode}. */
	public static String canonicalJson(Object body, JsonMapper json) {
		JsonNode tree = body instanceof JsonNode node ? node : json.valueToTree(body);
		StringBuilder out = new StringBuilder();
		write(tree, out, json);
		return out.toString();
	}

	private static void write(JsonNode node, StringBuilder out, JsonMapper json) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			out.append("null");
		}
		else if (node.isObject()) {
			Map<String, JsonNode> sorted = new TreeMap<>();
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				if (!member.getValue().isNull() && !member.getValue().isMissingNode()) {
					sorted.put(member.getKey(), member.getValue());
				}
			}
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, JsonNode> member : sorted.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				quote(member.getKey(), out);
				out.append(':');
				write(member.getValue(), out, json);
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			boolean first = true;
			for (JsonNode element : node) {
				if (!first) {
					out.append(',');
				}
				first = false;
				write(element, out, json);
			}
			out.append(']');
		}
		else if (node.isNumber()) {
			out.append(number(node));
		}
		else if (node.isString()) {
			quote(node.stringValue(), out);
		}
		else {
			out.append(json.writeValueAsString(node));
		}
	}

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	/**
	 * Appends a JSON string literal as the mapper writes it by default (quote, backslash and control
	 * characters escaped, the short forms where JSON has them, nothing else): the same text as
	 * {@code json.writeValueAsString(text)} without a generator per string (ADR 0034), so fingerprints
	 * stored before stay valid.
	 */
	static void quote(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20) {
						out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	private static String number(JsonNode node) {
		if (node.isIntegralNumber()) {
			return node.bigIntegerValue().toString();
		}
		BigDecimal value = node.decimalValue();
		return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
	}

	static String sha256Hex(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
