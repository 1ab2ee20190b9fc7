package io.gridgov.registers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.gridgov.platform.Ids;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.personaldata.PersonalDataCipher;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.tabular.CellValues;
import io.gridgov.platform.tabular.ImportOutcome;
import io.gridgov.platform.tabular.SourceRow;
import io.gridgov.registers.EnterpriseFlag;

/**
 * Turns one import row into a register write through the same rules as the forms. A refusal is a
 * {@link RowRefusal} naming the column (by its header) whose value broke the rule.
 */
@Component
class RowImporter {

	static final class RowRefusal extends RuntimeException {

		final String column;
		final String code;
		final Object[] args;

		RowRefusal(String column, String code, Object... args) {
			super(code, null, false, false);
			this.column = column;
			this.code = code;
			this.args = args;
		}
	}

	private static final Map<String, String> COLUMN_OF_CODE = Map.ofEntries(
			Map.entry("registers.id-number-format", "idNumber"), Map.entry("registers.id-number-birth-date", "idNumber"),
			Map.entry("registers.id-number-checksum", "idNumber"), Map.entry("registers.import-id-number-required", "idNumber"),
			Map.entry("registers.phone-invalid", "phone"), Map.entry("registers.name-invalid", "name"),
			Map.entry("registers.enterprise-name-invalid", "name"), Map.entry("registers.credit-code-format", "creditCode"),
			Map.entry("registers.credit-code-checksum", "creditCode"), Map.entry("registers.grid-unknown", "gridCode"),
			Map.entry("registers.grid-required", "gridCode"), Map.entry("registers.point-invalid", "longitude"),
			Map.entry("registers.point-outside-grids", "longitude"), Map.entry("registers.tag-unknown", "tags"),
			Map.entry("registers.residency-invalid", "residency"), Map.entry("registers.gender-invalid", "gender"),
			Map.entry("registers.gender-mismatch", "gender"), Map.entry("registers.birth-date-mismatch", "birthDate"),
			Map.entry("registers.birth-date-invalid", "birthDate"), Map.entry("registers.address-invalid", "address"),
			Map.entry("registers.employee-count-invalid", "employeeCount"), Map.entry("registers.industry-invalid", "industry"),
			Map.entry("registers.household-head-not-member", "headIdNumber"));

	private final ResidentRules residentRules;
	private final ResidentService residents;
	private final EnterpriseService enterprises;
	private final HouseholdStore households;
	private final ResidentStore residentStore;
	private final Placement placement;
	private final PersonalDataCipher cipher;
	private final AuditTrail audit;
	private final Clock clock;

