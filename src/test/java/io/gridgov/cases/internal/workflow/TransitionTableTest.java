package io.gridgov.cases.internal.workflow;

import static io.gridgov.cases.internal.workflow.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.gridgov.cases.CaseAction;
import io.gridgov.cases.CaseStatus;
import io.gridgov.platform.problem.RecordNotFoundException;

/**
 * Every (status × action × actor) combination against a table written out here, independently of
 * the production policy: an allowed move that should be refused, or the reverse, fails.
 */
class TransitionTableTest {

	/** status, action, who may (CC command centre, DEPT assigned department, GW grid worker of the grid), target. */
	private static final String EXPECTED = """
			REPORTED    ACCEPT             CC      ACCEPTED
			REPORTED    REJECT             CC      REJECTED
			REPORTED    MERGE              CC      MERGED
			REPORTED    SOLVE_ON_THE_SPOT  GW      HANDLED
			REPORTED    SUPERVISE          CC      REPORTED
			REPORTED    ASSIGN_GRID        CC      REPORTED
			ACCEPTED    DISPATCH           CC      DISPATCHED
			ACCEPTED    SUPERVISE          CC      ACCEPTED
			ACCEPTED    ASSIGN_GRID        CC      ACCEPTED
			DISPATCHED  START              DEPT    IN_PROGRESS
			DISPATCHED  RETURN             DEPT    RETURNED
			DISPATCHED  SUPERVISE          CC      DISPATCHED
			RETURNED    REDISPATCH         CC      DISPATCHED
			RETURNED    SUPERVISE          CC      RETURNED
			IN_PROGRESS HANDLE             DEPT    HANDLED
			IN_PROGRESS REQUEST_EXTENSION  DEPT    IN_PROGRESS
			IN_PROGRESS APPROVE_EXTENSION  CC      IN_PROGRESS
			IN_PROGRESS SUPERVISE          CC      IN_PROGRESS
			HANDLED     VERIFY_PASS        CC,GW   VERIFIED
			HANDLED     VERIFY_FAIL        CC,GW   REWORK
			HANDLED     SUPERVISE          CC      HANDLED
			REWORK      RESUME             DEPT    IN_PROGRESS
			REWORK      REQUEST_EXTENSION  DEPT    REWORK
			REWORK      APPROVE_EXTENSION  CC      REWORK
			REWORK      SUPERVISE          CC      REWORK
			VERIFIED    CLOSE              CC      CLOSED
			""";

	/** The actions a signed-in actor asks for; the rest are recorded by intake, the watcher or a resident. */
	private static final List<CaseAction> ACTOR_ACTIONS = List.of(CaseAction.ACCEPT, CaseAction.REJECT,
			CaseAction.MERGE, CaseAction.DISPATCH, CaseAction.START, CaseAction.RETURN, CaseAction.REDISPATCH,
			CaseAction.HANDLE, CaseAction.SOLVE_ON_THE_SPOT, CaseAction.VERIFY_PASS, CaseAction.VERIFY_FAIL,
			CaseAction.RESUME, CaseAction.CLOSE, CaseAction.REQUEST_EXTENSION, CaseAction.APPROVE_EXTENSION,
			CaseAction.SUPERVISE, CaseAction.ASSIGN_GRID);

	private static final Set<CaseAction> NOT_ASKED_BY_AN_ACTOR = EnumSet.of(CaseAction.REPORT, CaseAction.RATE,
			CaseAction.MARK_DUE_SOON, CaseAction.MARK_OVERDUE);

	private static final Map<String, CaseActor> PROFILES = Map.of("CC", COMMAND_CENTRE, "DEPT", ASSIGNED_DEPARTMENT,
			"OTHER_DEPT", OTHER_DEPARTMENT, "GW", GRID_WORKER, "OTHER_GW", OTHER_GRID_WORKER, "OUT_OF_SCOPE",
			OUT_OF_SCOPE_COMMAND_CENTRE);

	private static final Map<CaseStatus, Function<StepClockHolder, CaseFile>> FIXTURES = Map.ofEntries(
			Map.entry(CaseStatus.REPORTED, h -> reportedCase(h.clock)),
			Map.entry(CaseStatus.ACCEPTED, h -> acceptedCase(h.clock)),
			Map.entry(CaseStatus.REJECTED, h -> rejectedCase(h.clock)),
			Map.entry(CaseStatus.MERGED, h -> mergedCase(h.clock)),
			Map.entry(CaseStatus.DISPATCHED, h -> dispatchedCase(h.clock)),
			Map.entry(CaseStatus.RETURNED, h -> returnedCase(h.clock)),
			Map.entry(CaseStatus.IN_PROGRESS, h -> inProgressCase(h.clock)),
			Map.entry(CaseStatus.HANDLED, h -> handledCase(h.clock)),
			Map.entry(CaseStatus.VERIFIED, h -> verifiedCase(h.clock)),
			Map.entry(CaseStatus.REWORK, h -> reworkCase(h.clock)),
			Map.entry(CaseStatus.CLOSED, h -> closedCase(h.clock)));

	private record StepClockHolder(StepClock clock) {
	}

	private record Expectation(Set<String> who, CaseStatus to) {
	}

