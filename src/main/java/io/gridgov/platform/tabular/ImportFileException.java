package io.gridgov.platform.tabular;

/** A file that cannot be imported at all (unreadable, wrong template, merged cells …): nothing of it is written. */
public class ImportFileException extends RuntimeException {

	private final String code;
	private final String arg;

	public ImportFileException(String code, String arg) {
		super(code);
		this.code = code;
		this.arg = arg;
	}

	public String code() {
		return code;
	}

	public String arg() {
		return arg;
	}
}
