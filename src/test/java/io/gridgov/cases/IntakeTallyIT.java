package io.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gridgov.support.IntegrationTest;

/** Every reported case reaches the intake tally through the outbox, on its local (Beijing) day. */
class IntakeTallyIT extends IntegrationTest {

	@Test
	void aReportedCaseIsCountedOnceOnItsLocalDay() throws InterruptedException {
		String id = signedIn("command")
			.post("/api/cases", Map.of("source", "HOTLINE", "categoryCode", "EXPOSED_GARBAGE", "description",
					"垃圾桶满溢（计数测试）", "gridCode", CaseLoopIT.GRID))
			.expectStatus(201)
			.json()
			.path("id")
			.asString();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (tallied(id) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(tallied(id)).isEqualTo(1);
		LocalDate day = jdbc.sql("SELECT intake_day FROM cases_intake_tally WHERE case_id = CAST(? AS UUID)")
			.param(id)
			.query(LocalDate.class)
			.single();
		assertThat(day).isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")));
		assertThat(jdbc.sql("SELECT source FROM cases_intake_tally WHERE case_id = CAST(? AS UUID)")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("HOTLINE");
	}

	private long tallied(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM cases_intake_tally WHERE case_id = CAST(? AS UUID)")
			.param(id)
			.query(Long.class)
			.single();
	}
}
