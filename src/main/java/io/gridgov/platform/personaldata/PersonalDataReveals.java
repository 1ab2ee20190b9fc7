package io.gridgov.platform.personaldata;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.platform.audit.AuditOutcome;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/**
 * Shows a personal data value in full: only to an actor holding {@value #AUTHORITY}, only with a
 * stated reason, and always with an audit entry {@value #ACTION} naming the record and the reason
 * (never the value).
 */
@Component
public class PersonalDataReveals {

	public static final String AUTHORITY = "personaldata.reveal";
	public static final String ACTION = "PERSONAL_DATA_REVEAL";
	public static final int MIN_REASON = 2;
	public static final int MAX_REASON = 200;

	private final PersonalDataCipher cipher;
	private final AuditTrail audit;

	PersonalDataReveals(PersonalDataCipher cipher, AuditTrail audit) {
		this.cipher = cipher;
		this.audit = audit;
	}

	@Transactional
	public String reveal(String stored, String field, String recordType, Object recordId, String reason) {
		if (!mayReveal()) {
			audit.record(new AuditRecord(ACTION, recordType, String.valueOf(recordId), AuditOutcome.DENIED,
					"field " + field + ": role does not permit revealing personal data"));
			throw new DomainException(ErrorKind.FORBIDDEN, "security.forbidden");
		}
		String trimmed = checkedReason(reason);
		String plain = cipher.decrypt(stored, field);
		audit.record(AuditRecord.success(ACTION, recordType, recordId).withDetail("field " + field + "; reason: " + trimmed));
		return plain;
	}

	/**
	 * Allows an export of {@code count} records with their personal data in full: the same
	 * authority and reason as a single reveal, audited once for the export. Answers the reason.
	 */
	@Transactional
	public String revealInExport(String recordType, long count, String reason) {
		if (!mayReveal()) {
			audit.record(new AuditRecord(ACTION, recordType, null, AuditOutcome.DENIED,
					"export: role does not permit revealing personal data"));
			throw new DomainException(ErrorKind.FORBIDDEN, "security.forbidden");
		}
		String trimmed = checkedReason(reason);
		audit.record(AuditRecord.success(ACTION, recordType, null).withDetail("export of " + count + " records; reason: " + trimmed));
		return trimmed;
	}

	private static String checkedReason(String reason) {
		String trimmed = reason == null ? "" : reason.strip();
		if (trimmed.length() < MIN_REASON || trimmed.length() > MAX_REASON) {
			throw new DomainException(ErrorKind.INVALID, "personal-data.reason-required", MIN_REASON, MAX_REASON);
		}
		return trimmed;
	}

	private static boolean mayReveal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
	}
}
