package io.gridgov.registers.internal;

/** What happened to one valid row of an import: a new entry, an update of an existing one, or nothing to change. */
enum ImportOutcome {
	ACCEPTED, UPDATED, UNCHANGED
}
