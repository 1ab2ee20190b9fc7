package io.gridgov.workforce.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.personaldata.Masking;
import io.gridgov.platform.personaldata.PersonalDataReveals;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.tabular.Workbooks;
import io.gridgov.workforce.internal.WorkerViews.GridView;

/**
 * Exports the filtered worker list to XLSX, within the scope (ADR 0027). Work phones are masked
 * unless the user holds personaldata.reveal and states a reason, audited as a reveal. The sheet
 * starts with a watermark line naming the user and the time; every export is audited. The grids
 * are listed lead first, so that 是否网格长 reads as in the import template.
 */
@Service
class WorkerExport {

	static final int MAX_ROWS = 20_000;
	static final List<String> HEADER = List.of("姓名", "手机号", "用工类型", "人员来源", "网格编码", "是否网格长", "网格", "状态", "账号");

	private final WorkerQuery query;
	private final PersonalDataReveals reveals;
	private final AuditTrail audit;
	private final Clock clock;

	WorkerExport(WorkerQuery query, PersonalDataReveals reveals, AuditTrail audit, Clock clock) {
		this.query = query;
		this.reveals = reveals;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	byte[] workbook(WorkerQuery.Filter filter, boolean reveal, String reason, Actor actor) {
		long count = query.count(actor, filter);
		if (count > MAX_ROWS) {
			throw new DomainException(ErrorKind.INVALID, "workforce.export-too-large", MAX_ROWS);
		}
		String why = reveal ? reveals.revealInExport(WorkerService.RECORD_TYPE, count, reason) : null;
		try (Workbooks.Writer writer = new Workbooks.Writer()) {
			writer.sheet("网格员", HEADER).watermark(Workbooks.watermark(actor.username(), clock.instant(), reveal)).header(HEADER);
			for (WorkerQuery.Exported e : query.export(actor, filter, MAX_ROWS)) {
				WorkerViews.WorkerView w = e.view();
				List<GridView> grids = w.grids();
				writer.row(Arrays.asList(w.name(), reveal ? e.phone() : Masking.phone(e.phone()),
						WorkerSheet.label(w.employment()), WorkerSheet.label(w.source()),
						String.join("、", grids.stream().map(GridView::code).toList()),
						!grids.isEmpty() && grids.get(0).lead() ? "是" : "否",
						String.join("、", grids.stream().map(GridView::name).toList()), status(w.status()), w.username()));
			}
			audit.record(AuditRecord.success("WORKER_EXPORT", WorkerService.RECORD_TYPE, null)
				.withDetail(count + " workers" + (reveal ? ", unmasked; reason: " + why : ", masked")));
			return writer.bytes();
		}
	}

	private static String status(WorkerStatus status) {
		return switch (status) {
			case ACTIVE -> "在岗";
			case SUSPENDED -> "暂停";
			case LEFT -> "离职";
		};
	}
}
