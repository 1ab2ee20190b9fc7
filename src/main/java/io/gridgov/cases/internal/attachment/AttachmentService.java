package io.gridgov.cases.internal.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.platform.Ids;
import io.gridgov.platform.audit.AuditOutcome;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.files.FileStorage;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;

/**
 * Case photos: stores an upload after checking it is a JPEG, PNG or WebP image by its content,
 * with a thumbnail and a metadata-free public copy beside it; links uploads to a case inside the
 * caller's transaction; opens the files; purges uploads left unlinked. Who may see a photo is
 * decided by the web layer with {@link CaseAccess}; this service checks only ownership of
 * unlinked uploads when they are linked.
 */
@Service
@EnableConfigurationProperties(AttachmentLimits.class)
public class AttachmentService {

	static final String RECORD_TYPE = "case-attachment";
	private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);
	private static final int PURGE_BATCH = 500;

	private final AttachmentStore store;
	private final FileStorage files;
	private final ImageProcessor images;
	private final AttachmentLimits limits;
	private final AuditTrail audit;
	private final Clock clock;
	private final TransactionTemplate transaction;

	AttachmentService(AttachmentStore store, FileStorage files, AttachmentLimits limits, AuditTrail audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.files = files;
		this.images = new ImageProcessor(limits);
		this.limits = limits;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The largest upload accepted, in bytes ({@code gridgov.cases.attachments.max-bytes}). */
	public long maxBytes() {
		return limits.maxBytes().toBytes();
	}

	/**
	 * Stores an upload that is not yet part of a case. The type comes from the content; the
	 * declared type (from the browser, i.e. from the file name) is only noted in the audit entry.
	 * {@code uploaderUserId} is {@code null} for a resident's anonymous upload.
	 *
	 * @throws DomainException {@code cases.attachment-empty}, {@code cases.attachment-too-large}
	 * (over the byte or pixel limit), {@code cases.attachment-not-an-image}
	 */
	public Attachment store(InputStream content, String declaredContentType, UUID uploaderUserId) {
		return store(readAtMost(content), declaredContentType, uploaderUserId);
	}

	public Attachment store(byte[] content, String declaredContentType, UUID uploaderUserId) {
		ImageProcessor.Processed image = images.process(content);
		List<String> written = new ArrayList<>(3);
		try {
			String originalKey = remember(written, files.put(content));
			String thumbnailKey = remember(written, files.put(image.thumbnail()));
			String publicKey = remember(written, files.put(image.publicCopy()));
			Attachment attachment = new Attachment(Ids.newId(clock), null, image.type().contentType(), content.length,
					image.width(), image.height(), sha256(content), false, uploaderUserId, clock.instant(), null);
			transaction.executeWithoutResult(status -> {
				store.insert(new AttachmentStore.Row(attachment, originalKey, thumbnailKey, publicKey));
				audit.record(AuditRecord.success("CASE_ATTACHMENT_UPLOAD", RECORD_TYPE, attachment.id())
					.withDetail(auditDetail(attachment, declaredContentType)));
			});
			return attachment;
		}
		catch (RuntimeException e) {
			written.forEach(this::deleteQuietly);
			throw e;
		}
	}

	DomainException tooLarge() {
		return images.tooLarge();
	}

	public Optional<Attachment> find(UUID id) {
		return store.find(id).map(AttachmentStore.Row::attachment);
	}

	/** The photos of a case, oldest first. */
	public List<Attachment> ofCase(UUID caseId) {
		return store.ofCase(caseId).stream().map(AttachmentStore.Row::attachment).toList();
	}

	/**
	 * Links uploads to a case, in the caller's transaction (a refusal rolls the caller back).
	 * Each id must name an upload that is either unlinked and uploaded by {@code uploaderUserId}
	 * ({@code null}: uploaded anonymously, for a resident's report), or already linked to this same
	 * case (left as it is). Anything else — an unknown id, an upload of someone else, one linked
	 * to another case — is refused with {@code cases.attachment-unknown}, naming no owner.
	 *
	 * @return the attachments of the given ids, in the given order
	 */
	@Transactional
	public List<Attachment> linkToCase(UUID caseId, Collection<UUID> ids, boolean publicSafe, UUID uploaderUserId) {
		Objects.requireNonNull(caseId, "caseId");
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		Set<UUID> wanted = new LinkedHashSet<>(ids);
		if (wanted.contains(null)) {
			throw unknown(null);
		}
		Map<UUID, AttachmentStore.Row> rows = store.findAll(wanted)
			.stream()
			.collect(Collectors.toMap(row -> row.attachment().id(), Function.identity()));
		Instant now = clock.instant();
		List<Attachment> linked = new ArrayList<>(wanted.size());
		for (UUID id : wanted) {
			AttachmentStore.Row row = rows.get(id);
			if (row == null) {
				throw unknown(id);
			}
			Attachment attachment = row.attachment();
			if (caseId.equals(attachment.caseId())) {
				linked.add(attachment);
				continue;
			}
			if (attachment.linked() || !Objects.equals(attachment.uploadedBy(), uploaderUserId)
					|| !store.link(id, caseId, publicSafe, now)) {
				throw unknown(id);
			}
			linked.add(new Attachment(id, caseId, attachment.contentType(), attachment.sizeBytes(), attachment.width(),
					attachment.height(), attachment.sha256(), publicSafe, attachment.uploadedBy(),
					attachment.uploadedAt(), now));
		}
		return List.copyOf(linked);
	}

	/**
	 * Opens one file of a photo; the caller decides beforehand whether the reader may see it.
	 *
	 * @throws RecordNotFoundException when the photo or its file does not exist
	 */
	public AttachmentContent open(UUID id, Variant variant) {
		AttachmentStore.Row row = store.find(id).orElseThrow(() -> RecordNotFoundException.notFound(RECORD_TYPE, id));
		String key = row.key(variant);
		InputStream stream = files.open(key).orElseThrow(() -> RecordNotFoundException.notFound(RECORD_TYPE, id));
		long size = files.size(key).orElse(-1L);
		return new AttachmentContent(contentType(row.attachment(), variant), size, stream);
	}

	/**
	 * Deletes uploads never linked to a case within the retention
	 * ({@code gridgov.cases.attachments.unlinked-retention}, 24 h by default), rows first and then
	 * their files; safe to run on several instances at once.
	 *
	 * @return how many uploads were purged
	 */
	public int purgeUnlinked() {
		Instant cutoff = clock.instant().minus(limits.unlinkedRetention());
		int purged = 0;
		List<AttachmentStore.Row> batch;
		do {
			batch = store.unlinkedBefore(cutoff, PURGE_BATCH);
			for (AttachmentStore.Row row : batch) {
				if (store.deleteUnlinked(row.attachment().id())) {
					purged++;
					deleteQuietly(row.originalKey());
					deleteQuietly(row.thumbnailKey());
					deleteQuietly(row.publicKey());
				}
			}
		}
		while (batch.size() == PURGE_BATCH);
		if (purged > 0) {
			audit.record(new AuditRecord("CASE_ATTACHMENT_PURGE", RECORD_TYPE, null,
					AuditOutcome.SUCCESS, purged + " unlinked uploads older than " + cutoff));
		}
		return purged;
	}

	static String contentType(Attachment attachment, Variant variant) {
		return switch (variant) {
			case ORIGINAL -> attachment.contentType();
			case THUMBNAIL -> ImageType.JPEG.contentType();
			case PUBLIC -> ImageType.ofContentType(attachment.contentType())
				.map(type -> type.publicCopyType().contentType())
				.orElse(ImageType.JPEG.contentType());
		};
	}

	private byte[] readAtMost(InputStream content) {
		long max = limits.maxBytes().toBytes();
		try (InputStream in = content) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
			if (bytes.length > max) {
				throw images.tooLarge();
			}
			return bytes;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String remember(List<String> written, String key) {
		written.add(key);
		return key;
	}

	private void deleteQuietly(String key) {
		try {
			files.delete(key);
		}
		catch (RuntimeException e) {
			log.warn("Could not delete stored file {}", key, e);
		}
	}

	private static String auditDetail(Attachment attachment, String declaredContentType) {
		String detail = attachment.contentType() + ", " + attachment.sizeBytes() + " bytes, " + attachment.width() + "x"
				+ attachment.height();
		if (declaredContentType != null && !declaredContentType.isBlank()
				&& !declaredContentType.equalsIgnoreCase(attachment.contentType())) {
			String declared = declaredContentType.length() > 64 ? declaredContentType.substring(0, 64) : declaredContentType;
			detail += ", declared as " + declared;
		}
		return detail;
	}

	private static DomainException unknown(UUID id) {
		return new DomainException(ErrorKind.UNPROCESSABLE, "cases.attachment-unknown", String.valueOf(id));
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
