package io.gridgov.cases.internal.hotline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import io.gridgov.cases.Catalogue;
import io.gridgov.cases.internal.loop.ImportIntake;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ProblemFactory;
import io.gridgov.platform.scope.Actor;

/**
 * Imports a file of 12345 hotline work orders. The whole file is read and every row checked before
 * anything is written: a file that cannot be read, or lacks the template's columns, is one problem
 * and imports nothing. Then each readable row is reported through the ordinary intake in a
 * transaction of its own, so a row the intake refuses leaves nothing behind and does not undo its
 * neighbours. An order number already on file is {@code unchanged}: importing a file again, or
 * after an interrupted import, creates only what is missing.
 */
@Service
class HotlineImportService {

	static final String RECORD_TYPE = "case-import";

	private final ImportIntake intake;
	private final Catalogue catalogue;
	private final AuditTrail audit;
	private final ProblemFactory problems;

	HotlineImportService(ImportIntake intake, Catalogue catalogue, AuditTrail audit, ProblemFactory problems) {
		this.intake = intake;
		this.catalogue = catalogue;
		this.audit = audit;
		this.problems = problems;
	}

	/** One refused row: its number as the spreadsheet shows it, the column header, a code, a message. */
	record Refusal(int row, String column, String code, String message) {
	}

	record ImportResult(int accepted, int unchanged, List<Refusal> refused, List<UUID> caseIds) {
	}

	ImportResult importFile(byte[] content, Actor actor, Locale locale) {
		WorkOrderParser.Result parsed = new WorkOrderParser(catalogue.leaves()).parse(WorkOrderFileReader.read(content));
		List<WorkOrderParser.Problem> refused = new ArrayList<>(parsed.problems());
		List<UUID> created = new ArrayList<>();
		int unchanged = 0;
		for (WorkOrderParser.Parsed row : parsed.orders()) {
			try {
				created.add(intake.report(row.order(), actor));
			}
			catch (DuplicateKeyException e) {
				unchanged++;
			}
			catch (DomainException e) {
				if ("cases.hotline-order-exists".equals(e.code())) {
					unchanged++;
				}
				else {
					refused.add(new WorkOrderParser.Problem(row.row(), columnOf(e, row), e.code(), e.args()));
				}
			}
		}
		audit.record(AuditRecord.success("CASE_IMPORT", RECORD_TYPE, null)
			.withDetail("rows=" + parsed.rows() + " accepted=" + created.size() + " unchanged=" + unchanged
					+ " refused=" + refused.stream().map(WorkOrderParser.Problem::row).distinct().count()));
		List<Refusal> report = refused.stream()
			.sorted(Comparator.comparingInt(WorkOrderParser.Problem::row)
				.thenComparing(p -> p.column() == null ? Integer.MAX_VALUE : p.column().ordinal()))
			.map(p -> new Refusal(p.row(), p.column() == null ? "" : p.column().header(), p.code(),
					problems.message(p.code(), p.args(), locale)))
			.toList();
		return new ImportResult(created.size(), unchanged, report, List.copyOf(created));
	}

	/** The column a refusal of the intake is about, by the field it names. */
	private static WorkOrderColumn columnOf(DomainException e, WorkOrderParser.Parsed row) {
		Object field = e.properties().get("field");
		if ("longitude".equals(field) && !row.hasCoordinates() && row.order().gridCode() != null) {
			return WorkOrderColumn.GRID;
		}
		return field == null ? null : WorkOrderColumn.ofField(field.toString()).orElse(null);
	}
}
