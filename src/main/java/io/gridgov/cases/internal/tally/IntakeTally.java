package io.gridgov.cases.internal.tally;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.gridgov.cases.CaseReported;

/**
 * Counts intakes per local day (the read model behind the dashboard's daily intake figure). It
 * listens to {@link CaseReported} through the outbox: a case whose event was stored is counted
 * even when the process dies before the listener ran (the publication is delivered again at the
 * next start), and a delivery that comes twice counts the case once — the row is keyed by case.
 */
@Component
class IntakeTally {

	private final JdbcClient jdbc;
	private final ZoneId zone;

	IntakeTally(JdbcClient jdbc, @Value("${gridgov.cases.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.zone = ZoneId.of(zone);
	}

	@ApplicationModuleListener
	void on(CaseReported event) {
		try {
			jdbc.sql("""
					INSERT INTO cases_intake_tally (case_id, intake_day, source, grid_code, category_code, reported_at)
					SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM cases_intake_tally WHERE case_id = ?)""")
				.params(event.caseId(), LocalDate.ofInstant(event.occurredAt(), zone), event.source().name(),
						event.gridCode().value(), event.categoryCode(), Timestamp.from(event.occurredAt()),
						event.caseId())
				.update();
		}
		catch (DuplicateKeyException alreadyCounted) {
			// a concurrent redelivery of the same event counted it first
		}
	}

}
