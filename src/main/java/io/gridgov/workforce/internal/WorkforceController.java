package io.gridgov.workforce.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.CurrentActor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.workforce.internal.WorkerViews.WorkerView;

/** The workers of one grid (the map's side panel) and the signed-in user's own worker record. */
@RestController
@RequestMapping("/api/workforce")
class WorkforceController {

	private final WorkerQuery query;

	WorkforceController(WorkerQuery query) {
		this.query = query;
	}

	@GetMapping("/grids/{code}/workers")
	List<WorkerView> ofGrid(@PathVariable String code) {
		return query.ofGrid(RegionCode.of(code), CurrentActor.require());
	}

	@GetMapping("/me")
	WorkerView me() {
		Actor actor = CurrentActor.require();
		return query.findByUser(actor.userId(), actor.scope())
			.orElseThrow(() -> new DomainException(ErrorKind.NOT_FOUND, "workforce.not-a-worker"));
	}
}
