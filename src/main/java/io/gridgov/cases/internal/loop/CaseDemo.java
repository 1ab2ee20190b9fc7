package io.gridgov.cases.internal.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.cases.Assignee;
import io.gridgov.cases.CaseEvent;
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
 * The Waihai demo's case loop: the demo user {@code department} acts for the urban management
 * office (城市管理和综合执法办公室), and a live queue of cases of the last ten days in every stage —
 * reported, accepted, dispatched, in progress, handled, closed and rated, some due soon or overdue —
 * made by the same aggregate methods a user's request goes through (fixed seed, loaded once).
 */
@Component
@Order(55)
class CaseDemo implements ApplicationRunner {

	static final String DEMO_DEPARTMENT = "URBAN_MGMT";
	static final int LIVE_CASES = 80;
	private static final String[] DESCRIPTIONS = { "路口有垃圾堆放，气味较大", "人行道被占用，行人只能走机动车道", "晚上路灯不亮，存在安全隐患",
			"小区门口有人摆摊，影响通行", "墙上张贴大量小广告", "工地夜间施工噪音扰民", "井盖松动，车辆经过有响声", "楼道堆放杂物堵塞消防通道",
			"共享单车乱停放堵住盲道", "河涌水面有漂浮垃圾" };

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
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transaction;
	private final Clock clock;

	CaseDemo(@Value("${gridgov.demo.enabled:false}") boolean enabled, Users users, CaseActors actors, CaseStore store,
			Catalogue catalogue, Deadlines deadlines, Grids grids, GridLocator locator, GridStaff staff, JdbcClient jdbc,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
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
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		transaction.executeWithoutResult(status -> {
			Optional<UUID> department = users.idOf("department");
			department.ifPresent(id -> actors.addMember(DEMO_DEPARTMENT, id));
			boolean empty = jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single() == 0;
			Optional<UUID> command = users.idOf("command");
			Optional<UUID> worker = users.idOf("gridworker");
			if (empty && department.isPresent() && command.isPresent() && worker.isPresent()) {
				loadLiveCases(command.get(), department.get(), worker.get());
			}
		});
	}

	private void loadLiveCases(UUID commandId, UUID departmentId, UUID workerId) {
		Random random = new Random(20261130L);
		CaseActor command = actors.of(new Actor(commandId, "command", Set.of("COMMAND_CENTRE"), WaihaiDemo.WAIHAI));
		CaseActor department = actors.of(new Actor(departmentId, "department", Set.of("DEPARTMENT"), WaihaiDemo.WAIHAI));
		List<GridInfo> all = grids.within(WaihaiDemo.WAIHAI);
		List<CategoryInfo> urban = catalogue.leaves()
			.stream()
			.filter(c -> DEMO_DEPARTMENT.equals(c.defaultDepartment()) && !c.emergency())
			.toList();
		Instant now = clock.instant();
		for (int i = 0; i < LIVE_CASES; i++) {
			GridInfo grid = i % 4 == 0 ? grids.find(WaihaiDemo.grid(WaihaiDemo.CHENGHUANG, 1)).orElseThrow()
					: all.get(random.nextInt(all.size()));
			Point centre = grid.interiorPoint();
			double lon = centre.getX() + (random.nextDouble() - 0.5) * 0.0006;
			double lat = centre.getY() + (random.nextDouble() - 0.5) * 0.0006;
			Optional<GridHit> hit = locator.locate(lon, lat);
			if (hit.isEmpty()) {
				lon = centre.getX();
				lat = centre.getY();
				hit = locator.locate(lon, lat);
			}
			GridHit h = hit.orElseThrow();
			CategoryInfo category = urban.get(random.nextInt(urban.size()));
			DemoClock steps = new DemoClock(now.minus(Duration.ofMinutes(30 + random.nextInt(10 * 24 * 60))));
			CaseSource source = switch (random.nextInt(3)) {
				case 0 -> CaseSource.PATROL;
				case 1 -> CaseSource.RESIDENT;
				default -> CaseSource.HOTLINE;
			};
			CaseActor reporter = source == CaseSource.RESIDENT ? null : command;
			CaseFile file = CaseFile.report(steps, source, category.code(), h.grid(), false, TrackingCode.generate(),
					reporter);
			Instant acceptBy = deadlines.deadline(category.code(), DeadlineStage.ACCEPT, file.reportedAt());
			int stage = random.nextInt(7);
			Instant closedAt = null;
			Integer rating = null;
			if (stage >= 1) {
				steps.advance(Duration.ofMinutes(5 + random.nextInt(40)));
				file.accept(command, acceptBy, null);
			}
			if (stage >= 2) {
				steps.advance(Duration.ofMinutes(5 + random.nextInt(30)));
				file.dispatch(command, Assignee.department(DEMO_DEPARTMENT),
						deadlines.deadline(category.code(), DeadlineStage.HANDLE, steps.instant()), null);
			}
			if (stage >= 3) {
				steps.advance(Duration.ofMinutes(10 + random.nextInt(60)));
				file.start(department, "已签收");
			}
			if (stage >= 4) {
				steps.advance(Duration.ofMinutes(30 + random.nextInt(240)));
				file.handle(department, "已到现场处置完毕", List.of());
			}
			if (stage >= 5) {
				Optional<StaffMember> lead = staff.leadOf(h.grid());
				CaseActor verifier = lead.filter(l -> l.userId() != null && l.userId().equals(workerId))
					.map(l -> actors.of(new Actor(workerId, "gridworker", Set.of("GRID_WORKER"), h.grid())))
					.orElse(command);
				steps.advance(Duration.ofMinutes(20 + random.nextInt(120)));
				file.verifyPass(verifier, "现场核查已整改", List.of());
				steps.advance(Duration.ofMinutes(5 + random.nextInt(30)));
				file.close(command, null);
				closedAt = steps.instant();
				if (random.nextBoolean()) {
					steps.advance(Duration.ofHours(2));
					rating = 3 + random.nextInt(3);
					file.rate(file.trackingCode(), rating);
				}
			}
			if (steps.instant().isAfter(now)) {
				continue;
			}
			CaseStore.Details details = new CaseStore.Details(h.community(), h.boundaryVersion(), lon, lat, null,
					DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)], reporter == null ? null : commandId, null, null,
					null, null, null, null, acceptBy, null, closedAt, steps.instant());
			store.insert(file, details);
			for (CaseEvent event : file.domainEvents()) {
				events.publishEvent(event);
			}
		}
	}
}
