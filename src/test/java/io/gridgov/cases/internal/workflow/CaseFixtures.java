package io.gridgov.cases.internal.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseSource;
import io.gridgov.cases.TrackingCode;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;

/** Cases in named states, built through the aggregate's own methods, and the actors who act on them. */
final class CaseFixtures {

	static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
	static final RegionCode DISTRICT = RegionCode.of("440704000000");
	static final RegionCode COMMUNITY = RegionCode.of("440704003001");
	static final RegionCode GRID = RegionCode.of("440704003001001");
	static final RegionCode OTHER_GRID = RegionCode.of("440704003001002");
	static final String CATEGORY = "01.03";
	static final Duration ACCEPT_TIME = Duration.ofHours(2);
	static final Duration HANDLE_TIME = Duration.ofDays(3);
	static final Assignee URBAN_MANAGEMENT = Assignee.department("urban-management");
	static final Assignee WATER = Assignee.department("water");
	static final Assignee WORKER_CHEN = Assignee.gridWorker("worker-chen");
	static final TrackingCode CODE = TrackingCode.parse("7K3M-9QXA-2HBD");

	static final CaseActor COMMAND_CENTRE = actor("指挥中心 王芳", Set.of("COMMAND_CENTRE"), DISTRICT, Set.of(), Set.of());
	static final CaseActor ASSIGNED_DEPARTMENT = actor("城管 张强", Set.of("DEPARTMENT"), DISTRICT,
			Set.of(URBAN_MANAGEMENT), Set.of());
	static final CaseActor OTHER_DEPARTMENT = actor("水务 刘洋", Set.of("DEPARTMENT"), DISTRICT, Set.of(WATER), Set.of());
	static final CaseActor GRID_WORKER = actor("网格员 陈晓敏", Set.of("GRID_WORKER"), COMMUNITY, Set.of(WORKER_CHEN),
			Set.of(GRID));
	static final CaseActor OTHER_GRID_WORKER = actor("网格员 李伟", Set.of("GRID_WORKER"), COMMUNITY,
			Set.of(Assignee.gridWorker("worker-li")), Set.of(OTHER_GRID));
	static final CaseActor OUT_OF_SCOPE_COMMAND_CENTRE = actor("另区指挥中心", Set.of("COMMAND_CENTRE"),
			RegionCode.of("440705000000"), Set.of(), Set.of());

	private CaseFixtures() {
	}

	static CaseActor actor(String name, Set<String> roles, RegionCode scope, Set<Assignee> actsFor,
			Set<RegionCode> grids) {
		return new CaseActor(new Actor(UUID.randomUUID(), name, roles, scope), name, actsFor, grids);
	}

	/** A fixed clock that tests move forward by hand. */
	static final class StepClock extends Clock {

		private Instant now;

		StepClock(Instant start) {
			this.now = start;
		}

		StepClock() {
			this(NOW);
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	/** A patrol report by the grid worker of {@link #GRID}. */
	static CaseFile reportedCase(Clock clock) {
		return CaseFile.report(clock, CaseSource.PATROL, CATEGORY, GRID, CODE, GRID_WORKER);
	}

	static CaseFile residentReport(Clock clock) {
		return CaseFile.report(clock, CaseSource.RESIDENT, CATEGORY, GRID, CODE, null);
	}

	static CaseFile acceptedCase(Clock clock) {
		CaseFile file = reportedCase(clock);
		file.accept(COMMAND_CENTRE, clock.instant().plus(ACCEPT_TIME), null);
		return file;
	}

	static CaseFile rejectedCase(Clock clock) {
		CaseFile file = reportedCase(clock);
		file.reject(COMMAND_CENTRE, "不属于受理范围");
		return file;
	}

	static CaseFile mergedCase(Clock clock) {
		CaseFile file = reportedCase(clock);
		file.mergeInto(COMMAND_CENTRE, UUID.randomUUID(), "重复上报");
		return file;
	}

	/** Dispatched to {@link #URBAN_MANAGEMENT} with a deadline {@link #HANDLE_TIME} from now. */
	static CaseFile dispatchedCase(Clock clock) {
		CaseFile file = acceptedCase(clock);
		file.dispatch(COMMAND_CENTRE, URBAN_MANAGEMENT, clock.instant().plus(HANDLE_TIME), "请尽快处理");
		return file;
	}

	static CaseFile returnedCase(Clock clock) {
		CaseFile file = dispatchedCase(clock);
		file.returnToCommandCentre(ASSIGNED_DEPARTMENT, "非本部门职责");
		return file;
	}

	static CaseFile inProgressCase(Clock clock) {
		CaseFile file = dispatchedCase(clock);
		file.start(ASSIGNED_DEPARTMENT, null);
		return file;
	}

	static CaseFile handledCase(Clock clock) {
		CaseFile file = inProgressCase(clock);
		file.handle(ASSIGNED_DEPARTMENT, "已清理完毕", List.of(UUID.randomUUID()));
		return file;
	}

	static CaseFile reworkCase(Clock clock) {
		CaseFile file = handledCase(clock);
		file.verifyFail(GRID_WORKER, "现场仍有堆放", List.of(UUID.randomUUID()));
		return file;
	}

	static CaseFile verifiedCase(Clock clock) {
		CaseFile file = handledCase(clock);
		file.verifyPass(GRID_WORKER, "现场已整改", List.of(UUID.randomUUID()));
		return file;
	}

	static CaseFile closedCase(Clock clock) {
		CaseFile file = verifiedCase(clock);
		file.close(COMMAND_CENTRE, null);
		return file;
	}

	static CaseFile reportedCase() {
		return reportedCase(new StepClock());
	}

	static CaseFile dispatchedCase() {
		return dispatchedCase(new StepClock());
	}

	static CaseFile inProgressCase() {
		return inProgressCase(new StepClock());
	}

	static CaseFile handledCase() {
		return handledCase(new StepClock());
	}

	static CaseFile closedCase() {
		return closedCase(new StepClock());
	}
}
