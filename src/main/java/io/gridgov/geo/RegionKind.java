package io.gridgov.geo;

/** Whether a node at community level is an urban community (社区) or a village (村). */
public enum RegionKind {
	COMMUNITY, VILLAGE
}
