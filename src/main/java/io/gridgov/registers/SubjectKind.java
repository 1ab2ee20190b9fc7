package io.gridgov.registers;

/** What a register entry is: a resident, a household or an enterprise. */
public enum SubjectKind {
	RESIDENT, HOUSEHOLD, ENTERPRISE
}
