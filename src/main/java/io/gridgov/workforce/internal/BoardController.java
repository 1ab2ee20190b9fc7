package io.gridgov.workforce.internal;

import java.io.ByteArrayOutputStream;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.scope.CurrentActor;
import io.gridgov.workforce.internal.BoardViews.BoardView;
import io.gridgov.workforce.internal.BoardViews.PlaceBoardBody;

/** Notice boards of the actor's scope, their QR codes and printable PDFs. */
@RestController
@RequestMapping("/api/workforce/boards")
class BoardController {

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private final BoardService boards;

	BoardController(BoardService boards) {
		this.boards = boards;
	}

	@GetMapping
	Page<BoardView> list(@RequestParam(required = false) String gridCode,
			@RequestParam(required = false) String communityCode, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return boards.list(CurrentActor.require(), gridCode, communityCode, PageQuery.of(page, size));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('workers.manage')")
	ResponseEntity<BoardView> place(@RequestBody PlaceBoardBody body) {
		Board board = boards.place(body.gridCode(), body.location(), CurrentActor.require());
		return ResponseEntity.status(HttpStatus.CREATED).body(boards.view(board));
	}

	@GetMapping("/{code}/qr.png")
	ResponseEntity<byte[]> qrPng(@PathVariable String code) {
		Board board = boards.get(code, CurrentActor.require());
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(QrCodes.png(boards.publicUrl(board), 10));
	}

	@GetMapping("/{code}/qr.svg")
	ResponseEntity<String> qrSvg(@PathVariable String code) {
		Board board = boards.get(code, CurrentActor.require());
		return ResponseEntity.ok().contentType(SVG).body(QrCodes.svg(boards.publicUrl(board)));
	}

	@GetMapping("/{code}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code) {
		Board board = boards.get(code, CurrentActor.require());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		boards.pdf(board, out);
		return pdf(out, "notice-board-" + board.code() + ".pdf");
	}

	@GetMapping("/pdf")
	ResponseEntity<byte[]> communityPdf(@RequestParam String communityCode) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		boards.communityPdf(communityCode, CurrentActor.require(), out);
		return pdf(out, "notice-boards-" + communityCode + ".pdf");
	}

	private static ResponseEntity<byte[]> pdf(ByteArrayOutputStream out, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
			.body(out.toByteArray());
	}
}
