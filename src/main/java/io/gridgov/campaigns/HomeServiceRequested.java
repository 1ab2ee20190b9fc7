package io.gridgov.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/**
 * A grid worker found during a follow-up that someone needs a home visit (上门服务): a
 * home-service task was opened for the grid. The case loop may turn it into a case.
 *
 * @param subjectKind {@code RESIDENT}, {@code HOUSEHOLD} or {@code ENTERPRISE} (the registers' subject kind)
 */
public record HomeServiceRequested(UUID taskId, UUID campaignId, String campaignName, UUID followUpId,
		String subjectKind, UUID subjectId, String subjectName, RegionCode grid, LocalDate day, String note,
		Instant requestedAt, String requestedBy) {
}
