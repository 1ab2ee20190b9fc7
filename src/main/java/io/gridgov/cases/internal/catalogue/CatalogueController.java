package io.gridgov.cases.internal.catalogue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.cases.RoutingProposal;
import io.gridgov.cases.internal.catalogue.CatalogueViews.ClassView;
import io.gridgov.cases.internal.catalogue.CatalogueViews.DepartmentBody;
import io.gridgov.cases.internal.catalogue.CatalogueViews.DepartmentView;
import io.gridgov.cases.internal.catalogue.CatalogueViews.LeafBody;
import io.gridgov.cases.internal.catalogue.CatalogueViews.LeafView;
import io.gridgov.cases.internal.catalogue.CatalogueViews.ProposalView;
import io.gridgov.cases.internal.catalogue.CatalogueViews.RuleBody;
import io.gridgov.cases.internal.catalogue.CatalogueViews.RuleView;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.CurrentActor;
import io.gridgov.platform.scope.RegionCode;

/** Departments, the category tree and routing rules: read with grids.read, changed with cases.configure. */
@RestController
@RequestMapping("/api/cases/catalogue")
class CatalogueController {

	private final CatalogueService service;

	CatalogueController(CatalogueService service) {
		this.service = service;
	}

	@GetMapping("/departments")
	List<DepartmentView> departments() {
		return service.departments(CurrentActor.require()).stream().map(DepartmentView::of).toList();
	}

	@GetMapping("/departments/{id}")
	DepartmentView department(@PathVariable UUID id) {
		return DepartmentView.of(service.department(id, CurrentActor.require()));
	}

	@PostMapping("/departments")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('cases.configure')")
	DepartmentView createDepartment(@RequestBody DepartmentBody body) {
		Actor actor = CurrentActor.require();
		Department created = service.createDepartment(body.code(), body.name(), region(body.regionCode()),
				!Boolean.FALSE.equals(body.active()), actor);
		return DepartmentView.of(service.department(created.id(), actor));
	}

	@PutMapping("/departments/{id}")
	@PreAuthorize("hasAuthority('cases.configure')")
	DepartmentView reviseDepartment(@PathVariable UUID id, @RequestBody DepartmentBody body) {
		Actor actor = CurrentActor.require();
		service.reviseDepartment(id, body.name(), region(body.regionCode()), !Boolean.FALSE.equals(body.active()),
				body.version(), actor);
		return DepartmentView.of(service.department(id, actor));
	}

	@DeleteMapping("/departments/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('cases.configure')")
	void deleteDepartment(@PathVariable UUID id, @RequestParam(required = false) Long version) {
		service.deleteDepartment(id, version, CurrentActor.require());
	}

	@GetMapping("/categories")
	List<ClassView> tree() {
		List<Category> all = service.categories();
		Map<String, List<LeafView>> leaves = all.stream()
			.filter(category -> !category.isClass())
			.collect(Collectors.groupingBy(Category::parentCode, Collectors.mapping(LeafView::of, Collectors.toList())));
		return all.stream()
			.filter(Category::isClass)
			.map(c -> new ClassView(c.code(), c.name(), c.nameEn(), leaves.getOrDefault(c.code(), List.of())))
			.toList();
	}

	@GetMapping("/categories/{code}")
	LeafView leaf(@PathVariable String code) {
		Category category = service.category(code);
		if (category.isClass()) {
			throw RecordNotFoundException.notFound(CatalogueService.CATEGORY, code);
		}
		return LeafView.of(category);
	}

	@PostMapping("/categories")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('cases.configure')")
	LeafView createLeaf(@RequestBody LeafBody body) {
		Category leaf = service.createLeaf(body.classCode(), body.code(), body.terms());
		return LeafView.of(service.category(leaf.code()));
	}

	@PutMapping("/categories/{code}")
	@PreAuthorize("hasAuthority('cases.configure')")
	LeafView reviseLeaf(@PathVariable String code, @RequestBody LeafBody body) {
		service.reviseLeaf(code, body.terms(), body.version());
		return LeafView.of(service.category(code));
	}

	@GetMapping("/routing-rules")
	List<RuleView> rules() {
		return service.rules(CurrentActor.require()).stream().map(RuleView::of).toList();
	}

	@GetMapping("/routing-rules/{id}")
	RuleView rule(@PathVariable UUID id) {
		return RuleView.of(service.rule(id, CurrentActor.require()));
	}

	@PostMapping("/routing-rules")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('cases.configure')")
	RuleView createRule(@RequestBody RuleBody body) {
		Actor actor = CurrentActor.require();
		RoutingRule rule = service.createRule(body.categoryCode(), region(body.regionCode()),
				body.target() == null ? null : body.target().target(), body.priority(), body.note(), actor);
		return RuleView.of(service.rule(rule.id(), actor));
	}

	@PutMapping("/routing-rules/{id}")
	@PreAuthorize("hasAuthority('cases.configure')")
	RuleView reviseRule(@PathVariable UUID id, @RequestBody RuleBody body) {
		Actor actor = CurrentActor.require();
		service.reviseRule(id, body.categoryCode(), region(body.regionCode()),
				body.target() == null ? null : body.target().target(), body.priority(), body.note(), body.version(), actor);
		return RuleView.of(service.rule(id, actor));
	}

	@DeleteMapping("/routing-rules/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('cases.configure')")
	void deleteRule(@PathVariable UUID id, @RequestParam(required = false) Long version) {
		service.deleteRule(id, version, CurrentActor.require());
	}

	@GetMapping("/routing-proposal")
	ProposalView proposal(@RequestParam(required = false) String category, @RequestParam(required = false) String region) {
		Actor actor = CurrentActor.require();
		RegionCode where = region(region);
		if (!actor.canSee(where)) {
			throw RecordNotFoundException.outOfScope("region", where.value());
		}
		RoutingProposal proposal = service.propose(category, where);
		String departmentName = service.departmentByCode(proposal.target().departmentCode())
			.map(Department::name)
			.orElse(null);
		RuleView rule = proposal.byDefault() ? null : RuleView.of(service.rule(proposal.ruleId(), actor));
		return new ProposalView(category, where.value(), proposal.target(), departmentName, proposal.byDefault(), rule);
	}

	private static RegionCode region(String code) {
		if (code == null || code.isBlank()) {
			throw new DomainException(ErrorKind.INVALID, "cases.region-required");
		}
		return RegionCode.of(code);
	}
}
