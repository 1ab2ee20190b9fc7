package io.gridgov.workforce.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.geo.GridInfo;
import io.gridgov.geo.GridType;
import io.gridgov.geo.Grids;
import io.gridgov.geo.WaihaiDemo;
import io.gridgov.identity.Users;
import io.gridgov.platform.Ids;
import io.gridgov.platform.personaldata.PersonalDataCipher;

/**
 * The Waihai demo workforce, generated from a fixed seed on first start: one or two full-time
 * community grid workers per grid (one of them the lead), enterprise employees as part-time
 * workers in the industrial-park grids, couriers, delivery riders and volunteers elsewhere, their
 * trainings and assessments, and 26 to 28 notice boards per grid at random points inside it.
 */
@Component
@Order(40)
class WorkforceDemo implements ApplicationRunner {

	static final long SEED = 20221027L + 4;
	static final String DEMO_WORKER_USERNAME = "gridworker";
	static final String DEMO_WORKER_NAME = "陈晓敏";

	private static final Logger log = LoggerFactory.getLogger(WorkforceDemo.class);
	private static final List<String> TOPICS = List.of("安全生产", "政策解读", "无人机操作");
	private static final List<String> PROVIDERS = List.of("外海街道综治中心", "江海区应急管理局", "江门市无人机协会");
	private static final List<WorkerSource> STREET_SOURCES = List.of(WorkerSource.COURIER, WorkerSource.DELIVERY_RIDER,
			WorkerSource.VOLUNTEER);

	private final boolean enabled;
	private final Grids grids;
	private final Users users;
	private final WorkerRepository workers;
	private final WorkerRecords records;
	private final BoardStore boards;
	private final PersonalDataCipher cipher;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final String boardPrefix;

