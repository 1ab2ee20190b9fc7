package io.gridgov.campaigns.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.gridgov.registers.EnterpriseFlag;
import io.gridgov.registers.Residency;
import io.gridgov.registers.SubjectKind;

/** The JSON shapes of the campaigns API. */
final class CampaignViews {

	private CampaignViews() {
	}

	record TargetBody(TargetMode mode, SubjectKind kind, Set<String> tagCodes, Set<String> regionCodes,
			Residency residency, Set<EnterpriseFlag> enterpriseFlags) {
	}

	record ScheduleBody(ScheduleKind kind, LocalDate startDate, LocalDate endDate, Set<Integer> weekdays) {
	}

	record CampaignBody(String name, String description, TargetBody target, ScheduleBody schedule,
			OutcomeForm outcomeForm, Long version) {
	}

	record CampaignView(UUID id, String name, String description, String scopeCode, CampaignStatus status,
			TargetBody target, ScheduleBody schedule, OutcomeForm outcomeForm, int targetCount, int listEntries,
			LocalDate generatedThrough, Instant createdAt, String createdBy, Instant startedAt, Instant endedAt,
			long version) {
	}

	record CountView(long count) {
	}

	record ListRowProblem(int row, String value, String code, String message) {
	}

	record ListUploadView(int rows, int accepted, int unknown, List<ListRowProblem> problems) {
	}

	record FollowUpView(UUID id, UUID campaignId, String campaignName, LocalDate day, SubjectKind subjectKind,
			UUID subjectId, String subjectName, String gridCode, String gridName, UUID workerId, String workerName,
			String status, Map<String, Object> outcome, Instant recordedAt, String recordedBy) {
	}

	record OutcomeBody(Map<String, Object> values, Double latitude, Double longitude) {
	}

	record HomeServiceView(UUID id, UUID campaignId, String campaignName, UUID followUpId, SubjectKind subjectKind,
			UUID subjectId, String subjectName, String gridCode, String gridName, String note, String status,
			Instant createdAt, String createdBy, Instant doneAt, String doneBy) {
	}

	record TodayView(LocalDate day, List<FollowUpView> items, List<OutcomeFormOf> forms) {
	}

	record OutcomeFormOf(UUID campaignId, String campaignName, OutcomeForm form) {
	}
}
