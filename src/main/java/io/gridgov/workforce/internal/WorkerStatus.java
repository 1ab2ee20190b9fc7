package io.gridgov.workforce.internal;

/** A worker serves while ACTIVE; SUSPENDED is temporary; LEFT is final (a returning worker is hired anew). */
enum WorkerStatus {
	ACTIVE, SUSPENDED, LEFT
}