	RowImporter(ResidentRules residentRules, ResidentService residents, EnterpriseService enterprises,
			HouseholdStore households, ResidentStore residentStore, Placement placement, PersonalDataCipher cipher,
			AuditTrail audit, Clock clock) {
		this.residentRules = residentRules;
		this.residents = residents;
		this.enterprises = enterprises;
		this.households = households;
		this.residentStore = residentStore;
		this.placement = placement;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** Reads the cells of a row by column key, refusing a cell that could not be read. */
	static final class Cells {

		private final ImportKind kind;
		private final Map<String, Integer> index;
		private final SourceRow row;

		Cells(ImportKind kind, Map<String, Integer> index, SourceRow row) {
			this.kind = kind;
			this.index = index;
			this.row = row;
			index.forEach((key, column) -> {
				String problem = row.cellProblems().get(column);
				if (problem != null) {
					throw new RowRefusal(kind.headerOf(key), problem);
				}
			});
		}

		String text(String key) {
			Integer column = index.get(key);
			return column == null ? null : row.cells().get(column);
		}

		<T> T typed(String key, java.util.function.Function<String, T> parser) {
			try {
				return parser.apply(text(key));
			}
			catch (DomainException e) {
				throw new RowRefusal(kind.headerOf(key), e.code(), e.args());
			}
		}
	}

	ImportOutcome importRow(ImportKind kind, Map<String, Integer> index, SourceRow row, Actor actor) {
		Cells cells = new Cells(kind, index, row);
		try {
			return switch (kind) {
				case RESIDENT -> resident(cells, actor);
				case ENTERPRISE -> enterprise(cells, actor);
				case HOUSEHOLD -> household(cells, actor);
			};
		}
		catch (DomainException e) {
			throw refusal(kind, e);
		}
	}

	/** A resident row checked by the rules of the form, not written; a refusal names the column. */
	ResidentFields checkResident(Map<String, Integer> index, SourceRow row, Actor actor) {
		Cells cells = new Cells(ImportKind.RESIDENT, index, row);
		try {
			return residentFields(cells, actor);
		}
		catch (DomainException e) {
			throw refusal(ImportKind.RESIDENT, e);
		}
	}

	private static RowRefusal refusal(ImportKind kind, DomainException e) {
		String key = COLUMN_OF_CODE.get(e.code());
		if (kind == ImportKind.ENTERPRISE && "phone".equals(key)) {
			key = "contactPhone";
		}
		return new RowRefusal(key == null ? null : kind.headerOf(key), e.code(), e.args());
	}

	private ImportOutcome resident(Cells c, Actor actor) {
		return residents.upsert(residentFields(c, actor), actor);
	}

	private ResidentFields residentFields(Cells c, Actor actor) {
		ResidentInput input = new ResidentInput(c.text("name"), c.text("idNumber"), c.text("phone"),
				c.typed("birthDate", CellValues::date), c.text("gender"), c.text("address"), c.text("building"),
				c.text("unit"), c.text("room"), c.text("gridCode"), c.typed("longitude", CellValues::decimal),
				c.typed("latitude", CellValues::decimal), c.text("residency"), CellValues.list(c.text("tags")),
				c.typed("householdHead", CellValues::yesNo));
		if (ResidentRules.blank(input.idNumber())) {
			throw new DomainException(ErrorKind.INVALID, "registers.import-id-number-required");
		}
		return residentRules.check(input, actor);
	}

	private ImportOutcome enterprise(Cells c, Actor actor) {
		Set<EnterpriseFlag> flags = EnumSet.noneOf(EnterpriseFlag.class);
		flag(c, "aboveDesignatedSize", EnterpriseFlag.ABOVE_DESIGNATED_SIZE, flags);
		flag(c, "highTech", EnterpriseFlag.HIGH_TECH, flags);
		flag(c, "srdi", EnterpriseFlag.SRDI, flags);
		flag(c, "littleGiant", EnterpriseFlag.LITTLE_GIANT, flags);
		flag(c, "listed", EnterpriseFlag.LISTED, flags);
		EnterpriseInput input = new EnterpriseInput(c.text("name"), c.text("creditCode"), c.text("address"),
				c.text("gridCode"), c.typed("longitude", CellValues::decimal), c.typed("latitude", CellValues::decimal),
				c.text("industry"), c.typed("employeeCount", CellValues::integer), c.text("contactName"),
				c.text("contactPhone"), flags);
		return enterprises.upsert(enterprises.check(input, actor), actor);
	}

	private static void flag(Cells c, String key, EnterpriseFlag flag, Set<EnterpriseFlag> flags) {
		if (Boolean.TRUE.equals(c.typed(key, CellValues::yesNo))) {
			flags.add(flag);
		}
	}

	private ImportOutcome household(Cells c, Actor actor) {
		String address = Texts.required(c.text("address"), ResidentRules.MAX_ADDRESS, "registers.address-invalid");
		String building = Texts.optional(c.text("building"), ResidentRules.MAX_PART, "registers.address-invalid");
		String unit = Texts.optional(c.text("unit"), ResidentRules.MAX_PART, "registers.address-invalid");
		String room = Texts.optional(c.text("room"), ResidentRules.MAX_PART, "registers.address-invalid");
		RegionCode grid = placement.grid(c.text("gridCode"), null, null, actor);
		UUID head = null;
		String headId = c.text("headIdNumber");
		if (!ResidentRules.blank(headId)) {
			IdNumber id = IdNumber.parse(headId, java.time.LocalDate.now(clock));
			head = residentStore.byIdHash(cipher.hash(id.value()))
				.filter(r -> actor.canSee(RegionCode.of(r.gridCode())))
				.map(ResidentStore.Row::id)
				.orElseThrow(() -> new DomainException(ErrorKind.INVALID, "registers.household-head-not-member"));
		}
		Instant now = clock.instant();
		var existing = households.byAddress(address, building, unit, room);
		if (existing.isEmpty()) {
			if (head != null) {
				// a new household has no members yet, so nobody can be its head
				throw new DomainException(ErrorKind.INVALID, "registers.household-head-not-member");
			}
			UUID id = Ids.newId(clock);
			households.insert(id, grid, address, building, unit, room, null, now);
			audit.record(AuditRecord.success("HOUSEHOLD_CREATE", "household", id).withDetail("import"));
			return ImportOutcome.ACCEPTED;
		}
		HouseholdStore.Row row = existing.get();
		if (!actor.canSee(RegionCode.of(row.gridCode()))) {
			throw new DomainException(ErrorKind.INVALID, "registers.import-registered-elsewhere");
		}
		if (head != null) {
			checkMember(row.id(), head);
		}
		UUID newHead = head == null ? row.headId() : head;
		if (row.gridCode().equals(grid.value()) && java.util.Objects.equals(newHead, row.headId())) {
			return ImportOutcome.UNCHANGED;
		}
		households.update(row.id(), row.version(), grid, newHead, now);
		audit.record(AuditRecord.success("HOUSEHOLD_UPDATE", "household", row.id()).withDetail("import"));
		return ImportOutcome.UPDATED;
	}

	private void checkMember(UUID household, UUID resident) {
		if (!households.members(household).contains(resident)) {
			throw new DomainException(ErrorKind.INVALID, "registers.household-head-not-member");
		}
	}
}
