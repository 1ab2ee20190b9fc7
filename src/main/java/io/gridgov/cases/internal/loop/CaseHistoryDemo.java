package io.gridgov.cases.internal.loop;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseSource;
import io.gridgov.cases.Catalogue;
import io.gridgov.cases.CategoryInfo;
import io.gridgov.cases.DeadlineStage;
import io.gridgov.cases.Deadlines;
import io.gridgov.cases.TrackingCode;
import io.gridgov.cases.internal.workflow.CaseActor;
import io.gridgov.cases.internal.workflow.CaseFile;
import io.gridgov.geo.GridHit;
import io.gridgov.geo.GridInfo;
import io.gridgov.geo.GridLocator;
import io.gridgov.geo.Grids;
import io.gridgov.geo.WaihaiDemo;
import io.gridgov.identity.Users;
import io.gridgov.platform.scope.Actor;
import io.gridgov.workforce.GridStaff;
import io.gridgov.workforce.StaffMember;

/**
 * The Waihai demo's case history of the article's period, 2024-01-01 to 2024-12-31 (Asia/Shanghai):
 * {@value #HISTORY_CASES} general cases (the article's count; disputes are a case type of their
 * own and left out), each made by the aggregate's own methods on a step clock — reported from
 * every source in every grid, accepted (mostly on time), dispatched to the category's department
 * (some returned and dispatched elsewhere), handled (some late, some after an extension), verified
 * (some reworked), closed and rated, or rejected, merged or solved on the spot — with a fixed seed.
 * <p>
 * The closure rate is not typed in either: after the cases are made, the generator counts the
 * cases taken on and closed in the period (as the insight module defines them) and leaves just
 * enough cases of the last weeks unfinished — still in progress and overdue — that closed ÷ taken
 * on rounds to {@value #CLOSURE_RATE_PERMILLE} ‰. Cases and timelines are inserted in JDBC batches
 * without events; the insight module replays the stored history into its read models at start.
 */
@Component
@Order(56)
class CaseHistoryDemo implements ApplicationRunner {

	static final int HISTORY_CASES = 6747;
	/** The article's closure rate, 99.4 %, in per mille: the target the unfinished cases are chosen for. */
	static final int CLOSURE_RATE_PERMILLE = 994;
	static final LocalDate FROM = LocalDate.of(2024, 1, 1);
	static final LocalDate TO = LocalDate.of(2024, 12, 31);
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final long SEED = 20240101L;
	private static final Logger log = LoggerFactory.getLogger(CaseHistoryDemo.class);
	private static final String[] NOTES = { "已到现场处置完毕", "已清理完毕并拍照留存", "已督促责任单位整改到位", "已联系产权单位维修" };

	private final boolean enabled;
	private final Users users;
	private final CaseActors actors;
	private final CaseStore store;
	private final Catalogue catalogue;
	private final Deadlines deadlines;
	private final Grids grids;
	private final GridLocator locator;
	private final GridStaff staff;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	CaseHistoryDemo(@Value("${gridgov.demo.enabled:false}") boolean enabled, Users users, CaseActors actors,
			CaseStore store, Catalogue catalogue, Deadlines deadlines, Grids grids, GridLocator locator, GridStaff staff,
			JdbcClient jdbc, TransactionTemplate transaction) {
		this.enabled = enabled;
		this.users = users;
		this.actors = actors;
		this.store = store;
		this.catalogue = catalogue;
		this.deadlines = deadlines;
		this.grids = grids;
		this.locator = locator;
		this.staff = staff;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		Optional<UUID> command = users.idOf("command");
		if (command.isEmpty()) {
			return;
		}
		long existing = jdbc.sql("SELECT COUNT(*) FROM cases_case WHERE reported_at >= ? AND reported_at < ?")
			.params(java.sql.Timestamp.from(start()), java.sql.Timestamp.from(end()))
			.query(Long.class)
			.single();
		if (existing > 0) {
			return;
		}
		long began = System.nanoTime();
		transaction.executeWithoutResult(status -> generate(command.get()));
		log.info("Demo case history of {} to {}: {} cases in {} ms", FROM, TO, HISTORY_CASES,
				(System.nanoTime() - began) / 1_000_000);
	}

	static Instant start() {
		return FROM.atStartOfDay(ZONE).toInstant();
	}

