package io.gridgov.workforce.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.CurrentActor;
import io.gridgov.workforce.internal.WorkerService.HireWorker;
import io.gridgov.workforce.internal.WorkerService.ReviseWorker;
import io.gridgov.workforce.internal.WorkerViews.AssessmentBody;
import io.gridgov.workforce.internal.WorkerViews.AssessmentView;
import io.gridgov.workforce.internal.WorkerViews.GridRoleBody;
import io.gridgov.workforce.internal.WorkerViews.HireBody;
import io.gridgov.workforce.internal.WorkerViews.RevealBody;
import io.gridgov.workforce.internal.WorkerViews.RevealedPhone;
import io.gridgov.workforce.internal.WorkerViews.ReviseBody;
import io.gridgov.workforce.internal.WorkerViews.TrainingBody;
import io.gridgov.workforce.internal.WorkerViews.TrainingView;
import io.gridgov.workforce.internal.WorkerViews.WorkerView;

/** Grid workers, their trainings and assessments; reads for every role with workers.read, writes for workers.manage. */
@RestController
@RequestMapping("/api/workforce/workers")
class WorkerController {

	private final WorkerService service;
	private final WorkerQuery query;
	private final WorkerRecords records;

	WorkerController(WorkerService service, WorkerQuery query, WorkerRecords records) {
		this.service = service;
		this.query = query;
		this.records = records;
	}

	@GetMapping
	Page<WorkerView> list(@RequestParam(required = false) String gridCode, @RequestParam(required = false) String q,
			@RequestParam(required = false) Employment employment, @RequestParam(required = false) WorkerSource source,
			@RequestParam(required = false) WorkerStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return query.list(CurrentActor.require(), new WorkerQuery.Filter(gridCode, q, employment, source, status),
				PageQuery.of(page, size));
	}

	@GetMapping("/{id}")
	WorkerView one(@PathVariable UUID id) {
		return view(id, CurrentActor.require());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('workers.manage')")
	WorkerView hire(@RequestBody HireBody body) {
		Actor actor = CurrentActor.require();
		UUID id = service.hire(new HireWorker(body.name(), body.employment(), body.source(), body.phone(),
				roles(body.grids()), body.username()), actor);
		return view(id, actor);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('workers.manage')")
	WorkerView revise(@PathVariable UUID id, @RequestBody ReviseBody body) {
		Actor actor = CurrentActor.require();
		if (body.version() == null) {
			throw new DomainException(ErrorKind.INVALID, "workforce.version-required");
		}
		service.revise(id, new ReviseWorker(body.name(), body.employment(), body.source(), body.status(), body.phone(),
				roles(body.grids()), body.username(), body.version()), actor);
		return view(id, actor);
	}

	@PostMapping("/{id}/phone/reveal")
	@PreAuthorize("hasAuthority('personaldata.reveal')")
	RevealedPhone reveal(@PathVariable UUID id, @RequestBody RevealBody body) {
		return new RevealedPhone(service.revealPhone(id, body.reason(), CurrentActor.require()));
	}

	@GetMapping("/{id}/trainings")
	List<TrainingView> trainings(@PathVariable UUID id) {
		Worker worker = service.load(id, CurrentActor.require());
		return records.trainings(worker.id()).stream().map(TrainingView::of).toList();
	}

	@PostMapping("/{id}/trainings")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('workers.manage')")
	TrainingView train(@PathVariable UUID id, @RequestBody TrainingBody body) {
		return TrainingView.of(service.train(id, body.topic(), body.date(), body.hours(), body.provider(),
				CurrentActor.require()));
	}

	@GetMapping("/{id}/assessments")
	List<AssessmentView> assessments(@PathVariable UUID id) {
		Worker worker = service.load(id, CurrentActor.require());
		return records.assessments(worker.id()).stream().map(AssessmentView::of).toList();
	}

	@PostMapping("/{id}/assessments")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('workers.manage')")
	AssessmentView assess(@PathVariable UUID id, @RequestBody AssessmentBody body) {
		return AssessmentView.of(service.assess(id, body.period(), body.score(), body.assessor(), body.note(),
				CurrentActor.require()));
	}

	private WorkerView view(UUID id, Actor actor) {
		return query.get(id, actor);
	}

	private static List<GridRole> roles(List<GridRoleBody> grids) {
		return grids == null ? List.of() : grids.stream().map(g -> new GridRole(g.code(), g.lead())).toList();
	}
}
