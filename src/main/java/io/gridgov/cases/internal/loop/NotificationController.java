package io.gridgov.cases.internal.loop;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.scope.CurrentActor;

/** The signed-in user's case notifications (dispatched to them, supervised, due soon, overdue …). */
@RestController
@RequestMapping("/api/cases/notifications")
class NotificationController {

	private final NotificationInbox inbox;

	NotificationController(NotificationInbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	Page<NotificationInbox.NotificationView> list(@RequestParam(required = false) boolean unread,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return inbox.list(unread, PageQuery.of(page, size), CurrentActor.require());
	}

	@PostMapping("/{id}/read")
	ResponseEntity<Void> read(@PathVariable UUID id) {
		inbox.markRead(id, CurrentActor.require());
		return ResponseEntity.noContent().build();
	}
}
