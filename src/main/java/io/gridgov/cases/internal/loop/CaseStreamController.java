package io.gridgov.cases.internal.loop;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.gridgov.platform.scope.CurrentActor;

/** The live queue over Server-Sent Events: event {@code case}, data a case summary. */
@RestController
class CaseStreamController {

	private final CaseStream stream;

	CaseStreamController(CaseStream stream) {
		this.stream = stream;
	}

	@GetMapping(path = "/api/cases/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream() {
		return stream.subscribe(CurrentActor.require());
	}
}