	static Instant end() {
		return TO.plusDays(1).atStartOfDay(ZONE).toInstant();
	}

	/** What one simulated case came to. */
	private record Made(CaseFile file, CaseStore.Details details, boolean takenOnInPeriod, boolean closedInPeriod,
			boolean canStayOpen) {
	}

	/** The cast: the command centre, a desk for each department, the lead of each grid. */
	private final class Cast {

		final UUID commandId;
		final CaseActor command;
		final Map<String, CaseActor> departments = new HashMap<>();
		final Map<String, CaseActor> leads = new HashMap<>();

		Cast(UUID commandId) {
			this.commandId = commandId;
			this.command = actors.of(new Actor(commandId, "command", Set.of("COMMAND_CENTRE"), WaihaiDemo.WAIHAI));
		}

		CaseActor department(String code) {
			return departments.computeIfAbsent(code, c -> new CaseActor(
					new Actor(UUID.nameUUIDFromBytes(("demo-department-" + c).getBytes()), c.toLowerCase(),
							Set.of("DEPARTMENT"), WaihaiDemo.WAIHAI),
					catalogue.findDepartment(c).map(d -> d.name()).orElse(c), Set.of(Assignee.department(c)), Set.of()));
		}

		/** The grid's lead as a grid worker, or null when the grid has none. */
		CaseActor lead(GridInfo grid) {
			return leads.computeIfAbsent(grid.code().value(), g -> {
				Optional<StaffMember> lead = staff.leadOf(grid.code());
				if (lead.isEmpty()) {
					return null;
				}
				StaffMember m = lead.get();
				UUID userId = m.userId() != null ? m.userId() : m.workerId();
				return new CaseActor(new Actor(userId, m.name(), Set.of("GRID_WORKER"), grid.code()), m.name(),
						Set.of(Assignee.gridWorker(m.workerId().toString())), Set.of(grid.code()));
			});
		}
	}

	private void generate(UUID commandId) {
		long began = System.nanoTime();
		Cast cast = new Cast(commandId);
		Deadlines deadlines = this.deadlines.frozen();
		List<GridInfo> all = grids.within(WaihaiDemo.WAIHAI);
		String disputeClass = catalogue.findLeaf("NEIGHBOUR_DISPUTE").map(CategoryInfo::classCode).orElse("");
		List<CategoryInfo> categories = catalogue.leaves()
			.stream()
			.filter(c -> !c.classCode().equals(disputeClass) && c.defaultDepartment() != null)
			.toList();
		List<String> departmentCodes = catalogue.departments().stream().map(d -> d.code()).toList();
		Random setup = new Random(SEED);
		double[] gridWeights = new double[all.size()];
		for (int i = 0; i < gridWeights.length; i++) {
			gridWeights[i] = 0.3 + setup.nextDouble() * (setup.nextInt(5) == 0 ? 3 : 1);
		}
		double[] categoryWeights = new double[categories.size()];
		for (int i = 0; i < categoryWeights.length; i++) {
			categoryWeights[i] = (categories.get(i).emergency() ? 0.2 : 1.0) * (0.2 + setup.nextDouble());
		}
		World world = new World(cast, all, gridWeights, categories, categoryWeights, departmentCodes, deadlines);

		List<Made> made = new ArrayList<>(HISTORY_CASES);
		Set<Integer> mergeTargets = new HashSet<>();
		for (int i = 0; i < HISTORY_CASES; i++) {
			made.add(simulate(world, i, false, made, mergeTargets));
		}
		// leave open as few cases as it takes for closed ÷ taken on to round to the target
		long takenOn = made.stream().filter(Made::takenOnInPeriod).count();
		long closed = made.stream().filter(Made::closedInPeriod).count();
		Random pick = new Random(SEED + 1);
		List<Integer> candidates = new ArrayList<>();
		for (int i = made.size() - 1; i >= 0 && candidates.size() < 400; i--) {
			if (made.get(i).canStayOpen() && !mergeTargets.contains(i)) {
				candidates.add(i);
			}
		}
		java.util.Collections.shuffle(candidates, pick);
		int next = 0;
		while (Math.round(1000.0 * closed / takenOn) > CLOSURE_RATE_PERMILLE && next < candidates.size()) {
			int i = candidates.get(next++);
			made.set(i, simulate(world, i, true, made, mergeTargets));
			closed--;
		}
		long simulated = System.nanoTime();
		List<CaseFile> files = new ArrayList<>(made.size());
		List<CaseStore.Details> details = new ArrayList<>(made.size());
		for (Made m : made) {
			files.add(m.file());
			details.add(m.details());
		}
		for (int from = 0; from < files.size(); from += 1000) {
			int to = Math.min(files.size(), from + 1000);
			store.insertAll(files.subList(from, to), details.subList(from, to));
		}
		log.info("Demo case history: made in {} ms, inserted in {} ms", (simulated - began) / 1_000_000,
				(System.nanoTime() - simulated) / 1_000_000);
	}

