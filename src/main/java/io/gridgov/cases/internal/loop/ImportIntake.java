package io.gridgov.cases.internal.loop;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.cases.CaseSource;
import io.gridgov.cases.internal.loop.CaseCommands.ReportCase;
import io.gridgov.platform.scope.Actor;

/**
 * The seam through which the hotline import reports one work order: the same intake as a case
 * typed in by an operator (validation, placement, phone protection, audit, outbox), with source
 * {@link CaseSource#IMPORT}, in a transaction of its own.
 */
@Component
public class ImportIntake {

	private final CaseService cases;

	ImportIntake(CaseService cases) {
		this.cases = cases;
	}

	/** One row of an import, as the file gave it; the intake validates it like a typed-in report. */
	public record WorkOrder(String orderNo, String categoryCode, String description, Double longitude,
			Double latitude, String gridCode, String address, String reporterName, String reporterPhone) {
	}

	/**
	 * Reports the work order and answers the new case's id. A refusal is a {@code DomainException}
	 * whose {@code field} property names the offending field; an order number that exists already is
	 * the 409 {@code cases.hotline-order-exists}. Either way nothing of the row is written.
	 */
	@Transactional
	public UUID report(WorkOrder order, Actor actor) {
		return cases.intake(new ReportCase(CaseSource.IMPORT, order.categoryCode(), order.description(),
				order.longitude(), order.latitude(), order.gridCode(), order.address(), order.reporterName(),
				order.reporterPhone(), order.orderNo(), List.of(), null, null), actor).file().id();
	}
}
