package io.gridgov.registers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import io.gridgov.platform.tabular.ImportOutcome;
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

	/**
	 * A batch of import rows at once, when every row is either a resident not yet registered (and
	 * named once in the batch) or an unchanged one in the actor's scope: the same outcome as
	 * {@link #upsert} row by row, with a few statements for the whole batch instead of several per
	 * row. Empty when a row would update or be refused for its scope — the caller then goes row by row.
	 */
	Optional<List<ImportOutcome>> importBatch(List<Hashed> hashed, Actor actor) {
		List<String> idHashes = new ArrayList<>(hashed.size());
		List<ResidentFields> batch = new ArrayList<>(hashed.size());
		for (Hashed h : hashed) {
			if (h.idHash() == null) {
				return Optional.empty();
			}
			idHashes.add(h.idHash());
			batch.add(h.fields());
		}
		if (new HashSet<>(idHashes).size() != idHashes.size()) {
			return Optional.empty();
		}
		Map<String, ResidentStore.Known> known = store.knownByIdHash(idHashes);
		List<ImportOutcome> outcomes = new ArrayList<>(batch.size());
		String[] contentHashes = new String[batch.size()];
		for (int i = 0; i < batch.size(); i++) {
			contentHashes[i] = hashed.get(i).contentHash();
			ResidentStore.Known existing = known.get(idHashes.get(i));
			if (existing == null) {
				outcomes.add(ImportOutcome.ACCEPTED);
			}
			else if (actor.canSee(RegionCode.of(existing.gridCode())) && contentHashes[i].equals(existing.contentHash())) {
				outcomes.add(ImportOutcome.UNCHANGED);
			}
			else {
				return Optional.empty();
			}
		}
		Instant now = clock.instant();
		Map<HouseholdKey, UUID> householdIds = new HashMap<>();
		for (HouseholdStore.Row row : households.byAddresses(batch.stream()
			.filter(f -> f.address() != null)
			.map(ResidentFields::address)
			.collect(java.util.stream.Collectors.toSet()))) {
			householdIds.putIfAbsent(HouseholdKey.of(row.address(), row.building(), row.unit(), row.room()), row.id());
		}
		Map<UUID, Object[]> newHouseholds = new LinkedHashMap<>();
		Map<UUID, UUID> newHeads = new LinkedHashMap<>();
		List<ResidentStore.NewResident> residents = new ArrayList<>();
		List<AuditRecord> audits = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (outcomes.get(i) != ImportOutcome.ACCEPTED) {
				continue;
			}
			ResidentFields fields = batch.get(i);
			UUID id = Ids.newId(clock);
			UUID household = null;
			if (fields.address() != null) {
				HouseholdKey key = HouseholdKey.of(fields.address(), fields.building(), fields.unit(), fields.room());
				household = householdIds.computeIfAbsent(key, k -> {
					UUID created = Ids.newId(clock);
					newHouseholds.put(created, new Object[] { created, fields.grid().value(), fields.address(),
							fields.building(), fields.unit(), fields.room(), null });
					return created;
				});
				if (fields.householdHead()) {
					newHeads.put(household, id);
				}
			}
			// the ID number's keyed hash is the one computed while checking: only its ciphertext is new
			ProtectedValue idNumber = new ProtectedValue(cipher.encrypt(fields.idNumber().value(), IdNumber.FIELD),
					hashed.get(i).idHash());
			residents.add(new ResidentStore.NewResident(id, fields, idNumber, protectPhone(fields),
					household, contentHashes[i]));
			audits.add(AuditRecord.success("RESIDENT_CREATE", RECORD_TYPE, id).withDetail("import"));
		}
		if (residents.isEmpty()) {
			return Optional.of(outcomes);
		}
		newHeads.forEach((household, head) -> {
			Object[] created = newHouseholds.get(household);
			if (created != null) {
				created[6] = head;
			}
		});
		households.insertAll(new ArrayList<>(newHouseholds.values()), now);
		store.insertAll(residents, now);
		newHeads.forEach((household, head) -> {
			if (!newHouseholds.containsKey(household)) {
				households.setHead(household, head, now);
			}
		});
		for (ResidentStore.NewResident r : residents) {
			ResidentFields f = r.fields();
			events.publishEvent(new ResidentRegistered(r.id(), f.grid(), f.residency(), f.tags(), now));
		}
		audit.recordAll(audits);
		return Optional.of(outcomes);
	}

	/** A checked import row with the keyed hashes of its ID number and of its content, computed off the writing thread. */
	record Hashed(ResidentFields fields, String idHash, String contentHash) {
	}

	Hashed hashed(ResidentFields fields) {
		return new Hashed(fields, fields.idNumber() == null ? null : cipher.hash(fields.idNumber().value()),
				cipher.hash(fields.canonical()));
	}

	/**
	 * What writing the row may touch besides new rows of its own: the resident of its ID number
	 * and the household at its address. Batches that share none of these are independent.
	 */
	static List<Object> touches(Hashed hashed) {
		ResidentFields f = hashed.fields();
		List<Object> touched = new ArrayList<>(2);
		if (hashed.idHash() != null) {
			touched.add(hashed.idHash());
		}
		if (f.address() != null) {
			touched.add(household(hashed));
		}
		return touched;
	}

	/** The household of the row's address, as {@link #touches} names it; null without an address. */
	static Object household(Hashed hashed) {
		ResidentFields f = hashed.fields();
		return f.address() == null ? null : HouseholdKey.of(f.address(), f.building(), f.unit(), f.room());
	}

	/** A household's address as the store compares it: a missing building, unit or room equals an empty one. */
	private record HouseholdKey(String address, String building, String unit, String room) {

		static HouseholdKey of(String address, String building, String unit, String room) {
			return new HouseholdKey(address, building == null ? "" : building, unit == null ? "" : unit,
					room == null ? "" : room);
		}
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
