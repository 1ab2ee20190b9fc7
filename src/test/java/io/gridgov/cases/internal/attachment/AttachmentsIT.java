package io.gridgov.cases.internal.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.platform.files.FileStorage;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.ActorPrincipal;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class AttachmentsIT extends IntegrationTest {

	private static final String API = "/api/cases/attachments";
	private static final String PUBLIC_API = "/api/public/cases/attachments";

	@Autowired
	AttachmentService service;

	@Autowired
	FileStorage files;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theUploaderGetsTheirUploadBackWithSafeHeaders() {
		ApiClient gridworker = signedIn("gridworker");
		byte[] jpeg = TestImages.jpeg(640, 480);

		ApiClient.Response created = gridworker.postFile(API, "file", "photo.jpg", jpeg).expectStatus(201);
		JsonNode body = created.json();
		String id = body.path("id").asString();
		assertThat(body.path("contentType").asString()).isEqualTo("image/jpeg");
		assertThat(body.path("size").asLong()).isEqualTo(jpeg.length);
		assertThat(body.path("width").asInt()).isEqualTo(640);
		assertThat(body.path("height").asInt()).isEqualTo(480);
		assertThat(created.raw().headers().firstValue("Location")).contains(API + "/" + id);

		ApiClient.Response original = gridworker.get(API + "/" + id).expectStatus(200);
		assertThat(original.contentType()).isEqualTo("image/jpeg");
		assertThat(original.raw().headers().firstValue("Content-Length")).contains(String.valueOf(jpeg.length));
		assertThat(original.raw().headers().firstValue("Cache-Control").orElseThrow()).contains("private")
			.contains("max-age=3600")
			.doesNotContain("public");
		assertThat(original.raw().headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(original.raw().headers().firstValue("Content-Disposition")).contains("inline");

		ApiClient.Response thumbnail = gridworker.get(API + "/" + id + "/thumbnail").expectStatus(200);
		assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
	}

	@Test
	void anotherUsersUnlinkedUploadAnswersLikeAMissingOne() {
		String id = signedIn("gridworker").postFile(API, "file", "photo.png", TestImages.png(50, 50))
			.expectStatus(201)
			.json()
			.path("id")
			.asString();

		ApiClient command = signedIn("command");
		command.get(API + "/" + id).expectProblem(404, "record.not-found");
		command.get(API + "/" + id + "/thumbnail").expectProblem(404, "record.not-found");
		command.get(API + "/" + UUID.randomUUID()).expectProblem(404, "record.not-found");
		client().get(API + "/" + id).expectProblem(401, "auth.unauthenticated");
	}

	@Test
	void uploadingInTheSignedInAreaNeedsASignIn() {
		client().postFile(API, "file", "photo.jpg", TestImages.jpeg(10, 10)).expectProblem(401, "auth.unauthenticated");
	}

	@Test
	void aResidentUploadsAnonymouslyAndGetsOnlyTheId() {
		ApiClient resident = client();
		JsonNode body = resident.postFile(PUBLIC_API, "file", "IMG_0001.webp", TestImages.resource("lossless-1x1.webp"))
			.expectStatus(201)
			.json();

		assertThat(body.propertyNames()).containsExactly("id");
		UUID id = UUID.fromString(body.path("id").asString());
		Attachment stored = service.find(id).orElseThrow();
		assertThat(stored.uploadedBy()).isNull();
		assertThat(stored.contentType()).isEqualTo("image/webp");
		assertThat(stored.linked()).isFalse();
		assertThat(stored.publicSafe()).isFalse();
		// an anonymous upload is not served to anyone until it belongs to a case
		signedIn("command").get(API + "/" + id).expectProblem(404, "record.not-found");
	}

	@Test
	void aTextFileNamedLikeAPhotoIsRefusedByItsContent() {
		byte[] text = "not a photo at all".getBytes(StandardCharsets.UTF_8);
		JsonNode problem = signedIn("gridworker").language("en")
			.postFile(API, "file", "photo.jpg", text)
			.expectProblem(422, "cases.attachment-not-an-image");
		assertThat(problem.path("detail").asString()).contains("JPEG");
		client().postFile(PUBLIC_API, "file", "photo.png", text).expectProblem(422, "cases.attachment-not-an-image");
	}

	@Test
	void anEmptyOrMissingFileIsRefused() {
		ApiClient gridworker = signedIn("gridworker");
		gridworker.postFile(API, "file", "photo.jpg", new byte[0]).expectProblem(400, "cases.attachment-empty");
		gridworker.postFile(API, "other", "photo.jpg", TestImages.jpeg(10, 10)).expectProblem(400, "cases.attachment-empty");
	}

	@Test
	void aFileOverTenMegabytesIsRefusedAsTooLarge() {
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		big[0] = (byte) 0xFF;
		big[1] = (byte) 0xD8;
		big[2] = (byte) 0xFF;
		client().postFile(PUBLIC_API, "file", "big.jpg", big).expectProblem(413, "cases.attachment-too-large");
	}

	@Test
	void anUploadIsAudited() {
		String id = signedIn("gridworker").postFile(API, "file", "photo.jpg", TestImages.jpeg(20, 20))
			.expectStatus(201)
			.json()
			.path("id")
			.asString();

		assertThat(jdbc.sql("SELECT username FROM identity_audit_log WHERE action = 'CASE_ATTACHMENT_UPLOAD' AND record_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("gridworker");
	}

	@Test
	void aLinkedPhotoIsServedOnlyWhenTheCaseIsVisibleAndThePublicGetsOnlyTheMetadataFreeCopy() throws IOException {
		UUID gridworker = userId("gridworker");
		UUID caseId = UUID.randomUUID();
		byte[] original = TestImages.jpegWithExif(64, 48, 1);
		Attachment staffPhoto = service.store(original, "image/jpeg", gridworker);
		Attachment internalPhoto = service.store(TestImages.jpeg(30, 30), "image/jpeg", gridworker);
		service.linkToCase(caseId, List.of(staffPhoto.id()), true, gridworker);
		service.linkToCase(caseId, List.of(internalPhoto.id()), false, gridworker);
		Actor allowed = actor("allowed");
		AttachmentController controller = controllerWith(new StubCaseAccess(caseId, allowed, "ABCD-EFGH-JKMN"));

		signIn(allowed);
		byte[] served = bytes(controller.original(staffPhoto.id()));
		assertThat(served).isEqualTo(original);
		signIn(actor("other"));
		assertThatThrownBy(() -> controller.original(staffPhoto.id())).isInstanceOf(RecordNotFoundException.class);
		SecurityContextHolder.clearContext();

		ResponseEntity<Resource> publicCopy = controller.publicCopy("ABCD-EFGH-JKMN", staffPhoto.id());
		assertThat(publicCopy.getHeaders().getContentType()).hasToString("image/jpeg");
		byte[] shown = bytes(publicCopy);
		assertThat(TestImages.contains(shown, TestImages.GPS_LATITUDE)).isFalse();
		assertThat(TestImages.jpegMarkers(shown)).doesNotContain(0xE1);
		assertThat(bytes(controller.publicThumbnail("ABCD-EFGH-JKMN", staffPhoto.id()))).isNotEmpty();

		assertThatThrownBy(() -> controller.publicCopy("ABCD-EFGH-JKMN", internalPhoto.id()))
			.as("not public-safe")
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> controller.publicCopy("ZZZZ-ZZZZ-ZZZZ", staffPhoto.id())).as("another case's code")
			.isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void withoutACaseAccessImplementationLinkedPhotosAreServedToNobody() {
		UUID gridworker = userId("gridworker");
		Attachment photo = service.store(TestImages.png(10, 10), "image/png", gridworker);
		service.linkToCase(UUID.randomUUID(), List.of(photo.id()), true, gridworker);

		signedIn("gridworker").get(API + "/" + photo.id()).expectProblem(404, "record.not-found");
		client().get("/api/public/cases/ABCD-EFGH-JKMN/attachments/" + photo.id()).expectProblem(404, "record.not-found");
		client().get("/api/public/cases/not-a-code/attachments/" + photo.id()).expectProblem(404, "record.not-found");
	}

	@Test
	void aResidentsReportLinksOnlyAnonymousUploads() {
		UUID gridworker = userId("gridworker");
		Attachment anonymous = service.store(TestImages.png(10, 10), null, null);
		Attachment staff = service.store(TestImages.png(10, 10), null, gridworker);
		UUID caseId = UUID.randomUUID();

		assertUnknown(() -> service.linkToCase(caseId, List.of(staff.id()), true, null));
		List<Attachment> linked = service.linkToCase(caseId, List.of(anonymous.id()), true, null);

		assertThat(linked).singleElement().satisfies(a -> {
			assertThat(a.caseId()).isEqualTo(caseId);
			assertThat(a.publicSafe()).isTrue();
			assertThat(a.linkedAt()).isNotNull();
		});
		assertThat(service.ofCase(caseId)).extracting(Attachment::id).containsExactly(anonymous.id());
		assertThat(service.find(staff.id()).orElseThrow().linked()).isFalse();
	}

	@Test
	void aSignedInUserLinksOnlyTheirOwnUploads() {
		Attachment others = service.store(TestImages.png(10, 10), null, userId("command"));
		Attachment anonymous = service.store(TestImages.png(10, 10), null, null);

		assertUnknown(() -> service.linkToCase(UUID.randomUUID(), List.of(others.id()), false, userId("gridworker")));
		assertUnknown(() -> service.linkToCase(UUID.randomUUID(), List.of(anonymous.id()), false, userId("gridworker")));
		assertUnknown(() -> service.linkToCase(UUID.randomUUID(), List.of(UUID.randomUUID()), false, userId("gridworker")));
	}

	@Test
	void aPhotoBelongsToOneCaseOnly() {
		UUID gridworker = userId("gridworker");
		Attachment photo = service.store(TestImages.jpeg(10, 10), null, gridworker);
		UUID first = UUID.randomUUID();
		service.linkToCase(first, List.of(photo.id()), false, gridworker);

		assertUnknown(() -> service.linkToCase(UUID.randomUUID(), List.of(photo.id()), false, gridworker));
		assertThat(service.linkToCase(first, List.of(photo.id()), false, gridworker)).as("linking again to the same case")
			.extracting(Attachment::caseId)
			.containsExactly(first);
	}

	@Test
	void aRefusedLinkRollsBackTheCallersWholeTransaction() {
		UUID gridworker = userId("gridworker");
		Attachment good = service.store(TestImages.jpeg(10, 10), null, gridworker);
		UUID caseId = UUID.randomUUID();

		assertUnknown(() -> transactions.executeWithoutResult(status -> {
			service.linkToCase(caseId, List.of(good.id()), true, gridworker);
			service.linkToCase(caseId, List.of(UUID.randomUUID()), true, gridworker);
		}));
		assertUnknown(() -> service.linkToCase(caseId, List.of(good.id(), UUID.randomUUID()), true, gridworker));

		assertThat(service.find(good.id()).orElseThrow().linked()).isFalse();
		assertThat(service.ofCase(caseId)).isEmpty();
	}

	@Test
	void uploadsLeftUnlinkedForADayArePurgedWithTheirFiles() {
		UUID gridworker = userId("gridworker");
		Attachment stale = service.store(TestImages.jpeg(10, 10), null, null);
		Attachment staleButLinked = service.store(TestImages.jpeg(10, 10), null, gridworker);
		Attachment fresh = service.store(TestImages.jpeg(10, 10), null, null);
		service.linkToCase(UUID.randomUUID(), List.of(staleButLinked.id()), false, gridworker);
		Timestamp dayAgo = Timestamp.from(clock.instant().minus(Duration.ofHours(24)).minusSeconds(1));
		jdbc.sql("UPDATE cases_attachment SET uploaded_at = ? WHERE id IN (?, ?)")
			.params(dayAgo, stale.id(), staleButLinked.id())
			.update();
		List<String> staleKeys = keys(stale.id());

		assertThat(service.purgeUnlinked()).isGreaterThanOrEqualTo(1);

		assertThat(service.find(stale.id())).isEmpty();
		assertThat(staleKeys).noneMatch(files::exists);
		assertThat(service.find(staleButLinked.id())).isPresent();
		assertThat(service.find(fresh.id())).isPresent();
		assertThat(keys(fresh.id())).allMatch(files::exists);
	}

	@Test
	void theHourlyJobPurgesUploadsLeftUnlinkedAndIsScheduledOnceForTheCluster() {
		Attachment stale = service.store(TestImages.jpeg(10, 10), null, null);
		jdbc.sql("UPDATE cases_attachment SET uploaded_at = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant().minus(Duration.ofHours(25))), stale.id())
			.update();
		List<String> staleKeys = keys(stale.id());
		@SuppressWarnings("unchecked")
		com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> job = context
			.getBean("casesAttachmentsPurgeUnlinked", com.github.kagkarlsson.scheduler.task.helper.RecurringTask.class);

		job.execute(job.instance(com.github.kagkarlsson.scheduler.task.helper.RecurringTask.INSTANCE), null);

		assertThat(service.find(stale.id())).isEmpty();
		assertThat(staleKeys).noneMatch(files::exists);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?")
			.param(AttachmentJobs.PURGE_UNLINKED)
			.query(Long.class)
			.single()).as("the job is scheduled in the shared table, once").isEqualTo(1);
	}

	private List<String> keys(UUID id) {
		Map<String, Object> row = jdbc.sql("SELECT original_key, thumbnail_key, public_key FROM cases_attachment WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		return row.values().stream().map(String::valueOf).toList();
	}

	private UUID userId(String username) {
		return jdbc.sql("SELECT id FROM identity_user WHERE username = ?").param(username).query(UUID.class).single();
	}

	private static Actor actor(String name) {
		return new Actor(UUID.randomUUID(), name, java.util.Set.of("COMMAND_CENTRE"), RegionCode.of("440704003000"));
	}

	private static void signIn(Actor actor) {
		ActorPrincipal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
	}

	private AttachmentController controllerWith(CaseAccess access) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("caseAccess", access));
		return new AttachmentController(service, beans.getBeanProvider(CaseAccess.class));
	}

	private static byte[] bytes(ResponseEntity<Resource> response) throws IOException {
		try (InputStream in = response.getBody().getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static void assertUnknown(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
				e -> assertThat(e.code()).isEqualTo("cases.attachment-unknown"));
	}

	/** The case core's part, played by a stub: one case, one actor who may see it, one tracking code. */
	private record StubCaseAccess(UUID caseId, Actor allowed, String trackingCode) implements CaseAccess {

		@Override
		public boolean visibleTo(UUID id, Actor actor) {
			return caseId.equals(id) && allowed.userId().equals(actor.userId());
		}

		@Override
		public Optional<UUID> caseIdForTrackingCode(String code) {
			return trackingCode.equals(code) ? Optional.of(caseId) : Optional.empty();
		}
	}
}
