package io.gridgov.campaigns.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.campaigns.internal.CampaignViews.CampaignBody;
import io.gridgov.campaigns.internal.CampaignViews.CampaignView;
import io.gridgov.campaigns.internal.CampaignViews.ListRowProblem;
import io.gridgov.campaigns.internal.CampaignViews.ListUploadView;
import io.gridgov.campaigns.internal.CampaignViews.ScheduleBody;
import io.gridgov.campaigns.internal.CampaignViews.TargetBody;
import io.gridgov.platform.Ids;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.personaldata.Masking;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.registers.Registers;
import io.gridgov.registers.Subject;
import io.gridgov.registers.SubjectKind;
import io.gridgov.registers.TargetCriteria;

/** Creating, editing, starting, finishing and cancelling campaigns, and their uploaded target lists. */
@Service
class CampaignService {

	static final String RECORD_TYPE = "campaign";

	private final CampaignStore store;
	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final Registers registers;
	private final AuditTrail audit;
	private final CampaignClock clock;
	private final FollowUpGenerator generator;
	private final MessageSource messages;
	private final TransactionTemplate transaction;

	CampaignService(CampaignStore store, JdbcClient jdbc, JdbcTemplate template, Registers registers, AuditTrail audit,
			CampaignClock clock, FollowUpGenerator generator, MessageSource messages, TransactionTemplate transaction) {
		this.transaction = transaction;
		this.store = store;
		this.jdbc = jdbc;
		this.template = template;
		this.registers = registers;
		this.audit = audit;
		this.clock = clock;
		this.generator = generator;
		this.messages = messages;
	}

	// ---- reads

	/** A campaign is visible when its area and the actor's scope overlap: the command centre sees its own, a grid worker those covering the grid. */
	static boolean visible(Campaign campaign, Actor actor) {
		return actor.scope().contains(campaign.scope()) || campaign.scope().contains(actor.scope());
	}

	Campaign visibleCampaign(UUID id, Actor actor) {
		Campaign campaign = store.find(id).orElseThrow(() -> RecordNotFoundException.notFound(RECORD_TYPE, id));
		if (!visible(campaign, actor)) {
			throw RecordNotFoundException.outOfScope(RECORD_TYPE, id);
		}
		return campaign;
	}

	/** A campaign the actor may manage: its area lies inside the actor's scope. */
	private Campaign managedCampaign(UUID id, Actor actor) {
		Campaign campaign = visibleCampaign(id, actor);
		if (!actor.scope().contains(campaign.scope())) {
			throw RecordNotFoundException.outOfScope(RECORD_TYPE, id);
		}
		return campaign;
	}

