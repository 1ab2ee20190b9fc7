package io.gridgov.registers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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
import io.gridgov.registers.ResidentRegistered;
import io.gridgov.registers.ResidentStatus;
import io.gridgov.registers.ResidentStatusChanged;

/** The use cases that change residents; each write is audited with the record id, never with personal data. */
@Service
class ResidentService {

	static final String RECORD_TYPE = "resident";

	private final ResidentRules rules;
	private final ResidentStore store;
	private final HouseholdStore households;
	private final PersonalDataCipher cipher;
	private final PersonalDataReveals reveals;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ResidentService(ResidentRules rules, ResidentStore store, HouseholdStore households, PersonalDataCipher cipher,
			PersonalDataReveals reveals, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.rules = rules;
		this.store = store;
		this.households = households;
		this.cipher = cipher;
		this.reveals = reveals;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	UUID register(ResidentInput input, Actor actor) {
		ResidentFields fields = rules.check(input, actor);
		if (fields.idNumber() != null && store.byIdHash(cipher.hash(fields.idNumber().value())).isPresent()) {
			throw new DomainException(ErrorKind.CONFLICT, "registers.id-number-duplicate");
		}
		UUID id = insert(fields);
		audit.record(AuditRecord.success("RESIDENT_CREATE", RECORD_TYPE, id));
		return id;
	}

	@Transactional
	void revise(UUID id, ResidentInput input, Long version, Actor actor) {
		ResidentStore.Row row = load(id, actor);
		if (version == null) {
			throw new DomainException(ErrorKind.INVALID, "registers.version-required");
		}
		ResidentFields fields = rules.check(input.keeping(
				row.idCipher() == null ? null : cipher.decrypt(row.idCipher(), IdNumber.FIELD),
				row.phoneCipher() == null ? null : cipher.decrypt(row.phoneCipher(), MobilePhone.RESIDENT_FIELD)), actor);
		if (fields.idNumber() != null) {
			Optional<ResidentStore.Row> other = store.byIdHash(cipher.hash(fields.idNumber().value()));
			if (other.isPresent() && !other.get().id().equals(id)) {
				throw new DomainException(ErrorKind.CONFLICT, "registers.id-number-duplicate");
			}
		}
		if (!update(row, version, fields)) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version");
		}
		audit.record(AuditRecord.success("RESIDENT_UPDATE", RECORD_TYPE, id));
	}

