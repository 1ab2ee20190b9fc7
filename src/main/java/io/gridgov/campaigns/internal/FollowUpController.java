package io.gridgov.campaigns.internal;

import java.time.LocalDate;
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

import io.gridgov.campaigns.internal.CampaignViews.FollowUpView;
import io.gridgov.campaigns.internal.CampaignViews.HomeServiceView;
import io.gridgov.campaigns.internal.CampaignViews.OutcomeBody;
import io.gridgov.campaigns.internal.CampaignViews.TodayView;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.scope.CurrentActor;

/** The grid worker's follow-ups and the grids' home-service tasks; recording needs campaigns.record. */
@RestController
@RequestMapping("/api/campaigns")
class FollowUpController {

	private final FollowUpService service;

	FollowUpController(FollowUpService service) {
		this.service = service;
	}

	@GetMapping("/followups/today")
	TodayView today(@RequestParam(required = false) LocalDate day, @RequestParam(required = false) UUID campaignId) {
		return service.today(CurrentActor.require(), day, campaignId);
	}

	@PutMapping("/followups/{id}/outcome")
	@PreAuthorize("hasAuthority('campaigns.record')")
	FollowUpView record(@PathVariable UUID id, @RequestBody OutcomeBody body) {
		return service.record(id, body, CurrentActor.require());
	}

	@GetMapping("/home-service")
	Page<HomeServiceView> homeService(@RequestParam(required = false) String status,
			@RequestParam(required = false) String gridCode, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return service.homeService(CurrentActor.require(), status, gridCode, PageQuery.of(page, size));
	}

	@PostMapping("/home-service/{id}/done")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('campaigns.record')")
	void homeServiceDone(@PathVariable UUID id) {
		service.homeServiceDone(id, CurrentActor.require());
	}
}