	Page<CampaignView> list(Actor actor, CampaignStatus status, PageQuery page) {
		StringBuilder where = new StringBuilder(" FROM campaigns_campaign WHERE (scope_code LIKE :inside OR scope_code IN (:above))");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("inside", actor.scope().likePattern());
		params.put("above", enclosing(actor.scope()));
		if (status != null) {
			where.append(" AND status = :status");
			params.put("status", status.name());
		}
		long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
		List<Campaign> rows = jdbc.sql("SELECT " + CampaignStore.COLUMNS + where
				+ " ORDER BY CASE status WHEN 'RUNNING' THEN 0 WHEN 'DRAFT' THEN 1 ELSE 2 END, created_at DESC, id"
				+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(store::map)
			.list();
		return Page.of(rows.stream().filter(c -> visible(c, actor)).map(this::view).toList(), page, total);
	}

	/** The codes of the regions that contain this one (itself excluded), up to the whole country. */
	static List<String> enclosing(RegionCode region) {
		List<String> codes = new ArrayList<>();
		String twelve = region.value().substring(0, 12);
		for (int length : new int[] { 0, 2, 4, 6, 9, 12 }) {
			String code = twelve.substring(0, length) + "0".repeat(12 - length);
			if (!code.equals(region.value()) && RegionCode.of(code).contains(region)) {
				codes.add(code);
			}
		}
		return codes.isEmpty() ? List.of("-") : codes;
	}

	CampaignView get(UUID id, Actor actor) {
		return view(visibleCampaign(id, actor));
	}

	CampaignView view(Campaign c) {
		TargetCriteria t = c.criteria();
		int entries = c.targetMode() == TargetMode.LIST ? jdbc
			.sql("SELECT COUNT(*) FROM campaigns_list_entry WHERE campaign_id = ?")
			.param(c.id())
			.query(Integer.class)
			.single() : 0;
		return new CampaignView(c.id(), c.name(), c.description(), c.scope().value(), c.status(),
				new TargetBody(c.targetMode(), t.kind(), t.tagCodes(),
						t.regions().stream().map(RegionCode::value).collect(Collectors.toCollection(java.util.TreeSet::new)),
						t.residency(), t.enterpriseFlags()),
				new ScheduleBody(c.schedule().kind(), c.schedule().startDate(), c.schedule().endDate(),
						c.schedule().weekdays().stream().map(DayOfWeek::getValue).collect(Collectors.toCollection(java.util.TreeSet::new))),
				c.form(), c.targetCount(), entries, c.generatedThrough(), c.createdAt(), c.createdBy(), c.startedAt(),
				c.endedAt(), c.version());
	}

	/** How many subjects the criteria select inside the actor's scope: the wizard's live count. */
	long previewCount(TargetBody target, Actor actor) {
		return registers.count(criteria(target, actor.scope()), actor.scope());
	}

	// ---- writes

	@Transactional
	CampaignView create(CampaignBody body, Actor actor) {
		Instant now = clock.clock().instant();
		Campaign campaign = Campaign.draft(Ids.newId(clock.clock()), body.name(), body.description(), actor.scope(),
				mode(body.target()), criteria(body.target(), actor.scope()), schedule(body.schedule()), form(body),
				now, actor.username());
		store.insert(campaign);
		audit.record(AuditRecord.success("CAMPAIGN_CREATE", RECORD_TYPE, campaign.id()));
		return view(store.find(campaign.id()).orElseThrow());
	}

	@Transactional
	CampaignView revise(UUID id, CampaignBody body, Actor actor) {
		Campaign campaign = managedCampaign(id, actor);
		if (body.version() == null) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.version-required");
		}
		if (body.version() != campaign.version()) {
			throw new DomainException(ErrorKind.CONFLICT, "campaigns.stale-version");
		}
		TargetMode mode = mode(body.target());
		campaign.revise(body.name(), body.description(), mode, criteria(body.target(), campaign.scope()),
				schedule(body.schedule()), form(body));
		store.update(campaign);
		if (mode != TargetMode.LIST) {
			jdbc.sql("DELETE FROM campaigns_list_entry WHERE campaign_id = ?").param(id).update();
		}
		audit.record(AuditRecord.success("CAMPAIGN_UPDATE", RECORD_TYPE, id));
		return view(store.find(id).orElseThrow());
	}

	/**
	 * Replaces the draft's target list with the subjects the file's identifiers resolve to inside the
	 * campaign's area; rows that match nobody there are reported with their masked value.
	 */
	@Transactional
	ListUploadView uploadList(UUID id, String filename, byte[] content, Actor actor) {
		Campaign campaign = managedCampaign(id, actor);
		campaign.requireStatus(CampaignStatus.DRAFT);
		if (campaign.targetMode() != TargetMode.LIST) {
			throw new DomainException(ErrorKind.CONFLICT, "campaigns.not-a-list");
		}
		List<TargetListFile.Line> lines = TargetListFile.read(filename, content);
		SubjectKind kind = campaign.criteria().kind();
		Set<UUID> accepted = new LinkedHashSet<>();
		List<ListRowProblem> problems = new ArrayList<>();
		for (TargetListFile.Line line : lines) {
			Optional<Subject> subject = registers.findByIdentifier(kind, line.value())
				.filter(s -> campaign.scope().contains(s.grid()));
			if (subject.isPresent()) {
				accepted.add(subject.get().id());
			}
			else {
				problems.add(new ListRowProblem(line.row(), Masking.idNumber(line.value()), "campaigns.list-row-unknown",
						messages.getMessage("campaigns.list-row-unknown", new Object[0], LocaleContextHolder.getLocale())));
			}
		}
		jdbc.sql("DELETE FROM campaigns_list_entry WHERE campaign_id = ?").param(id).update();
		template.batchUpdate("INSERT INTO campaigns_list_entry (campaign_id, subject_kind, subject_id) VALUES (?, ?, ?)",
				accepted.stream().map(s -> new Object[] { id, kind.name(), s }).toList());
		audit.record(AuditRecord.success("CAMPAIGN_TARGET_LIST", RECORD_TYPE, id)
			.withDetail(accepted.size() + " accepted, " + problems.size() + " unknown"));
		return new ListUploadView(lines.size(), accepted.size(), problems.size(), problems);
	}

