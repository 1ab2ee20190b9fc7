package io.gridgov.campaigns.internal;

/** How a campaign names its targets: by register criteria, or by an uploaded list of ID numbers or credit codes. */
enum TargetMode {
	CRITERIA, LIST
}
