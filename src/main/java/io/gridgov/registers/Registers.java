package io.gridgov.registers;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** The query API of the registers for other modules (campaigns, parks, insight). */
public interface Registers {

	/** The subjects matching the criteria within the scope, ordered by grid then name. */
	List<Subject> select(TargetCriteria criteria, RegionCode scope);

	Optional<Subject> find(SubjectKind kind, UUID id);

	/**
	 * For uploaded target lists: exact lookup by national ID number (residents) or credit code
	 * (enterprises), via the keyed hash.
	 */
	Optional<Subject> findByIdentifier(SubjectKind kind, String idNumberOrCreditCode);

	/** Count of subjects matching criteria in scope (for progress pages and the dashboard). */
	long count(TargetCriteria criteria, RegionCode scope);
}
