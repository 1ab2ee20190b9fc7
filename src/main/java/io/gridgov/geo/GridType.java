package io.gridgov.geo;

/** What a grid mostly covers. */
public enum GridType {
	RESIDENTIAL, INDUSTRIAL_PARK, MIXED, PUBLIC_AREA
}
