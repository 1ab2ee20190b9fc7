package io.gridgov.registers.internal;

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
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.CurrentActor;
import io.gridgov.registers.Residency;
import io.gridgov.registers.ResidentStatus;
import io.gridgov.registers.internal.ResidentService.Revealable;
import io.gridgov.registers.internal.ResidentViews.ResidentBody;
import io.gridgov.registers.internal.ResidentViews.ResidentView;
import io.gridgov.registers.internal.ResidentViews.RevealBody;
import io.gridgov.registers.internal.ResidentViews.Revealed;
import io.gridgov.registers.internal.ResidentViews.StatusBody;

/** Residents: reads with registers.read in scope, writes with registers.manage, reveals with personaldata.reveal. */
@RestController
@RequestMapping("/api/registers/residents")
class ResidentController {

	private final ResidentService service;
	private final ResidentQuery query;
	private final ResidentStore store;

	ResidentController(ResidentService service, ResidentQuery query, ResidentStore store) {
		this.service = service;
		this.query = query;
		this.store = store;
	}

	@GetMapping
	Page<ResidentView> list(@RequestParam(required = false) String gridCode, @RequestParam(required = false) String q,
			@RequestParam(required = false) String tag, @RequestParam(required = false) Residency residency,
			@RequestParam(required = false) ResidentStatus status, @RequestParam(required = false) UUID householdId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return query.list(CurrentActor.require(), new ResidentQuery.Filter(gridCode, q, tag, residency, status, householdId),
				PageQuery.of(page, size));
	}

	@GetMapping("/{id}")
	ResidentView one(@PathVariable UUID id) {
		return query.view(service.load(id, CurrentActor.require()));
	}

	@GetMapping("/{id}/history")
	List<ResidentStore.StatusChange> history(@PathVariable UUID id) {
		service.load(id, CurrentActor.require());
		return store.history(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('registers.manage')")
	ResidentView register(@RequestBody ResidentBody body) {
		Actor actor = CurrentActor.require();
		return query.view(service.load(service.register(body.input(), actor), actor));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('registers.manage')")
	ResidentView revise(@PathVariable UUID id, @RequestBody ResidentBody body) {
		Actor actor = CurrentActor.require();
		service.revise(id, body.input(), body.version(), actor);
		return query.view(service.load(id, actor));
	}

	@PostMapping("/{id}/status")
	@PreAuthorize("hasAuthority('registers.manage')")
	ResidentView changeStatus(@PathVariable UUID id, @RequestBody StatusBody body) {
		Actor actor = CurrentActor.require();
		service.changeStatus(id, body.status(), body.reason(), body.version(), actor);
		return query.view(service.load(id, actor));
	}

	@PostMapping("/{id}/id-number/reveal")
	@PreAuthorize("hasAuthority('personaldata.reveal')")
	Revealed revealIdNumber(@PathVariable UUID id, @RequestBody RevealBody body) {
		return new Revealed(service.reveal(id, Revealable.ID_NUMBER, body.reason(), CurrentActor.require()));
	}

	@PostMapping("/{id}/phone/reveal")
	@PreAuthorize("hasAuthority('personaldata.reveal')")
	Revealed revealPhone(@PathVariable UUID id, @RequestBody RevealBody body) {
		return new Revealed(service.reveal(id, Revealable.PHONE, body.reason(), CurrentActor.require()));
	}
}
