package io.gridgov.platform.scope;

/** The levels of the region tree, from the whole country down to a grid. */
public enum RegionLevel {
	COUNTRY, PROVINCE, CITY, DISTRICT, SUBDISTRICT, COMMUNITY, GRID
}
