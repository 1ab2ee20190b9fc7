package io.gridgov.registers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.gridgov.geo.WaihaiDemo;
import io.gridgov.platform.Ids;
import io.gridgov.platform.personaldata.PersonalDataCipher;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.ActorPrincipal;
import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The import's parallel writers (ADR 0028): the same file written by one writer and by several
 * gives the same registers, job counters, refusals, audit rows and histories; a batch the
 * database refuses is retried row by row and the job's report stays right.
 */
class RegistersImportWritersIT extends IntegrationTest {

	private static final String GRID = RegistersImportIT.OWN_GRID;
	private static final String HEADER = "姓名,身份证号,手机号,网格编码,地址,楼栋,单元,房号,户籍类型,标签,是否户主\n";

	private record ImportPrincipal(Actor actor) implements ActorPrincipal {
	}

	@Autowired
	private ImportService imports;

	@Autowired
	private ImportJobStore jobs;

	@Autowired
	private ResidentStore residents;

	@Autowired
	private PersonalDataCipher cipher;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private Actor command() {
		UUID user = jdbc.sql("SELECT id FROM identity_user WHERE username = 'command'").query(UUID.class).single();
		Actor actor = new Actor(user, "command", Set.of("COMMAND_CENTRE"), WaihaiDemo.WAIHAI);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new ImportPrincipal(actor), null, List.of()));
		return actor;
	}

	private ImportJobStore.Job importCsv(String csv, int writers, int batchSize) throws Exception {
		Actor actor = command();
		Path file = Files.createTempFile("gridgov-writers-", ".csv");
		try {
			Files.writeString(file, csv, StandardCharsets.UTF_8);
			UUID job = Ids.newId();
			jobs.create(job, ImportKind.RESIDENT, "writers.csv", actor.userId(), actor.scope().value(), Instant.now());
			imports.run(job, ImportKind.RESIDENT, file, actor, writers, batchSize);
			return jobs.find(job).orElseThrow();
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * Rows shaped alike whatever the ID numbers and street: households of one to four at one
	 * address (every fifth without a building), heads, tags, refused rows, an ID number twice in
	 * one batch, one again far down the file (an update that moves the resident), and a household
	 * whose members lie in the first and the last batch.
	 */
	private static String file(List<String> ids, String street) {
		Random random = new Random(7);
		StringBuilder csv = new StringBuilder(HEADER);
		int household = 0;
		int left = 0;
		String[] address = null;
		for (int i = 0; i < ids.size(); i++) {
			if (left == 0) {
				household++;
				left = 1 + random.nextInt(4);
				address = new String[] { street + household + "号", household % 5 == 0 ? "" : "1", "2", (household % 30) + "01" };
			}
			left--;
			String id = ids.get(i);
			String[] at = address;
			String residency = i % 4 == 0 ? "流动" : "户籍";
			if (i == 55) {
				id = ids.get(54); // the same ID number twice in one batch: the later row updates
			}
			if (i == ids.size() - 20) {
				id = ids.get(10); // again far down: an update that moves the resident to another household
				residency = "流动";
			}
			if (i == ids.size() - 5) {
				at = new String[] { street + "1号", "1", "2", "101" }; // a member of the first household
			}
			String phone = i % 50 == 3 ? "12345" : "";
			if (i == 77) {
				id = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
			}
			csv.append("居民").append(i % 100).append(',').append(id).append(',').append(phone).append(',').append(GRID)
				.append(',').append(at[0]).append(',').append(at[1]).append(',').append(at[2]).append(',').append(at[3])
				.append(',').append(residency).append(',').append(i % 7 == 0 ? "独居老人" : "").append(',')
				.append(left == 0 && household % 3 != 0 ? "是" : "否").append('\n');
		}
		return csv.toString();
	}

	/** What the import left for each ID number of the file, with records named by their place in the file. */
	private List<String> registers(List<String> ids) {
		Map<UUID, Integer> households = new HashMap<>();
		List<String> seen = new ArrayList<>();
		Map<UUID, Integer> residentIndex = new HashMap<>();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			List<Map<String, Object>> found = jdbc
				.sql("SELECT id, name, residency, status, household_id, phone_hash, version FROM registers_resident WHERE id_hash = ?")
				.param(cipher.hash(ids.get(i)))
				.query()
				.listOfRows();
			rows.add(found.isEmpty() ? null : found.get(0));
			if (!found.isEmpty()) {
				residentIndex.put((UUID) found.get(0).get("id"), i);
			}
		}
		for (int i = 0; i < ids.size(); i++) {
			Map<String, Object> r = rows.get(i);
			if (r == null) {
				seen.add(i + ": none");
				continue;
			}
			UUID id = (UUID) r.get("id");
			Object household = r.get("household_id");
			Integer householdNo = household == null ? null : households.computeIfAbsent((UUID) household, h -> households.size());
			UUID head = household == null ? null
					: jdbc.sql("SELECT head_id FROM registers_household WHERE id = ?").param(household).query(UUID.class).optional()
						.orElse(null);
			Map<String, Long> audit = new LinkedHashMap<>();
			jdbc.sql("SELECT action, COUNT(*) FROM identity_audit_log WHERE record_type = 'resident' AND record_id = ?"
					+ " GROUP BY action ORDER BY action")
				.param(id.toString())
				.query((rs, n) -> audit.put(rs.getString(1), rs.getLong(2)))
				.list();
			Instant created = jdbc.sql("SELECT created_at FROM registers_resident WHERE id = ?").param(id)
				.query(java.sql.Timestamp.class).single().toInstant();
			List<String> history = residents.history(id)
				.stream()
				.map(h -> h.fromStatus() + ">" + h.toStatus() + (h.changedAt().equals(created) ? "@created" : "@later"))
				.toList();
			seen.add(i + ": " + r.get("name") + " " + r.get("residency") + " " + r.get("status") + " household " + householdNo
					+ " head " + (head == null ? null : residentIndex.get(head)) + " phone " + (r.get("phone_hash") != null)
					+ " version " + r.get("version") + " tags " + residents.tags(id) + " audit " + audit + " history " + history);
		}
		return seen;
	}

	private static List<String> idNumbers(int n) {
		List<String> ids = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			ids.add(RegisterFixtures.idNumber());
		}
		return ids;
	}

	private List<String> refusals(UUID job) {
		return jobs.refusals(job, 1000).stream().map(r -> r.rowNo() + " " + r.code() + " " + r.columnName()).toList();
	}

	@Test
	void fourWritersRegisterExactlyWhatOneWriterRegisters() throws Exception {
		int rows = 1_300;
		List<String> oneIds = idNumbers(rows);
		List<String> fourIds = idNumbers(rows);
		ImportJobStore.Job one = importCsv(file(oneIds, "单写路" + System.nanoTime() % 100_000 + "-"), 1, 50);
		ImportJobStore.Job four = importCsv(file(fourIds, "并写路" + System.nanoTime() % 100_000 + "-"), 4, 50);

		assertThat(one.status()).isEqualTo("DONE");
		assertThat(four.status()).isEqualTo("DONE");
		assertThat(List.of(four.total(), four.processed(), four.accepted(), four.updated(), four.unchanged(), four.refused()))
			.isEqualTo(List.of(one.total(), one.processed(), one.accepted(), one.updated(), one.unchanged(), one.refused()))
			.isEqualTo(List.of(rows, rows, rows - 2 - 26 - 1, 2, 0, 26 + 1));
		assertThat(refusals(four.id())).isEqualTo(refusals(one.id())).hasSize(27);
		assertThat(registers(fourIds)).isEqualTo(registers(oneIds));

		ImportJobStore.Job again = importCsv(file(fourIds, "并写路-不同-"), 4, 50);
		assertThat(again.updated()).as("the same ID numbers at other addresses update, never double").isEqualTo(rows - 27);
		assertThat(again.accepted()).isZero();
	}

	@Test
	void aBatchTheDatabaseRefusesIsRetriedRowByRowAndTheJobReportStaysRight() throws Exception {
		List<String> ids = idNumbers(600);
		StringBuilder csv = new StringBuilder(HEADER);
		String street = "拒写路" + System.nanoTime() % 100_000 + "-";
		for (int i = 0; i < ids.size(); i++) {
			csv.append(i == 333 ? "拒写某" : "居民").append(',').append(ids.get(i)).append(",,").append(GRID).append(',')
				.append(street).append(i / 3).append("号,1,1,101,户籍,,否\n");
		}
		long before = jdbc.sql("SELECT COUNT(*) FROM registers_resident").query(Long.class).single();
		// a rule only the database knows: the batch holding row 335 fails as a whole
		jdbc.sql("ALTER TABLE registers_resident ADD CONSTRAINT registers_resident_test_refuse CHECK (name <> '拒写某')").update();
		ImportJobStore.Job job;
		try {
			job = importCsv(csv.toString(), 3, 40);
		}
		finally {
			jdbc.sql("ALTER TABLE registers_resident DROP CONSTRAINT registers_resident_test_refuse").update();
		}
		assertThat(job.status()).isEqualTo("DONE");
		assertThat(List.of(job.total(), job.processed(), job.accepted(), job.refused())).isEqualTo(List.of(600, 600, 599, 1));
		assertThat(refusals(job.id())).containsExactly("335 registers.import-failed null");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM registers_resident").query(Long.class).single() - before).isEqualTo(599);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM registers_household WHERE address LIKE ?").param(street + "%")
			.query(Long.class).single()).as("one household per three rows, none lost with the failed batch").isEqualTo(200);
	}

	@Test
	void anImportedResidentsStatusHistoryReadsLikeThatOfOneRegisteredByTheForm() throws Exception {
		String imported = RegisterFixtures.idNumber();
		ImportJobStore.Job job = importCsv(HEADER + "史甲," + imported + ",," + GRID + ",史路1号,1,1,101,户籍,,是\n", 3, 1000);
		assertThat(job.accepted()).isOne();
		ApiClient gridworker = signedIn("gridworker");
		String importedId = gridworker.get("/api/registers/residents?q=" + imported).json().path("items").get(0).path("id")
			.asString();
		String registeredId = gridworker
			.post("/api/registers/residents", RegisterFixtures.resident("史乙", RegisterFixtures.idNumber(), null, GRID))
			.expectStatus(201)
			.json()
			.path("id")
			.asString();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM registers_resident_status WHERE resident_id = ?")
			.param(UUID.fromString(importedId)).query(Long.class).single()).as("an import writes no first history line").isZero();
		for (String id : List.of(importedId, registeredId)) {
			gridworker.post("/api/registers/residents/" + id + "/status", Map.of("status", "MOVED_AWAY", "reason", "搬走"))
				.expectStatus(200);
		}
		List<String> lines = new ArrayList<>();
		for (String id : List.of(importedId, registeredId)) {
			JsonNode history = gridworker.get("/api/registers/residents/" + id + "/history").expectStatus(200).json();
			Instant created = jdbc.sql("SELECT created_at FROM registers_resident WHERE id = ?").param(UUID.fromString(id))
				.query(java.sql.Timestamp.class).single().toInstant();
			assertThat(Instant.parse(history.get(0).path("changedAt").asString())).isEqualTo(created);
			StringBuilder line = new StringBuilder();
			history.forEach(h -> line.append(h.path("fromStatus").asString(null)).append('>').append(h.path("toStatus").asString())
				.append(' ').append(h.path("reason").asString(null)).append(' ').append(h.path("changedBy").asString(null))
				.append("; "));
			lines.add(line.toString());
		}
		assertThat(lines.get(0)).isEqualTo(lines.get(1)).isEqualTo("null>PRESENT null null; PRESENT>MOVED_AWAY 搬走 gridworker; ");
	}
}
