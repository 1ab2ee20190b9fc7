package io.gridgov.cases.internal.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.CurrentActor;

/**
 * Case photos over HTTP. Signed-in users upload under {@code /api/cases/attachments} and see an
 * unlinked upload only when it is theirs, a linked one only when {@link CaseAccess} lets them see
 * its case; residents upload under {@code /api/public/cases/attachments} and see, with the
 * tracking code of the case, only the public copy of a photo marked public-safe. Every other
 * request answers 404, exactly like a missing photo.
 */
@RestController
class AttachmentController {

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();

	private final AttachmentService service;
	private final ObjectProvider<CaseAccess> caseAccess;

	AttachmentController(AttachmentService service, ObjectProvider<CaseAccess> caseAccess) {
		this.service = service;
		this.caseAccess = caseAccess;
	}

	record Uploaded(UUID id, String contentType, long size, int width, int height) {
	}

	record PublicUploaded(UUID id) {
	}

	@PostMapping(path = "/api/cases/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Uploaded> upload(@RequestParam(name = "file", required = false) MultipartFile file) {
		Actor actor = CurrentActor.require();
		Attachment stored = store(file, actor.userId());
		return ResponseEntity.created(URI.create("/api/cases/attachments/" + stored.id()))
			.body(new Uploaded(stored.id(), stored.contentType(), stored.sizeBytes(), stored.width(), stored.height()));
	}

	@GetMapping("/api/cases/attachments/{id}")
	ResponseEntity<Resource> original(@PathVariable UUID id) {
		return serve(visibleToActor(id), Variant.ORIGINAL);
	}

	@GetMapping("/api/cases/attachments/{id}/thumbnail")
	ResponseEntity<Resource> thumbnail(@PathVariable UUID id) {
		return serve(visibleToActor(id), Variant.THUMBNAIL);
	}

	@PostMapping(path = "/api/public/cases/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<PublicUploaded> publicUpload(@RequestParam(name = "file", required = false) MultipartFile file) {
		Attachment stored = store(file, null);
		return ResponseEntity.status(201).body(new PublicUploaded(stored.id()));
	}

	@GetMapping("/api/public/cases/{trackingCode}/attachments/{id}")
	ResponseEntity<Resource> publicCopy(@PathVariable String trackingCode, @PathVariable UUID id) {
		return serve(visibleWithTrackingCode(trackingCode, id), Variant.PUBLIC);
	}

	@GetMapping("/api/public/cases/{trackingCode}/attachments/{id}/thumbnail")
	ResponseEntity<Resource> publicThumbnail(@PathVariable String trackingCode, @PathVariable UUID id) {
		return serve(visibleWithTrackingCode(trackingCode, id), Variant.THUMBNAIL);
	}

	private Attachment store(MultipartFile file, UUID uploader) {
		if (file == null || file.isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "cases.attachment-empty");
		}
		if (file.getSize() > service.maxBytes()) {
			// refused before a byte is read; the service counts the bytes again
			throw service.tooLarge();
		}
		try {
			return service.store(file.getInputStream(), file.getContentType(), uploader);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An unlinked upload to its uploader; a linked one when the actor may see its case. */
	private Attachment visibleToActor(UUID id) {
		Actor actor = CurrentActor.require();
		Attachment attachment = service.find(id)
			.orElseThrow(() -> RecordNotFoundException.notFound(AttachmentService.RECORD_TYPE, id));
		CaseAccess access = caseAccess.getIfAvailable();
		boolean visible = attachment.linked() ? access != null && access.visibleTo(attachment.caseId(), actor)
				: actor.userId() != null && actor.userId().equals(attachment.uploadedBy());
		if (!visible) {
			throw RecordNotFoundException.outOfScope(AttachmentService.RECORD_TYPE, id);
		}
		return attachment;
	}

	/** A public-safe photo of the case that the tracking code names; the code is the resident's key. */
	private Attachment visibleWithTrackingCode(String trackingCode, UUID id) {
		Optional<UUID> caseId = caseOfTrackingCode(trackingCode);
		return service.find(id)
			.filter(attachment -> attachment.publicSafe() && caseId.isPresent() && caseId.get().equals(attachment.caseId()))
			.orElseThrow(() -> RecordNotFoundException.notFound(AttachmentService.RECORD_TYPE, id));
	}

	private Optional<UUID> caseOfTrackingCode(String trackingCode) {
		CaseAccess access = caseAccess.getIfAvailable();
		if (access == null) {
			return Optional.empty();
		}
		try {
			return access.caseIdForTrackingCode(trackingCode);
		}
		catch (DomainException malformed) {
			// a malformed code answers like an unknown one: 404, telling nothing
			return Optional.empty();
		}
	}

	private ResponseEntity<Resource> serve(Attachment attachment, Variant variant) {
		AttachmentContent content = service.open(attachment.id(), variant);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.contentType()))
			.cacheControl(CACHE)
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString());
		if (content.size() >= 0) {
			response.contentLength(content.size());
		}
		return response.body(new InputStreamResource(content.stream()));
	}
}
