package io.gridgov.registers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.platform.Ids;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.personaldata.PersonalDataCipher;
import io.gridgov.platform.personaldata.PersonalDataReveals;
import io.gridgov.platform.personaldata.ProtectedValue;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.tabular.ImportOutcome;
import io.gridgov.registers.EnterpriseRegistered;

/** The use cases that change enterprises; a credit code is registered once. */
@Service
class EnterpriseService {

	static final String RECORD_TYPE = "enterprise";
	static final int MAX_EMPLOYEES = 1_000_000;

	private final EnterpriseStore store;
	private final Placement placement;
	private final PersonalDataCipher cipher;
	private final PersonalDataReveals reveals;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	EnterpriseService(EnterpriseStore store, Placement placement, PersonalDataCipher cipher, PersonalDataReveals reveals,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.placement = placement;
		this.cipher = cipher;
		this.reveals = reveals;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	EnterpriseFields check(EnterpriseInput input, Actor actor) {
		String name = Texts.required(input.name(), 100, "registers.enterprise-name-invalid");
		CreditCode code = CreditCode.parse(input.creditCode());
		if (input.employeeCount() != null && (input.employeeCount() < 0 || input.employeeCount() > MAX_EMPLOYEES)) {
			throw new DomainException(ErrorKind.INVALID, "registers.employee-count-invalid", MAX_EMPLOYEES);
		}
		MobilePhone phone = ResidentRules.blank(input.contactPhone()) ? null : MobilePhone.parse(input.contactPhone());
		return new EnterpriseFields(name, code, Texts.optional(input.address(), 200, "registers.address-invalid"),
				placement.grid(input.gridCode(), input.longitude(), input.latitude(), actor), input.longitude(),
				input.latitude(), Texts.optional(input.industry(), 50, "registers.industry-invalid"), input.employeeCount(),
				Texts.optional(input.contactName(), 50, "registers.name-invalid"), phone,
				input.flags() == null ? Set.of() : input.flags());
	}

	@Transactional
	UUID register(EnterpriseInput input, Actor actor) {
		EnterpriseFields fields = check(input, actor);
		if (store.byCreditCode(fields.creditCode().value()).isPresent()) {
			throw new DomainException(ErrorKind.CONFLICT, "registers.credit-code-duplicate");
		}
		UUID id = insert(fields);
		audit.record(AuditRecord.success("ENTERPRISE_CREATE", RECORD_TYPE, id));
		return id;
	}

	@Transactional
	void revise(UUID id, EnterpriseInput input, Long version, Actor actor) {
		EnterpriseStore.Row row = load(id, actor);
		if (version == null) {
			throw new DomainException(ErrorKind.INVALID, "registers.version-required");
		}
		EnterpriseFields fields = check(input.keeping(row.contactPhoneCipher() == null ? null
				: cipher.decrypt(row.contactPhoneCipher(), MobilePhone.CONTACT_FIELD)), actor);
		Optional<EnterpriseStore.Row> other = store.byCreditCode(fields.creditCode().value());
		if (other.isPresent() && !other.get().id().equals(id)) {
			throw new DomainException(ErrorKind.CONFLICT, "registers.credit-code-duplicate");
		}
		if (!store.update(row.id(), version, fields, protect(fields), cipher.hash(fields.canonical()), clock.instant())) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version");
		}
		audit.record(AuditRecord.success("ENTERPRISE_UPDATE", RECORD_TYPE, id));
	}

	ImportOutcome upsert(EnterpriseFields fields, Actor actor) {
		Optional<EnterpriseStore.Row> existing = store.byCreditCode(fields.creditCode().value());
		if (existing.isEmpty()) {
			UUID id = insert(fields);
			audit.record(AuditRecord.success("ENTERPRISE_CREATE", RECORD_TYPE, id).withDetail("import"));
			return ImportOutcome.ACCEPTED;
		}
		EnterpriseStore.Row row = existing.get();
		if (!actor.canSee(RegionCode.of(row.gridCode()))) {
			throw new DomainException(ErrorKind.INVALID, "registers.import-registered-elsewhere");
		}
		if (cipher.hash(fields.canonical()).equals(row.contentHash())) {
			return ImportOutcome.UNCHANGED;
		}
		if (!store.update(row.id(), row.version(), fields, protect(fields), cipher.hash(fields.canonical()), clock.instant())) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version");
		}
		audit.record(AuditRecord.success("ENTERPRISE_UPDATE", RECORD_TYPE, row.id()).withDetail("import"));
		return ImportOutcome.UPDATED;
	}

	@Transactional
	String revealPhone(UUID id, String reason, Actor actor) {
		EnterpriseStore.Row row = load(id, actor);
		if (row.contactPhoneCipher() == null) {
			throw new DomainException(ErrorKind.NOT_FOUND, "registers.nothing-to-reveal");
		}
		return reveals.reveal(row.contactPhoneCipher(), MobilePhone.CONTACT_FIELD, RECORD_TYPE, id, reason);
	}

	EnterpriseStore.Row load(UUID id, Actor actor) {
		EnterpriseStore.Row row = store.byId(id).orElseThrow(() -> RecordNotFoundException.notFound(RECORD_TYPE, id));
		if (!actor.canSee(RegionCode.of(row.gridCode()))) {
			throw RecordNotFoundException.outOfScope(RECORD_TYPE, id);
		}
		return row;
	}

	private UUID insert(EnterpriseFields fields) {
		UUID id = Ids.newId(clock);
		Instant now = clock.instant();
		store.insert(id, fields, protect(fields), cipher.hash(fields.canonical()), now);
		events.publishEvent(new EnterpriseRegistered(id, fields.grid(), fields.flags(), now));
		return id;
	}

	private ProtectedValue protect(EnterpriseFields fields) {
		return fields.contactPhone() == null ? null : cipher.protect(fields.contactPhone().value(), MobilePhone.CONTACT_FIELD);
	}
}
