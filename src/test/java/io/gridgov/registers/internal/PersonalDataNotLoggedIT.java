package io.gridgov.registers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.gridgov.geo.Grids;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.support.ApiClient;
import io.gridgov.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * No personal data in the application log (issue 5): a realistic run over every path that handles ID
 * numbers and phones — residents and enterprises written by form and by import (with refused rows),
 * searched by ID number and phone, revealed, exported in full, visited; workers hired and revealed;
 * cases reported with phones by a resident and by the command centre and revealed; a failing
 * request — with GridGov's own loggers at DEBUG, while the console output is captured. None of the
 * plaintext values may appear in it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataNotLoggedIT extends IntegrationTest {

	private static final String OWN_GRID = "440704003001001";

	@Autowired
	LoggingSystem logging;

	@Autowired
	Grids grids;

	@Test
	void aFullRunLogsNoIdNumberAndNoPhone(CapturedOutput output) throws Exception {
		LogLevel before = logging.getLoggerConfiguration("io.gridgov").getConfiguredLevel();
		logging.setLogLevel("io.gridgov", LogLevel.DEBUG);
		List<String> secrets = new ArrayList<>();
		try {
			run(secrets);
		}
		finally {
			logging.setLogLevel("io.gridgov", before);
		}
		assertThat(secrets).hasSizeGreaterThan(10);
		String log = output.getAll();
		assertThat(log).as("the run was logged at all").contains("Import job");
		for (String secret : secrets) {
			assertThat(log).as("a plaintext ID number or phone in the log").doesNotContain(secret);
		}
		for (String secret : secrets) {
			if (secret.length() == 18) {
				assertThat(log).as("the middle of an ID number (birth date + order code) in the log")
					.doesNotContain(secret.substring(6, 17));
			}
		}
	}

	private void run(List<String> secrets) throws Exception {
		ApiClient command = signedIn("command");
		ApiClient gridworker = signedIn("gridworker");

		String formId = keep(secrets, RegisterFixtures.idNumber());
		String formPhone = keep(secrets, RegisterFixtures.phone());
		String resident = command.post("/api/registers/residents", RegisterFixtures.resident("日志甲", formId, formPhone, OWN_GRID))
			.expectStatus(201)
			.json()
			.path("id")
			.asString();
		command.post("/api/registers/residents", RegisterFixtures.resident("日志重", formId, null, OWN_GRID))
			.expectProblem(409, "registers.id-number-duplicate");
		String badId = keep(secrets, formId.substring(0, 17) + (formId.charAt(17) == '1' ? '2' : '1'));
		command.post("/api/registers/residents", RegisterFixtures.resident("日志坏", badId, null, OWN_GRID)).expectStatus(400);
		command.get("/api/registers/residents?q=" + formId).expectStatus(200);
		command.get("/api/registers/residents?q=" + formPhone).expectStatus(200);
		command.post("/api/registers/residents/" + resident + "/id-number/reveal", Map.of("reason", "日志核查")).expectStatus(200);
		command.post("/api/registers/residents/" + resident + "/phone/reveal", Map.of("reason", "日志核查")).expectStatus(200);

		String contactPhone = keep(secrets, RegisterFixtures.phone());
		Map<String, Object> enterprise = new HashMap<>();
		enterprise.put("name", "日志测试五金有限公司");
		enterprise.put("creditCode", RegisterFixtures.creditCode());
		enterprise.put("gridCode", OWN_GRID);
		enterprise.put("contactName", "日志联系人");
		enterprise.put("contactPhone", contactPhone);
		String firm = command.post("/api/registers/enterprises", enterprise).expectStatus(201).json().path("id").asString();
		command.post("/api/registers/enterprises/" + firm + "/phone/reveal", Map.of("reason", "日志核查")).expectStatus(200);

		StringBuilder csv = new StringBuilder("姓名,身份证号,手机号,网格编码,地址\n");
		for (int i = 0; i < 5; i++) {
			csv.append("导入日志").append(i).append(',').append(keep(secrets, RegisterFixtures.idNumber())).append(',')
				.append(keep(secrets, RegisterFixtures.phone())).append(',').append(OWN_GRID).append(",日志路").append(i).append("号\n");
		}
		String refusedPhone = keep(secrets, "1299" + RegisterFixtures.phone().substring(4));
		csv.append("坏电话,").append(keep(secrets, RegisterFixtures.idNumber())).append(',').append(refusedPhone).append(',')
			.append(OWN_GRID).append(",\n");
		String badChecksum = RegisterFixtures.idNumber();
		badChecksum = keep(secrets, badChecksum.substring(0, 17) + (badChecksum.charAt(17) == '1' ? '2' : '1'));
		csv.append("坏校验,").append(badChecksum).append(",,").append(OWN_GRID).append(",\n");
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		String job = command.postFile("/api/registers/imports?kind=RESIDENT", "file", "日志.csv", file)
			.expectStatus(202)
			.json()
			.path("id")
			.asString();
		JsonNode done = awaitJob(command, job);
		assertThat(done.path("accepted").asInt()).isEqualTo(5);
		assertThat(done.path("refused").asInt()).isEqualTo(2);
		assertThat(command.download("GET", "/api/registers/imports/" + job + "/report", null).status()).isEqualTo(200);
		awaitJob(command, command.postFile("/api/registers/imports?kind=RESIDENT", "file", "日志.csv", file)
			.expectStatus(202)
			.json()
			.path("id")
			.asString());

		assertThat(command.download("POST", "/api/registers/residents/export", Map.of("reveal", true, "reason", "日志导出", "q",
				formId)).status()).isEqualTo(200);
		assertThat(gridworker.download("POST", "/api/registers/residents/export", Map.of("reveal", false)).status())
			.isEqualTo(200);
		assertThat(command.download("POST", "/api/registers/enterprises/export", Map.of("reveal", true, "reason", "日志导出"))
			.status()).isEqualTo(200);
		gridworker.post("/api/registers/visits", Map.of("subjectKind", "RESIDENT", "subjectId", resident, "channel", "DOOR",
				"notes", "上门走访，电话 " + formPhone.substring(0, 3) + "…")).expectStatus(201);

		String workerPhone = keep(secrets, RegisterFixtures.phone());
		String worker = command.post("/api/workforce/workers", Map.of("name", "日志网格员", "employment", "PART_TIME", "source",
				"VOLUNTEER", "phone", workerPhone, "grids", List.of(Map.of("code", OWN_GRID, "lead", false))))
			.expectStatus(201)
			.json()
			.path("id")
			.asString();
		command.post("/api/workforce/workers/" + worker + "/phone/reveal", Map.of("reason", "日志核查")).expectStatus(200);

		Point p = grids.find(RegionCode.of(OWN_GRID)).orElseThrow().interiorPoint();
		String residentPhone = keep(secrets, RegisterFixtures.phone());
		client().post("/api/public/cases", Map.of("categoryCode", "EXPOSED_GARBAGE", "description", "日志测试垃圾堆放",
				"longitude", p.getX(), "latitude", p.getY(), "phone", residentPhone)).expectStatus(201);
		String reporterPhone = keep(secrets, RegisterFixtures.phone());
		Map<String, Object> hotline = new HashMap<>();
		hotline.put("source", "HOTLINE");
		hotline.put("categoryCode", "STREET_LIGHT");
		hotline.put("description", "日志测试路灯不亮");
		hotline.put("longitude", p.getX());
		hotline.put("latitude", p.getY());
		hotline.put("reporterPhone", reporterPhone);
		String caseId = command.post("/api/cases", hotline).expectStatus(201).json().path("id").asString();
		command.post("/api/cases/" + caseId + "/reporter-phone/reveal", Map.of("reason", "回访报事人")).expectStatus(200);
		String invalidPhone = keep(secrets, "1234567" + reporterPhone.substring(7));
		hotline.put("reporterPhone", invalidPhone);
		command.post("/api/cases", hotline).expectProblem(400, "cases.phone-invalid");
	}

	private static String keep(List<String> secrets, String value) {
		secrets.add(value);
		return value;
	}

	private static JsonNode awaitJob(ApiClient client, String id) throws InterruptedException {
		JsonNode job = null;
		for (int i = 0; i < 300; i++) {
			job = client.get("/api/registers/imports/" + id).expectStatus(200).json();
			String status = job.path("status").asString();
			if (status.equals("DONE") || status.equals("FAILED")) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import job did not finish: " + job);
	}
}
