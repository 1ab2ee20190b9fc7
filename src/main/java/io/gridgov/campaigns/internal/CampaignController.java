package io.gridgov.campaigns.internal;

import java.io.IOException;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.gridgov.campaigns.internal.CampaignViews.CampaignBody;
import io.gridgov.campaigns.internal.CampaignViews.CampaignView;
import io.gridgov.campaigns.internal.CampaignViews.CountView;
import io.gridgov.campaigns.internal.CampaignViews.FollowUpView;
import io.gridgov.campaigns.internal.CampaignViews.ListUploadView;
import io.gridgov.campaigns.internal.CampaignViews.TargetBody;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.CurrentActor;

/** Campaigns and their progress: reads with campaigns.read, writes with campaigns.manage. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

	private final CampaignService service;
	private final ProgressQuery progress;

	CampaignController(CampaignService service, ProgressQuery progress) {
		this.service = service;
		this.progress = progress;
	}

	@GetMapping
	Page<CampaignView> list(@RequestParam(required = false) CampaignStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return service.list(CurrentActor.require(), status, PageQuery.of(page, size));
	}

	@GetMapping("/{id}")
	CampaignView get(@PathVariable UUID id) {
		return service.get(id, CurrentActor.require());
	}

	@PostMapping("/preview-count")
	@PreAuthorize("hasAuthority('campaigns.manage')")
	CountView previewCount(@RequestBody TargetBody target) {
		return new CountView(service.previewCount(target, CurrentActor.require()));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('campaigns.manage')")
	CampaignView create(@RequestBody CampaignBody body) {
		return service.create(body, CurrentActor.require());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('campaigns.manage')")
	CampaignView revise(@PathVariable UUID id, @RequestBody CampaignBody body) {
		return service.revise(id, body, CurrentActor.require());
	}

	@PostMapping("/{id}/target-list")
	@PreAuthorize("hasAuthority('campaigns.manage')")
	ListUploadView uploadList(@PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "campaigns.list-empty");
		}
		return service.uploadList(id, file.getOriginalFilename(), file.getBytes(), CurrentActor.require());
	}

	@PostMapping("/{id}/start")
	@PreAuthorize("hasAuthority('campaigns.manage')")
	CampaignView start(@PathVariable UUID id) {
		return service.start(id, CurrentActor.require());
	}

	@PostMapping("/{id}/finish")
	@PreAuthorize("hasAuthority('campaigns.manage')")
	CampaignView finish(@PathVariable UUID id) {
		return service.finish(id, CurrentActor.require());
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize("hasAuthority('campaigns.manage')")
	CampaignView cancel(@PathVariable UUID id) {
		return service.cancel(id, CurrentActor.require());
	}

	@GetMapping("/{id}/progress")
	ProgressQuery.Summary summary(@PathVariable UUID id, @RequestParam(required = false) LocalDate day,
			@RequestParam(required = false) String within) {
		return progress.summary(id, CurrentActor.require(), day, within);
	}

	@GetMapping("/{id}/progress/by")
	List<ProgressQuery.Breakdown> by(@PathVariable UUID id, @RequestParam ProgressQuery.Level level,
			@RequestParam(required = false) LocalDate day, @RequestParam(required = false) String within) {
		return progress.by(id, CurrentActor.require(), level, day, within);
	}

	@GetMapping("/{id}/progress/pending")
	Page<FollowUpView> pending(@PathVariable UUID id, @RequestParam(required = false) LocalDate day,
			@RequestParam(required = false) String within, @RequestParam(required = false) UUID workerId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return progress.notYetFollowedUp(id, CurrentActor.require(), day, within, workerId, PageQuery.of(page, size));
	}
}