	private record World(Cast cast, List<GridInfo> grids, double[] gridWeights, List<CategoryInfo> categories,
			double[] categoryWeights, List<String> departments, Deadlines deadlines) {
	}

	/** A clock the generator moves forward step by step. */

	private static int weighted(Random r, double[] weights) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double x = r.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			x -= weights[i];
			if (x < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private static Duration minutes(Random r, int from, int to) {
		return Duration.ofMinutes(from + r.nextInt(to - from + 1));
	}

	/**
	 * Makes case {@code i} from its own seed, so that it can be made again (left open) with the same
	 * report, acceptance and dispatch.
	 */
	private Made simulate(World w, int i, boolean leaveOpen, List<Made> earlier, Set<Integer> mergeTargets) {
		Random r = new Random(SEED * 31 + i);
		Cast cast = w.cast();
		Deadlines deadlines = w.deadlines();
		GridInfo grid = w.grids().get(weighted(r, w.gridWeights()));
		CategoryInfo category = w.categories().get(weighted(r, w.categoryWeights()));
		LocalDate day = FROM.plusDays(r.nextInt((int) (TO.toEpochDay() - FROM.toEpochDay() + 1)));
		Instant reportedAt = day.atTime(7 + r.nextInt(15), r.nextInt(60)).atZone(ZONE).toInstant();
		double s = r.nextDouble();
		CaseSource source = s < 0.52 ? CaseSource.PATROL
				: s < 0.72 ? CaseSource.RESIDENT
						: s < 0.95 ? CaseSource.HOTLINE : s < 0.97 ? CaseSource.PETITION : CaseSource.IMPORT;
		DemoClock clock = new DemoClock(reportedAt);
		CaseActor reporter = source == CaseSource.RESIDENT ? null : cast.command;
		Point centre = grid.interiorPoint();
		double lon = centre.getX() + (r.nextDouble() - 0.5) * 0.0006;
		double lat = centre.getY() + (r.nextDouble() - 0.5) * 0.0006;
		Optional<GridHit> hit = locator.locate(lon, lat).filter(h -> h.grid().equals(grid.code()));
		if (hit.isEmpty()) {
			lon = centre.getX();
			lat = centre.getY();
		}
		CaseFile file = CaseFile.report(clock, source, category.code(), grid.code(), false, TrackingCode.generate(),
				reporter);
		Instant acceptBy = deadlines.deadline(category.code(), DeadlineStage.ACCEPT, reportedAt);
		CaseActor lead = cast.lead(grid);
		double outcome = r.nextDouble();
		boolean canStayOpen = false;
		Instant closedAt = null;
		if (outcome < 0.010) {
			clock.advance(minutes(r, 5, 60));
			file.reject(cast.command, "不属于网格事件受理范围");
		}
		else if (outcome < 0.016 && i > 0 && earlier.size() >= i) {
			clock.advance(minutes(r, 5, 60));
			file.mergeInto(cast.command, earlier.get(i - 1).file().id(), "与已上报事件重复");
			mergeTargets.add(i - 1);
		}
		else if (source == CaseSource.PATROL && lead != null && outcome < 0.016 + 0.17) {
			clock.advance(minutes(r, 2, 15));
			file.solveOnTheSpot(lead, "网格员巡查时已就地解决", List.of());
			verifyAndClose(r, file, clock, cast, lead);
			closedAt = clock.instant();
		}
		else {
			clock.advance(r.nextInt(100) < 93 ? minutes(r, 3, 28) : minutes(r, 35, 180));
			file.accept(cast.command, acceptBy, null);
			String department = category.defaultDepartment();
			clock.advance(minutes(r, 5, 40));
			file.dispatch(cast.command, Assignee.department(department),
					deadlines.deadline(category.code(), DeadlineStage.HANDLE, clock.instant()), null);
			if (r.nextInt(1000) < 35) {
				clock.advance(minutes(r, 30, 180));
				file.returnToCommandCentre(cast.department(department), "不属于本单位职责");
				String other = w.departments().get(r.nextInt(w.departments().size()));
				department = other.equals(department) ? w.departments().get(0) : other;
				clock.advance(minutes(r, 10, 60));
				file.redispatch(cast.command, Assignee.department(department),
						deadlines.deadline(category.code(), DeadlineStage.HANDLE, clock.instant()), null);
			}
			CaseActor desk = cast.department(department);
			clock.advance(minutes(r, 10, 120));
			file.start(desk, "已签收");
			if (r.nextInt(100) < 2) {
				clock.advance(minutes(r, 10, 60));
				file.requestExtension(desk, file.deadline().plus(Duration.ofHours(24)), "需协调产权单位，申请延期");
				clock.advance(minutes(r, 10, 60));
				file.approveExtension(cast.command, null);
			}
			canStayOpen = true;
			boolean late = leaveOpen || r.nextInt(100) < 11;
			Instant deadline = file.deadline();
			if (late) {
				clock.set(file.dueSoonAt());
				file.markDueSoon(clock.instant());
				clock.set(deadline.plusSeconds(60));
				file.markOverdue(clock.instant());
			}
			if (!leaveOpen) {
				long room = Math.max(600, Duration.between(clock.instant(), deadline).toSeconds());
				if (late) {
					clock.advance(minutes(r, 30, 48 * 60));
				}
				else {
					clock.advance(Duration.ofSeconds((long) (room * (0.2 + 0.75 * r.nextDouble()))));
				}
				if (clock.instant().isAfter(deadline) && !file.figures().overdue()) {
					file.markOverdue(clock.instant());
				}
				file.handle(desk, NOTES[r.nextInt(NOTES.length)], List.of());
				if (r.nextInt(100) < 3) {
					clock.advance(minutes(r, 30, 300));
					file.verifyFail(lead != null && r.nextBoolean() ? lead : cast.command, "现场核查未整改到位", List.of());
					clock.advance(minutes(r, 30, 180));
					file.resume(desk, null);
					clock.advance(minutes(r, 60, 8 * 60));
					file.handle(desk, "已按核查意见重新整改", List.of());
				}
				verifyAndClose(r, file, clock, cast, lead);
				closedAt = clock.instant();
			}
		}
		if (closedAt != null && r.nextInt(100) < 42) {
			clock.advance(minutes(r, 60, 48 * 60));
			int x = r.nextInt(100);
			file.rate(file.trackingCode(), x < 62 ? 5 : x < 87 ? 4 : x < 96 ? 3 : x < 98 ? 2 : 1);
		}
		CaseStore.Details details = new CaseStore.Details(grid.communityCode(), grid.boundaryVersion(), lon, lat, null,
				category.name() + "（巡查/上报记录）", reporter == null ? null : cast.commandId, null, null, null, null, null,
				null, acceptBy, null, closedAt, clock.instant());
		boolean takenOn = file.figures().timeToAccept() != null || file.figures().solvedOnTheSpot();
		Instant takenOnAt = takenOnAt(file);
		return new Made(file, details, takenOn && inPeriod(takenOnAt), closedAt != null && inPeriod(closedAt),
				canStayOpen && takenOnAt != null && inPeriod(takenOnAt) && closedAt != null && inPeriod(closedAt));
	}

	private static Instant takenOnAt(CaseFile file) {
		return file.timeline()
			.stream()
			.filter(e -> e.action() == io.gridgov.cases.CaseAction.ACCEPT
					|| e.action() == io.gridgov.cases.CaseAction.SOLVE_ON_THE_SPOT)
			.map(e -> e.at())
			.findFirst()
			.orElse(null);
	}

	private static boolean inPeriod(Instant t) {
		return t != null && !t.isBefore(start()) && t.isBefore(end());
	}

	private static void verifyAndClose(Random r, CaseFile file, DemoClock clock, Cast cast, CaseActor lead) {
		clock.advance(minutes(r, 30, 300));
		file.verifyPass(lead != null && r.nextBoolean() ? lead : cast.command, "现场核查已整改", List.of());
		clock.advance(minutes(r, 5, 60));
		file.close(cast.command, null);
	}
}
