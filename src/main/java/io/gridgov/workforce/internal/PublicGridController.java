package io.gridgov.workforce.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.workforce.internal.BoardViews.PublicGrid;

/**
 * The page a notice board's QR code opens, without login: the grid, its community, and the names
 * and work phones of its active workers — exactly what the board itself publishes, nothing more.
 */
@RestController
class PublicGridController {

	private final BoardService boards;

	PublicGridController(BoardService boards) {
		this.boards = boards;
	}

	@GetMapping("/api/public/grids/{code}")
	PublicGrid grid(@PathVariable String code, @RequestParam(name = "b", required = false) String board) {
		return boards.publicPage(code, board);
	}
}