	WorkforceDemo(@Value("${gridgov.demo.enabled:false}") boolean enabled, Grids grids, Users users,
			WorkerRepository workers, WorkerRecords records, BoardStore boards, PersonalDataCipher cipher,
			TransactionTemplate transaction, Clock clock, @Value("${gridgov.workforce.board-prefix:WH}") String boardPrefix) {
		this.enabled = enabled;
		this.grids = grids;
		this.users = users;
		this.workers = workers;
		this.records = records;
		this.boards = boards;
		this.cipher = cipher;
		this.transaction = transaction;
		this.clock = clock;
		this.boardPrefix = boardPrefix;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		List<GridInfo> waihai = grids.within(WaihaiDemo.WAIHAI);
		if (waihai.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		Random random = new Random(SEED);
		if (workers.count() == 0) {
			int hired = transaction.execute(status -> hireAll(waihai, random));
			log.info("Loaded the Waihai demo workforce: {} grid workers in {} grids", hired, waihai.size());
		}
		if (boards.count() == 0) {
			int placed = transaction.execute(status -> placeBoards(waihai, random));
			log.info("Placed {} demo notice boards in {} ms", placed, (System.nanoTime() - started) / 1_000_000);
		}
	}

	private int hireAll(List<GridInfo> waihai, Random random) {
		DemoNames names = new DemoNames(random);
		Set<String> phones = new HashSet<>();
		List<Worker> hired = new ArrayList<>();
		LocalDate today = LocalDate.now(clock);
		for (int g = 0; g < waihai.size(); g++) {
			GridInfo grid = waihai.get(g);
			String code = grid.code().value();
			int fullTime = 1 + random.nextInt(2);
			for (int i = 0; i < fullTime; i++) {
				boolean lead = i == 0;
				boolean demoUser = lead && code.equals(WaihaiDemo.grid(WaihaiDemo.CHENGHUANG, 1).value());
				UserLink link = demoUser ? users.idOf(DEMO_WORKER_USERNAME)
					.map(id -> new UserLink(id, DEMO_WORKER_USERNAME))
					.orElse(null) : null;
				hired.add(hire(demoUser ? DEMO_WORKER_NAME : names.next(), Employment.FULL_TIME,
						WorkerSource.COMMUNITY_STAFF, phone(random, phones), List.of(new GridRole(code, lead)), link));
			}
			int partTime = grid.type() == GridType.INDUSTRIAL_PARK ? 2 + random.nextInt(2) : random.nextInt(3);
			for (int i = 0; i < partTime; i++) {
				WorkerSource source = grid.type() == GridType.INDUSTRIAL_PARK ? WorkerSource.ENTERPRISE_EMPLOYEE
						: STREET_SOURCES.get(random.nextInt(STREET_SOURCES.size()));
				List<GridRole> served = new ArrayList<>(List.of(new GridRole(code, false)));
				boolean nextInSameCommunity = g + 1 < waihai.size()
						&& waihai.get(g + 1).communityCode().equals(grid.communityCode());
				if (source != WorkerSource.ENTERPRISE_EMPLOYEE && nextInSameCommunity && random.nextInt(4) == 0) {
					served.add(new GridRole(waihai.get(g + 1).code().value(), false));
				}
				Worker worker = hire(names.next(), Employment.PART_TIME, source, phone(random, phones), served, null);
				if (random.nextInt(25) == 0) {
					worker.suspend(clock.instant());
				}
				hired.add(worker);
			}
		}
		workers.saveAll(hired);
		for (Worker worker : hired) {
			boolean fullTime = worker.employment() == Employment.FULL_TIME;
			int trainings = fullTime ? 1 + random.nextInt(3) : random.nextInt(2);
			for (int t = 0; t < trainings; t++) {
				LocalDate date = today.minusDays(10 + random.nextInt(300));
				records.add(worker.train(Ids.newId(clock), TOPICS.get(t % TOPICS.size()), date, 2 + random.nextInt(7),
						PROVIDERS.get(t % PROVIDERS.size()), today, clock.instant()));
			}
			if (fullTime) {
				for (String period : lastQuarters(today, 2)) {
					records.add(worker.assess(Ids.newId(clock), period, 70 + random.nextInt(30), "外海街道综治中心",
							random.nextInt(3) == 0 ? "巡查到位，台账规范" : null, clock.instant()));
				}
			}
		}
		return hired.size();
	}

	private Worker hire(String name, Employment employment, WorkerSource source, String phone, List<GridRole> served,
			UserLink link) {
		return Worker.hire(Ids.newId(clock), name, employment, source, cipher.protect(phone, WorkPhone.FIELD), served, link,
				clock.instant());
	}

	private int placeBoards(List<GridInfo> waihai, Random random) {
		List<Board> placed = new ArrayList<>();
		GeometryFactory factory = new GeometryFactory();
		int sequence = 1;
		for (GridInfo grid : waihai) {
			Geometry boundary = grids.boundary(grid.code()).orElse(null);
			if (boundary == null || boundary.isEmpty()) {
				continue;
			}
			PreparedGeometry inside = PreparedGeometryFactory.prepare(boundary);
			Envelope box = boundary.getEnvelopeInternal();
			int count = 26 + random.nextInt(3);
			for (int i = 0; i < count; i++) {
				Coordinate point;
				do {
					point = new Coordinate(round(box.getMinX() + random.nextDouble() * box.getWidth()),
							round(box.getMinY() + random.nextDouble() * box.getHeight()));
				}
				while (!inside.containsProperly(factory.createPoint(point)));
				placed.add(new Board(Board.code(boardPrefix, sequence), sequence, grid.code().value(), point.x, point.y, 0));
				sequence++;
			}
		}
		boards.insertAll(placed, clock.instant());
		return placed.size();
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1e6) / 1e6;
	}

	private static String phone(Random random, Set<String> used) {
		String phone;
		do {
			phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
		}
		while (!used.add(phone));
		return phone;
	}

	/** The quarters before the current one, most recent last ({@code 2026-Q2}, {@code 2026-Q3}). */
	static List<String> lastQuarters(LocalDate today, int count) {
		List<String> periods = new ArrayList<>();
		LocalDate day = today.withDayOfMonth(1);
		for (int i = count; i >= 1; i--) {
			LocalDate quarter = day.minusMonths(3L * i);
			periods.add(quarter.getYear() + "-Q" + quarter.get(IsoFields.QUARTER_OF_YEAR));
		}
		return periods;
	}
}
