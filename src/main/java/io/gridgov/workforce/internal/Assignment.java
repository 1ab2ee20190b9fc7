package io.gridgov.workforce.internal;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A row of a worker's grids; {@code leadGrid} repeats the grid code when the worker leads it (see the migration). */
@Table("workforce_assignment")
record Assignment(String gridCode, @Column("is_lead") boolean lead, String leadGrid) {

	static Assignment of(GridRole role) {
		return new Assignment(role.gridCode(), role.lead(), role.lead() ? role.gridCode() : null);
	}

	GridRole role() {
		return new GridRole(gridCode, lead);
	}
}
