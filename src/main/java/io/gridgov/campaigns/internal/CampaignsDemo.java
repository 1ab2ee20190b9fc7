package io.gridgov.campaigns.internal;

import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.geo.WaihaiDemo;
import io.gridgov.platform.Ids;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.registers.Registers;
import io.gridgov.registers.Subject;
import io.gridgov.registers.SubjectKind;
import io.gridgov.registers.TargetCriteria;
import io.gridgov.workforce.GridStaff;
import io.gridgov.workforce.StaffMember;
import tools.jackson.databind.json.JsonMapper;

/**
 * The article's campaigns on the Waihai demo, from a fixed seed: travellers (返乡人员) checked
 * daily, residents asked daily about their status, and enterprise employees — each targeting the
 * residents the registers demo tagged so, running for the last {@code history-days} days with the
 * outcomes of every past day recorded (most checked, some missed with a reason, a few left pending
 * and so overdue, a few needing a home visit) and today's list half done. The figures the progress
 * page shows are computed from these rows.
 */
@Component
@Order(70)
class CampaignsDemo implements ApplicationRunner {

	static final long SEED = 20221027L + 7;
	private static final Logger log = LoggerFactory.getLogger(CampaignsDemo.class);
	private static final List<String> REASONS = List.of("电话无人接听", "外出务工未返回", "住院治疗中", "走访时家中无人",
			"本人拒绝配合", "已临时离开本网格");
	private static final int BATCH = 5_000;

	record Spec(String name, String description, String tag) {
	}

	static final List<Spec> SPECS = List.of(
			new Spec("返乡人员每日核查", "对返乡人员每日询问健康和出行状况，未核查的须记录原因。", "TRAVELLER"),
			new Spec("社区居民每日询问", "对重点关注居民每日电话或上门询问近况，行动不便的安排上门服务。", "DAILY_CHECK"),
			new Spec("企业员工跟踪随访", "对园区企业员工每日跟踪随访。", "ENTERPRISE_EMPLOYEE"));

	private final boolean enabled;
	private final int historyDays;
	private final Registers registers;
	private final GridStaff staff;
	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate transaction;
	private final CampaignClock clock;
	private final JsonMapper json;

