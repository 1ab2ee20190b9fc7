package io.gridgov.registers.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
import io.gridgov.platform.personaldata.Masking;
import io.gridgov.platform.personaldata.PersonalDataCipher;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.CurrentActor;
import io.gridgov.registers.EnterpriseFlag;
import io.gridgov.registers.internal.ResidentViews.RevealBody;
import io.gridgov.registers.internal.ResidentViews.Revealed;

/** Enterprises of the register: reads in scope, writes with registers.manage; the contact phone leaves masked. */
@RestController
@RequestMapping("/api/registers/enterprises")
class EnterpriseController {

	record EnterpriseView(UUID id, String name, String creditCode, String address, Double longitude, Double latitude,
			String gridCode, String gridName, String industry, Integer employeeCount, String contactName,
			String contactPhoneMasked, Set<EnterpriseFlag> flags, long version, Instant updatedAt) {
	}

	record EnterpriseBody(String name, String creditCode, String address, String gridCode, Double longitude,
			Double latitude, String industry, Integer employeeCount, String contactName, String contactPhone,
			Set<EnterpriseFlag> flags, Long version) {

		EnterpriseInput input() {
			return new EnterpriseInput(name, creditCode, address, gridCode, longitude, latitude, industry, employeeCount,
					contactName, contactPhone, flags);
		}
	}

	private final EnterpriseService service;
	private final EnterpriseStore store;
	private final PersonalDataCipher cipher;
	private final GridNames gridNames;

	EnterpriseController(EnterpriseService service, EnterpriseStore store, PersonalDataCipher cipher, GridNames gridNames) {
		this.service = service;
		this.store = store;
		this.cipher = cipher;
		this.gridNames = gridNames;
	}

	@GetMapping
	Page<EnterpriseView> list(@RequestParam(required = false) String gridCode, @RequestParam(required = false) String q,
			@RequestParam(required = false) EnterpriseFlag flag, @RequestParam(required = false) String industry,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageQuery paging = PageQuery.of(page, size);
		Map<String, Object> params = new LinkedHashMap<>();
		String where = store.where(CurrentActor.require().scope(), new EnterpriseStore.Filter(gridCode, q, flag, industry),
				params, cipher::hash);
		long total = store.count(where, params);
		return Page.of(store.page(where, params, paging.size(), paging.offset()).stream().map(this::view).toList(), paging,
				total);
	}

	@GetMapping("/{id}")
	EnterpriseView one(@PathVariable UUID id) {
		return view(service.load(id, CurrentActor.require()));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('registers.manage')")
	EnterpriseView register(@RequestBody EnterpriseBody body) {
		Actor actor = CurrentActor.require();
		return view(service.load(service.register(body.input(), actor), actor));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('registers.manage')")
	EnterpriseView revise(@PathVariable UUID id, @RequestBody EnterpriseBody body) {
		Actor actor = CurrentActor.require();
		service.revise(id, body.input(), body.version(), actor);
		return view(service.load(id, actor));
	}

	@PostMapping("/{id}/phone/reveal")
	@PreAuthorize("hasAuthority('personaldata.reveal')")
	Revealed revealPhone(@PathVariable UUID id, @RequestBody RevealBody body) {
		return new Revealed(service.revealPhone(id, body.reason(), CurrentActor.require()));
	}

	EnterpriseView view(EnterpriseStore.Row r) {
		return new EnterpriseView(r.id(), r.name(), r.creditCode(), r.address(), r.longitude(), r.latitude(), r.gridCode(),
				gridNames.name(r.gridCode()), r.industry(), r.employeeCount(), r.contactName(),
				r.contactPhoneCipher() == null ? null
						: Masking.phone(cipher.decrypt(r.contactPhoneCipher(), MobilePhone.CONTACT_FIELD)),
				r.flags(), r.version(), r.updatedAt());
	}

}
