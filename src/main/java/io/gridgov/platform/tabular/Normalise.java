package io.gridgov.platform.tabular;

/** Input clean-up shared by the validators: full-width forms (０-９, Ａ-Ｚ) to ASCII, spaces and dashes dropped. */
public final class Normalise {

	private Normalise() {
	}

	/** Full-width ASCII forms (U+FF01..U+FF5E) become their ASCII twins; the ideographic space a space. */
	public static String halfWidth(String input) {
		if (input == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(input.length());
		for (int i = 0; i < input.length(); i++) {
			char c = input.charAt(i);
			if (c >= '\uFF01' && c <= '\uFF5E') {
				out.append((char) (c - 0xFEE0));
			}
			else if (c == '\u3000') {
				out.append(' ');
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** Half-width, upper case, without spaces, dashes or invisible BOM characters. */
	public static String code(String input) {
		if (input == null) {
			return null;
		}
		return halfWidth(input).replaceAll("[\\s\\-\uFEFF\u200B]", "").toUpperCase(java.util.Locale.ROOT);
	}
}