	CampaignsDemo(@Value("${gridgov.demo.enabled:false}") boolean enabled,
			@Value("${gridgov.campaigns.demo.history-days:14}") int historyDays, Registers registers, GridStaff staff,
			JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction, CampaignClock clock, JsonMapper json) {
		this.enabled = enabled;
		this.historyDays = historyDays;
		this.registers = registers;
		this.staff = staff;
		this.jdbc = jdbc;
		this.template = template;
		this.transaction = transaction;
		this.clock = clock;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || jdbc.sql("SELECT COUNT(*) FROM campaigns_campaign").query(Long.class).single() > 0) {
			return;
		}
		long started = System.nanoTime();
		long cpu = processCpuNanos();
		Random random = new Random(SEED);
		int followUps = 0;
		int campaigns = 0;
		for (Spec spec : SPECS) {
			TargetCriteria criteria = new TargetCriteria(SubjectKind.RESIDENT, Set.of(spec.tag()), Set.of(), null, Set.of());
			List<Subject> subjects = registers.select(criteria, WaihaiDemo.WAIHAI);
			if (subjects.isEmpty()) {
				log.info("No residents tagged {} in the registers; demo campaign {} skipped", spec.tag(), spec.name());
				continue;
			}
			Integer written = transaction.execute(status -> load(spec, criteria, subjects, random));
			followUps += written == null ? 0 : written;
			campaigns++;
		}
		log.info("Loaded {} demo campaigns with {} follow-ups in {} ms ({} ms CPU of the process)", campaigns, followUps,
				(System.nanoTime() - started) / 1_000_000, (processCpuNanos() - cpu) / 1_000_000);
	}

	private int load(Spec spec, TargetCriteria criteria, List<Subject> subjects, Random random) {
		LocalDate today = clock.today();
		LocalDate start = today.minusDays(historyDays - 1L);
		Instant startedAt = start.atTime(LocalTime.of(8, 0)).atZone(clock.zone()).toInstant();
		UUID id = Ids.newId(clock.clock());
		Campaign campaign = new Campaign(id, spec.name(), spec.description(), WaihaiDemo.WAIHAI, CampaignStatus.RUNNING,
				TargetMode.CRITERIA, criteria, Schedule.daily(start, null), OutcomeForm.standard(), subjects.size(), today,
				startedAt.minusSeconds(3600), "command", startedAt, null, 0);
		jdbc.sql("INSERT INTO campaigns_campaign (" + CampaignStore.COLUMNS + ") VALUES (?, ?, ?, ?, 'RUNNING', 'CRITERIA',"
				+ " 'RESIDENT', ?, NULL, NULL, NULL, 'DAILY', ?, NULL, NULL, ?, ?, ?, ?, 'command', ?, NULL, 0)")
			.params(id, campaign.name(), campaign.description(), WaihaiDemo.WAIHAI.value(), spec.tag(), start,
					json.writeValueAsString(campaign.form()), subjects.size(), today,
					Timestamp.from(campaign.createdAt()), Timestamp.from(startedAt))
			.update();
		batches("INSERT INTO campaigns_target (campaign_id, subject_kind, subject_id, subject_name, grid_code)"
				+ " VALUES (?, ?, ?, ?, ?)",
				subjects.stream().map(s -> new Object[] { id, s.kind().name(), s.id(), s.name(), s.grid().value() }).toList());
		Map<RegionCode, Optional<StaffMember>> responsible = new HashMap<>();
		List<Object[]> rows = new ArrayList<>(BATCH);
		List<Object[]> homeService = new ArrayList<>();
		int written = 0;
		boolean visits = spec.tag().equals("DAILY_CHECK");
		for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
			boolean isToday = day.equals(today);
			for (Subject subject : subjects) {
				Optional<StaffMember> worker = responsible.computeIfAbsent(subject.grid(), staff::leadOf);
				UUID followUp = Ids.newId(clock.clock());
				int roll = random.nextInt(1000);
				String status;
				String reason = null;
				boolean home = false;
				if (isToday ? roll < 520 : roll < 935) {
					status = "DONE";
					home = visits && random.nextInt(isToday ? 800 : 2500) == 0;
				}
				else if (isToday ? roll < 550 : roll < 985) {
					status = "MISSED";
					reason = REASONS.get(random.nextInt(REASONS.size()));
				}
				else {
					status = "PENDING";
				}
				Timestamp recordedAt = status.equals("PENDING") ? null
						: Timestamp.from(day.atTime(9 + random.nextInt(9), random.nextInt(60)).atZone(clock.zone()).toInstant());
				String outcome = switch (status) {
					case "DONE" -> home ? "{\"CHECKED\":true,\"NEEDS_HOME_SERVICE\":true,\"NOTE\":\"行动不便，需上门\"}"
							: "{\"CHECKED\":true}";
					case "MISSED" -> "{\"CHECKED\":false,\"REASON_MISSED\":\"" + reason + "\"}";
					default -> null;
				};
				String by = worker.isPresent() && recordedAt != null ? worker.get().name() : null;
				rows.add(new Object[] { followUp, id, Date.valueOf(day), subject.kind().name(), subject.id(), subject.name(),
						subject.grid().value(), worker.map(StaffMember::workerId).orElse(null),
						worker.map(StaffMember::name).orElse(null), status,
						status.equals("PENDING") ? null : status.equals("DONE"), reason, status.equals("PENDING") ? null : home,
						outcome, recordedAt, by });
				if (home) {
					boolean done = !isToday && random.nextBoolean();
					homeService.add(new Object[] { Ids.newId(clock.clock()), id, followUp, subject.kind().name(),
							subject.id(), subject.name(), subject.grid().value(), "行动不便，需上门", done ? "DONE" : "OPEN",
							recordedAt, by, done ? Timestamp.from(recordedAt.toInstant().plusSeconds(86_400)) : null,
							done ? by : null });
				}
				if (rows.size() == BATCH) {
					written += insertFollowUps(rows);
					rows.clear();
				}
			}
		}
		written += insertFollowUps(rows);
		batches("INSERT INTO campaigns_home_service_task (id, campaign_id, followup_id, subject_kind, subject_id,"
				+ " subject_name, grid_code, note, status, created_at, created_by, done_at, done_by)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", homeService);
		return written;
	}

	private int insertFollowUps(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return 0;
		}
		template.batchUpdate("INSERT INTO campaigns_followup (id, campaign_id, due_day, subject_kind, subject_id,"
				+ " subject_name, grid_code, worker_id, worker_name, status, checked, reason_missed, needs_home_service,"
				+ " outcome, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		return rows.size();
	}

	private void batches(String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			template.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
		}
	}

	/** CPU time of the whole process (the database engine's threads, the JIT and the collector included). */
	private static long processCpuNanos() {
		return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : 0;
	}
}
