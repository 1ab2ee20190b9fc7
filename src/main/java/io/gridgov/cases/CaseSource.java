package io.gridgov.cases;

/** Where a case came from: a grid worker on patrol, a resident, the 12345 hotline, a petition, an import. */
public enum CaseSource {
	PATROL, RESIDENT, HOTLINE, PETITION, IMPORT
}