	private static Map<String, Expectation> expected() {
		Map<String, Expectation> table = new HashMap<>();
		EXPECTED.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
			String[] cells = line.split("\\s+");
			table.put(cells[0] + " " + cells[1],
					new Expectation(Set.of(cells[2].split(",")), CaseStatus.valueOf(cells[3])));
		});
		return table;
	}

	static Stream<Arguments> everyCombination() {
		List<Arguments> combinations = new ArrayList<>();
		for (CaseStatus status : CaseStatus.values()) {
			for (CaseAction action : ACTOR_ACTIONS) {
				for (String profile : PROFILES.keySet().stream().sorted().toList()) {
					combinations.add(Arguments.of(status, action, profile));
				}
			}
		}
		return combinations.stream();
	}

	@ParameterizedTest(name = "{0} {1} by {2}")
	@MethodSource("everyCombination")
	void everyStatusActionAndActorIsAllowedOrRefusedAsTheTableSays(CaseStatus status, CaseAction action,
			String profile) {
		CaseFile file = FIXTURES.get(status).apply(new StepClockHolder(new StepClock()));
		assertThat(file.status()).isEqualTo(status);
		CaseActor who = PROFILES.get(profile);
		if (action == CaseAction.APPROVE_EXTENSION
				&& (status == CaseStatus.IN_PROGRESS || status == CaseStatus.REWORK)) {
			file.requestExtension(ASSIGNED_DEPARTMENT, file.deadline().plus(Duration.ofDays(2)), "等待配件");
		}
		Expectation expectation = expected().get(status + " " + action);
		int timelineBefore = file.timeline().size();

		if (profile.equals("OUT_OF_SCOPE")) {
			assertThatThrownBy(() -> invoke(file, action, who)).isInstanceOf(RecordNotFoundException.class)
				.extracting(e -> ((RecordNotFoundException) e).outOfScope())
				.isEqualTo(true);
		}
		else if (expectation != null && expectation.who().contains(profile)) {
			invoke(file, action, who);
			assertThat(file.status()).isEqualTo(expectation.to());
			assertThat(file.timeline()).hasSize(timelineBefore + 1);
			assertThat(file.timeline().get(timelineBefore).action()).isEqualTo(action);
		}
		else {
			assertThatThrownBy(() -> invoke(file, action, who)).isInstanceOf(TransitionNotAllowedException.class)
				.hasFieldOrPropertyWithValue("currentStatus", status);
			assertThat(file.status()).isEqualTo(status);
			assertThat(file.timeline()).hasSize(timelineBefore);
		}
	}

	@ParameterizedTest
	@EnumSource(CaseStatus.class)
	void onlyAClosedCaseCanBeRated(CaseStatus status) {
		CaseFile file = FIXTURES.get(status).apply(new StepClockHolder(new StepClock()));
		if (status == CaseStatus.CLOSED) {
			file.rate(CODE, 4);
			assertThat(file.rating()).isEqualTo(4);
		}
		else {
			assertThatThrownBy(() -> file.rate(CODE, 4)).isInstanceOf(TransitionNotAllowedException.class);
			assertThat(file.rating()).isNull();
		}
	}

	@Test
	void theTableCoversEveryActionAndEveryStatus() {
		Set<CaseAction> covered = EnumSet.copyOf(ACTOR_ACTIONS);
		covered.addAll(NOT_ASKED_BY_AN_ACTOR);
		assertThat(covered).containsExactlyInAnyOrder(CaseAction.values());
		assertThat(FIXTURES.keySet()).containsExactlyInAnyOrder(CaseStatus.values());
	}

	private static void invoke(CaseFile file, CaseAction action, CaseActor who) {
		Instant later = file.deadline() == null ? NOW.plus(Duration.ofDays(10)) : file.deadline().plus(Duration.ofDays(2));
		switch (action) {
			case ACCEPT -> file.accept(who, NOW.plus(ACCEPT_TIME), null);
			case REJECT -> file.reject(who, "不属于受理范围");
			case MERGE -> file.mergeInto(who, UUID.randomUUID(), null);
			case DISPATCH -> file.dispatch(who, URBAN_MANAGEMENT, NOW.plus(HANDLE_TIME), null);
			case START -> file.start(who, null);
			case RETURN -> file.returnToCommandCentre(who, "非本部门职责");
			case REDISPATCH -> file.redispatch(who, URBAN_MANAGEMENT, NOW.plus(HANDLE_TIME), null);
			case HANDLE -> file.handle(who, "已处理", List.of());
			case SOLVE_ON_THE_SPOT -> file.solveOnTheSpot(who, "已当场清理", List.of());
			case VERIFY_PASS -> file.verifyPass(who, null, List.of());
			case VERIFY_FAIL -> file.verifyFail(who, "仍未整改", List.of());
			case RESUME -> file.resume(who, null);
			case CLOSE -> file.close(who, null);
			case REQUEST_EXTENSION -> file.requestExtension(who, later, "等待配件");
			case APPROVE_EXTENSION -> file.approveExtension(who, null);
			case SUPERVISE -> file.supervise(who, "请加快办理");
			case ASSIGN_GRID -> file.assignGrid(who, OTHER_GRID, "按地址改派网格");
			default -> throw new IllegalArgumentException(action.name());
		}
	}
}
