package io.gridgov.registers;

/** Whether a resident still lives in the grid. */
public enum ResidentStatus {
	PRESENT, MOVED_AWAY, DECEASED
}
