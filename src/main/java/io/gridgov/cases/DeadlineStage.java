package io.gridgov.cases;

/** The stages of a case that each have their own deadline (受理, 派遣, 处置, 核查). */
public enum DeadlineStage {
	ACCEPT, DISPATCH, HANDLE, VERIFY
}
