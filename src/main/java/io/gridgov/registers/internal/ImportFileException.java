package io.gridgov.registers.internal;

/** A file that cannot be imported at all (unreadable, wrong template, merged cells …): nothing of it is written. */
class ImportFileException extends RuntimeException {

	private final String code;
	private final String arg;

	ImportFileException(String code, String arg) {
		super(code);
		this.code = code;
		this.arg = arg;
	}

	String code() {
		return code;
	}

	String arg() {
		return arg;
	}
}
