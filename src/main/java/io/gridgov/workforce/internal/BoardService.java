package io.gridgov.workforce.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.geo.GridInfo;
import io.gridgov.geo.GridLocator;
import io.gridgov.geo.Grids;
import io.gridgov.geo.Regions;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.scope.RegionLevel;
import io.gridgov.workforce.internal.BoardPdf.BoardPage;
import io.gridgov.workforce.internal.BoardViews.BoardView;
import io.gridgov.workforce.internal.BoardViews.BoardWorker;
import io.gridgov.workforce.internal.BoardViews.Location;
import io.gridgov.workforce.internal.BoardViews.PublicGrid;
import io.gridgov.workforce.internal.BoardViews.PublicWorker;
import io.gridgov.workforce.internal.WorkerQuery.PublishedWorker;

/** Notice boards: listing, placing, their QR codes and printable PDFs, and the public grid page they lead to. */
@Service
class BoardService {

	static final String RECORD_TYPE = "notice-board";

	private final BoardStore boards;
	private final WorkerQuery workers;
	private final Grids grids;
	private final Regions regions;
	private final GridLocator locator;
	private final AuditTrail audit;
	private final Clock clock;
	private final String publicUrl;
	private final String prefix;

	BoardService(BoardStore boards, WorkerQuery workers, Grids grids, Regions regions, GridLocator locator,
			AuditTrail audit, Clock clock, @Value("${gridgov.public-url}") String publicUrl,
			@Value("${gridgov.workforce.board-prefix:WH}") String prefix) {
		this.boards = boards;
		this.workers = workers;
		this.grids = grids;
		this.regions = regions;
		this.locator = locator;
		this.audit = audit;
		this.clock = clock;
		this.publicUrl = publicUrl;
		this.prefix = prefix;
	}

	@Transactional(readOnly = true)
	Page<BoardView> list(Actor actor, String gridCode, String communityCode, PageQuery page) {
		List<RegionCode> filter = new ArrayList<>(List.of(actor.scope()));
		if (gridCode != null && !gridCode.isBlank()) {
			filter.add(RegionCode.of(gridCode.strip()));
		}
		if (communityCode != null && !communityCode.isBlank()) {
			filter.add(RegionCode.of(communityCode.strip()));
		}
		List<Board> found = boards.within(filter, page);
		return Page.of(views(found), page, boards.countWithin(filter));
	}

	@Transactional(readOnly = true)
	Board get(String code, Actor actor) {
		Board board = boards.find(code).orElseThrow(() -> RecordNotFoundException.notFound(RECORD_TYPE, code));
		if (!actor.canSee(RegionCode.of(board.gridCode()))) {
			throw RecordNotFoundException.outOfScope(RECORD_TYPE, code);
		}
		return board;
	}

	@Transactional(readOnly = true)
	BoardView view(Board board) {
		return views(List.of(board)).get(0);
	}

	@Transactional
	Board place(String gridCode, Location location, Actor actor) {
		if (location == null) {
			throw new DomainException(ErrorKind.INVALID, "workforce.location-invalid");
		}
		RegionCode grid = visibleGrid(gridCode, actor).code();
		Board board = Board.place(prefix, boards.nextSequence(), grid, location.lon(), location.lat(), locator);
		boards.insert(board, clock.instant());
		audit.record(AuditRecord.success("BOARD_CREATE", RECORD_TYPE, board.code()));
		return board;
	}

	String publicUrl(Board board) {
		return board.publicUrl(publicUrl);
	}

	@Transactional
	void pdf(Board board, OutputStream out) {
		audit.record(AuditRecord.success("BOARD_PDF_EXPORT", RECORD_TYPE, board.code()));
		BoardPdf.write(pages(List.of(board)), out);
	}

	@Transactional
	void communityPdf(String communityCode, Actor actor, OutputStream out) {
		RegionCode community = RegionCode.of(communityCode);
		if (community.level() != RegionLevel.COMMUNITY) {
			throw new DomainException(ErrorKind.INVALID, "workforce.community-invalid", communityCode);
		}
		regions.get(community, actor);
		List<Board> all = boards.within(List.of(actor.scope(), community), null);
		audit.record(AuditRecord.success("BOARD_PDF_EXPORT", "community", community.value())
			.withDetail(all.size() + " boards"));
		BoardPdf.write(pages(all), out);
	}

	/** The public page of a grid; counts one scan when {@code boardCode} names a board of this grid. */
	@Transactional
	PublicGrid publicPage(String gridCode, String boardCode) {
		RegionCode code = RegionCode.of(gridCode);
		GridInfo grid = (code.level() == RegionLevel.GRID ? grids.find(code) : Optional.<GridInfo>empty())
			.orElseThrow(() -> RecordNotFoundException.notFound("grid", gridCode));
		boolean scanned = boardCode != null && !boardCode.isBlank() && boards.countScan(boardCode.strip(), code.value());
		List<PublicWorker> published = workers.published(List.of(code.value()))
			.getOrDefault(code.value(), List.of())
			.stream()
			.map(w -> new PublicWorker(w.name(), w.workPhone(), w.lead()))
			.toList();
		return new PublicGrid(code.value(), grid.name(), grid.communityName(), published,
				scanned ? boardCode.strip() : null);
	}

	private GridInfo visibleGrid(String gridCode, Actor actor) {
		boolean isGrid = RegionCode.isValid(gridCode) && RegionCode.of(gridCode).level() == RegionLevel.GRID;
		return (isGrid ? grids.find(RegionCode.of(gridCode)) : Optional.<GridInfo>empty())
			.filter(grid -> actor.canSee(grid.code()))
			.orElseThrow(() -> new DomainException(ErrorKind.INVALID, "workforce.grid-unknown", String.valueOf(gridCode)));
	}

	private List<BoardView> views(List<Board> found) {
		Map<String, List<PublishedWorker>> published = workers.published(gridsOf(found));
		GridDirectory directory = new GridDirectory(grids);
		return found.stream()
			.map(board -> new BoardView(board.code(), board.gridCode(), directory.name(board.gridCode()),
					new Location(board.longitude(), board.latitude()),
					published.getOrDefault(board.gridCode(), List.of())
						.stream()
						.map(w -> new BoardWorker(w.name(), w.lead()))
						.toList(),
					board.publicUrl(publicUrl), board.scans()))
			.toList();
	}

	private List<BoardPage> pages(List<Board> found) {
		Map<String, List<PublishedWorker>> published = workers.published(gridsOf(found));
		GridDirectory directory = new GridDirectory(grids);
		return found.stream().map(board -> {
			GridInfo grid = directory.find(board.gridCode()).orElse(null);
			return new BoardPage(board.code(), grid == null ? board.gridCode() : grid.name(),
					grid == null ? "" : grid.communityName(), published.getOrDefault(board.gridCode(), List.of()),
					board.publicUrl(publicUrl));
		}).toList();
	}

	private static List<String> gridsOf(List<Board> found) {
		return List.copyOf(new LinkedHashSet<>(found.stream().map(Board::gridCode).toList()));
	}
}