	/** An import row: a new resident, an update of the one with the same ID number, or nothing when unchanged. */
	ImportOutcome upsert(ResidentFields fields, Actor actor) {
		if (fields.idNumber() == null) {
			throw new DomainException(ErrorKind.INVALID, "registers.import-id-number-required");
		}
		Optional<ResidentStore.Row> existing = store.byIdHash(cipher.hash(fields.idNumber().value()));
		if (existing.isEmpty()) {
			UUID id = insert(fields);
			audit.record(AuditRecord.success("RESIDENT_CREATE", RECORD_TYPE, id).withDetail("import"));
			return ImportOutcome.ACCEPTED;
		}
		ResidentStore.Row row = existing.get();
		if (!actor.canSee(RegionCode.of(row.gridCode()))) {
			throw new DomainException(ErrorKind.INVALID, "registers.import-registered-elsewhere");
		}
		if (cipher.hash(fields.canonical()).equals(row.contentHash())) {
			return ImportOutcome.UNCHANGED;
		}
		if (!update(row, row.version(), fields)) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version");
		}
		audit.record(AuditRecord.success("RESIDENT_UPDATE", RECORD_TYPE, row.id()).withDetail("import"));
		return ImportOutcome.UPDATED;
	}

	@Transactional
	void changeStatus(UUID id, ResidentStatus to, String reason, Long version, Actor actor) {
		ResidentStore.Row row = load(id, actor);
		if (to == null) {
			throw new DomainException(ErrorKind.INVALID, "registers.status-invalid");
		}
		ResidentStatus from = ResidentStatus.valueOf(row.status());
		ResidentStatusPolicy.check(from, to);
		String why = Texts.required(reason, 200, "registers.status-reason-required");
		if (version != null && version != row.version()) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version");
		}
		Instant now = clock.instant();
		if (!store.changeStatus(id, row.version(), to.name(), now)) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.stale-version");
		}
		store.addStatusHistory(Ids.newId(clock), id, from.name(), to.name(), why, actor.username(), now);
		events.publishEvent(new ResidentStatusChanged(id, RegionCode.of(row.gridCode()), from, to, now));
		audit.record(AuditRecord.success("RESIDENT_STATUS_CHANGE", RECORD_TYPE, id).withDetail(from + " -> " + to));
	}

	enum Revealable {
		ID_NUMBER, PHONE
	}

	@Transactional
	String reveal(UUID id, Revealable what, String reason, Actor actor) {
		ResidentStore.Row row = load(id, actor);
		String stored = what == Revealable.ID_NUMBER ? row.idCipher() : row.phoneCipher();
		if (stored == null) {
			throw new DomainException(ErrorKind.NOT_FOUND, "registers.nothing-to-reveal");
		}
		return reveals.reveal(stored, what == Revealable.ID_NUMBER ? IdNumber.FIELD : MobilePhone.RESIDENT_FIELD,
				RECORD_TYPE, id, reason);
	}

	/** The resident if their grid lies in the actor's scope; otherwise the same 404 as a missing one. */
	ResidentStore.Row load(UUID id, Actor actor) {
		ResidentStore.Row row = store.byId(id).orElseThrow(() -> RecordNotFoundException.notFound(RECORD_TYPE, id));
		if (!actor.canSee(RegionCode.of(row.gridCode()))) {
			throw RecordNotFoundException.outOfScope(RECORD_TYPE, id);
		}
		return row;
	}

	private UUID insert(ResidentFields fields) {
		UUID id = Ids.newId(clock);
		Instant now = clock.instant();
		UUID household = household(fields, id, now);
		store.insert(id, fields, protectId(fields), protectPhone(fields), household, cipher.hash(fields.canonical()), now);
		store.replaceTags(id, fields.tags());
		if (household != null && fields.householdHead()) {
			households.setHead(household, id, now);
		}
		store.addStatusHistory(Ids.newId(clock), id, null, ResidentStatus.PRESENT.name(), null, null, now);
		events.publishEvent(new ResidentRegistered(id, fields.grid(), fields.residency(), fields.tags(), now));
		return id;
	}

	private boolean update(ResidentStore.Row row, long version, ResidentFields fields) {
		Instant now = clock.instant();
		UUID household = household(fields, row.id(), now);
		boolean done = store.update(row.id(), version, fields, protectId(fields), protectPhone(fields), household,
				cipher.hash(fields.canonical()), now);
		if (done) {
			store.replaceTags(row.id(), fields.tags());
			if (household != null && fields.householdHead()) {
				households.setHead(household, row.id(), now);
			}
		}
		return done;
	}

	/** The household at the resident's address (created when new); none without an address. */
	private UUID household(ResidentFields fields, UUID residentId, Instant now) {
		if (fields.address() == null) {
			return null;
		}
		return households.byAddress(fields.address(), fields.building(), fields.unit(), fields.room())
			.map(HouseholdStore.Row::id)
			.orElseGet(() -> {
				UUID id = Ids.newId(clock);
				households.insert(id, fields.grid(), fields.address(), fields.building(), fields.unit(), fields.room(),
						fields.householdHead() ? residentId : null, now);
				return id;
			});
	}

	private ProtectedValue protectId(ResidentFields fields) {
		return fields.idNumber() == null ? null : cipher.protect(fields.idNumber().value(), IdNumber.FIELD);
	}

	private ProtectedValue protectPhone(ResidentFields fields) {
		return fields.phone() == null ? null : cipher.protect(fields.phone().value(), MobilePhone.RESIDENT_FIELD);
	}
}
