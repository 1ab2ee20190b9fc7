package io.gridgov.registers.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.personaldata.Masking;
import io.gridgov.platform.personaldata.PersonalDataCipher;
import io.gridgov.platform.personaldata.PersonalDataReveals;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.tabular.Workbooks;

/**
 * Exports a filtered register list to XLSX, within the scope. Numbers are masked unless the user
 * holds personaldata.reveal and states a reason; such an export is audited as a reveal. Every
 * export starts with a watermark line naming the user and the time, and is itself audited.
 */
@Service
class ExportService {

	static final int MAX_ROWS = 100_000;

	private final ResidentQuery residents;
	private final EnterpriseStore enterprises;
	private final PersonalDataCipher cipher;
	private final PersonalDataReveals reveals;
	private final AuditTrail audit;
	private final Clock clock;

	ExportService(ResidentQuery residents, EnterpriseStore enterprises, PersonalDataCipher cipher,
			PersonalDataReveals reveals, AuditTrail audit, Clock clock) {
		this.residents = residents;
		this.enterprises = enterprises;
		this.cipher = cipher;
		this.reveals = reveals;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	byte[] residents(ResidentQuery.Filter filter, boolean reveal, String reason, Actor actor) {
		long count = residents.count(actor, filter);
		String why = checkReveal(reveal, reason, "resident", count);
		List<String> header = List.of("姓名", "身份证号", "性别", "出生日期", "手机号", "网格编码", "网格", "地址", "楼栋", "单元",
				"房号", "户籍类型", "状态", "标签");
		try (Workbooks.Writer writer = new Workbooks.Writer()) {
			writer.sheet("居民", header).watermark(watermark(actor, reveal)).header(header);
			residents.each(actor, filter, MAX_ROWS, page -> {
				Map<java.util.UUID, ResidentStore.Row> full = reveal ? rows(page) : Map.of();
				for (ResidentViews.ResidentView r : page) {
					String id = r.idNumberMasked();
					String phone = r.phoneMasked();
					if (reveal) {
						ResidentStore.Row row = full.get(r.id());
						id = row.idCipher() == null ? null : cipher.decrypt(row.idCipher(), IdNumber.FIELD);
						phone = row.phoneCipher() == null ? null : cipher.decrypt(row.phoneCipher(), MobilePhone.RESIDENT_FIELD);
					}
					writer.row(java.util.Arrays.asList(r.name(), id, gender(r.gender()), r.birthDate(), phone, r.gridCode(),
							r.gridName(), r.address(), r.building(), r.unit(), r.room(),
							"FLOATING".equals(r.residency()) ? "流动" : "户籍", r.status(), String.join("、", r.tags())));
				}
			});
			audit.record(AuditRecord.success("REGISTER_EXPORT", "resident", null)
				.withDetail(count + " residents" + (reveal ? ", unmasked; reason: " + why : ", masked")));
			return writer.bytes();
		}
	}

	@Transactional
	byte[] enterprises(EnterpriseStore.Filter filter, boolean reveal, String reason, Actor actor) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = enterprises.where(actor.scope(), filter, params, cipher::hash);
		long count = enterprises.count(where, params);
		String why = checkReveal(reveal, reason, "enterprise", count);
		List<String> header = List.of("企业名称", "统一社会信用代码", "网格编码", "地址", "行业", "从业人数", "联系人", "联系电话",
				"规上企业", "高新技术企业", "专精特新", "小巨人", "上市企业");
		try (Workbooks.Writer writer = new Workbooks.Writer()) {
			writer.sheet("企业", header).watermark(watermark(actor, reveal)).header(header);
			long offset = 0;
			while (offset < Math.min(count, MAX_ROWS)) {
				List<EnterpriseStore.Row> page = enterprises.page(where, params, 1000, offset);
				if (page.isEmpty()) {
					break;
				}
				for (EnterpriseStore.Row e : page) {
					String phone = e.contactPhoneCipher() == null ? null
							: cipher.decrypt(e.contactPhoneCipher(), MobilePhone.CONTACT_FIELD);
					var flags = e.flags();
					writer.row(java.util.Arrays.asList(e.name(), e.creditCode(), e.gridCode(), e.address(), e.industry(),
							e.employeeCount(), e.contactName(), reveal || phone == null ? phone : Masking.phone(phone),
							yes(flags.contains(io.gridgov.registers.EnterpriseFlag.ABOVE_DESIGNATED_SIZE)),
							yes(flags.contains(io.gridgov.registers.EnterpriseFlag.HIGH_TECH)),
							yes(flags.contains(io.gridgov.registers.EnterpriseFlag.SRDI)),
							yes(flags.contains(io.gridgov.registers.EnterpriseFlag.LITTLE_GIANT)),
							yes(flags.contains(io.gridgov.registers.EnterpriseFlag.LISTED))));
				}
				offset += page.size();
			}
			audit.record(AuditRecord.success("REGISTER_EXPORT", "enterprise", null)
				.withDetail(count + " enterprises" + (reveal ? ", unmasked; reason: " + why : ", masked")));
			return writer.bytes();
		}
	}

	private Map<java.util.UUID, ResidentStore.Row> rows(List<ResidentViews.ResidentView> page) {
		return residents.rows(page.stream().map(ResidentViews.ResidentView::id).toList())
			.stream()
			.collect(Collectors.toMap(ResidentStore.Row::id, r -> r));
	}

	private String checkReveal(boolean reveal, String reason, String recordType, long count) {
		if (count > MAX_ROWS) {
			throw new DomainException(ErrorKind.INVALID, "registers.export-too-large", MAX_ROWS);
		}
		if (!reveal) {
			return null;
		}
		return reveals.revealInExport(recordType, count, reason);
	}

	private String watermark(Actor actor, boolean reveal) {
		return Workbooks.watermark(actor.username(), clock.instant(), reveal);
	}

	private static String gender(String gender) {
		return gender == null ? null : "MALE".equals(gender) ? "男" : "女";
	}

	private static String yes(boolean value) {
		return value ? "是" : "否";
	}

}
