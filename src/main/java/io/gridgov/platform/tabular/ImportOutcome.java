package io.gridgov.platform.tabular;

/** What happened to one valid row of an import: a new entry, an update of an existing one, or nothing to change. */
public enum ImportOutcome {
	ACCEPTED, UPDATED, UNCHANGED
}
