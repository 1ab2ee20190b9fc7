package io.gridgov.workforce.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the workforce API. */
final class WorkerViews {

	private WorkerViews() {
	}

	record WorkerView(UUID id, String name, Employment employment, WorkerSource source, WorkerStatus status,
			String phoneMasked, List<GridView> grids, String username, long version) {
	}

	record GridView(String code, String name, boolean lead) {
	}

	record GridRoleBody(String code, boolean lead) {
	}

	record HireBody(String name, Employment employment, WorkerSource source, String phone, List<GridRoleBody> grids,
			String username) {
	}

	record ReviseBody(String name, Employment employment, WorkerSource source, WorkerStatus status, String phone,
			List<GridRoleBody> grids, String username, Long version) {
	}

	record RevealBody(String reason) {
	}

	record RevealedPhone(String phone) {
	}

	record TrainingView(UUID id, String topic, LocalDate date, double hours, String provider) {

		static TrainingView of(Training training) {
			return new TrainingView(training.id(), training.topic(), training.date(), training.hours(),
					training.provider());
		}
	}

	record TrainingBody(String topic, LocalDate date, Double hours, String provider) {
	}

	record AssessmentView(UUID id, String period, int score, String assessor, String note) {

		static AssessmentView of(Assessment assessment) {
			return new AssessmentView(assessment.id(), assessment.period(), assessment.score(), assessment.assessor(),
					assessment.note());
		}
	}

	record AssessmentBody(String period, Integer score, String assessor, String note) {
	}
}