	/** Freezes the target list (subjects with their grid at this moment), starts the campaign and writes today's list when due. */
	CampaignView start(UUID id, Actor actor) {
		LocalDate today = clock.today();
		transaction.executeWithoutResult(status -> startInTransaction(id, actor, today));
		generator.generate(id, today);
		return view(store.find(id).orElseThrow());
	}

	private void startInTransaction(UUID id, Actor actor, LocalDate today) {
		Campaign campaign = managedCampaign(id, actor);
		campaign.requireStatus(CampaignStatus.DRAFT);
		List<Subject> subjects = campaign.targetMode() == TargetMode.CRITERIA
				? registers.select(campaign.criteria(), campaign.scope())
				: listed(campaign);
		campaign.start(clock.clock().instant(), today, subjects.size());
		freeze(id, subjects);
		store.update(campaign);
		audit.record(AuditRecord.success("CAMPAIGN_START", RECORD_TYPE, id).withDetail(subjects.size() + " targets"));
	}

	void freeze(UUID id, List<Subject> subjects) {
		template.batchUpdate("INSERT INTO campaigns_target (campaign_id, subject_kind, subject_id, subject_name, grid_code)"
				+ " VALUES (?, ?, ?, ?, ?)",
				subjects.stream()
					.map(s -> new Object[] { id, s.kind().name(), s.id(), truncate(s.name()), s.grid().value() })
					.toList());
	}

	private static String truncate(String name) {
		return name == null ? "" : name.length() > 200 ? name.substring(0, 200) : name;
	}

	private List<Subject> listed(Campaign campaign) {
		List<Subject> subjects = new ArrayList<>();
		jdbc.sql("SELECT subject_kind, subject_id FROM campaigns_list_entry WHERE campaign_id = ?")
			.param(campaign.id())
			.query((rs, n) -> registers.find(SubjectKind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class)))
			.list()
			.forEach(found -> found.filter(s -> campaign.scope().contains(s.grid())).ifPresent(subjects::add));
		return subjects;
	}

	@Transactional
	CampaignView finish(UUID id, Actor actor) {
		Campaign campaign = managedCampaign(id, actor);
		campaign.finish(clock.clock().instant());
		store.update(campaign);
		audit.record(AuditRecord.success("CAMPAIGN_FINISH", RECORD_TYPE, id));
		return view(store.find(id).orElseThrow());
	}

	@Transactional
	CampaignView cancel(UUID id, Actor actor) {
		Campaign campaign = managedCampaign(id, actor);
		campaign.cancel(clock.clock().instant());
		store.update(campaign);
		audit.record(AuditRecord.success("CAMPAIGN_CANCEL", RECORD_TYPE, id));
		return view(store.find(id).orElseThrow());
	}

	// ---- binding

	private static TargetMode mode(TargetBody target) {
		if (target == null || target.kind() == null) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.target-required");
		}
		return target.mode() == null ? TargetMode.CRITERIA : target.mode();
	}

	/** The criteria of the body; every region must be a valid code inside the scope. */
	static TargetCriteria criteria(TargetBody target, RegionCode scope) {
		mode(target);
		Set<RegionCode> regions = new LinkedHashSet<>();
		for (String code : target.regionCodes() == null ? Set.<String>of() : target.regionCodes()) {
			if (!RegionCode.isValid(code) || !scope.contains(RegionCode.of(code))) {
				throw new DomainException(ErrorKind.INVALID, "campaigns.region-invalid", String.valueOf(code));
			}
			regions.add(RegionCode.of(code));
		}
		return new TargetCriteria(target.kind(), target.tagCodes(), regions, target.residency(),
				target.enterpriseFlags());
	}

	static Schedule schedule(ScheduleBody body) {
		if (body == null) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.schedule-required");
		}
		Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
		for (Integer day : body.weekdays() == null ? Set.<Integer>of() : body.weekdays()) {
			if (day == null || day < 1 || day > 7) {
				throw new DomainException(ErrorKind.INVALID, "campaigns.weekdays-required");
			}
			weekdays.add(DayOfWeek.of(day));
		}
		return new Schedule(body.kind(), body.startDate(), body.endDate(), weekdays);
	}

	private static OutcomeForm form(CampaignBody body) {
		return body.outcomeForm() == null ? OutcomeForm.standard() : body.outcomeForm();
	}
}
