package io.gridgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.gridgov.support.IntegrationTest;

/**
 * Drives the real application with Debian's Chromium (playwright-core, {@code web/e2e}): every
 * demo role signs in through the login page, sees exactly the menu its role allows, and leaves
 * a screenshot under {@code target/screenshots}; a phone-sized run and an English run too. The
 * demo grid worker finds their grid on the map, on a desktop and on a phone, and a notice board's
 * QR URL opens the public grid page without login. One case goes around the whole loop, each step
 * on the page its people use: a resident reports from a QR page, the command centre accepts and
 * dispatches on the case page, the department handles with a photo from its inbox, the grid worker
 * verifies on a phone, the command centre closes and the resident rates it on the tracking page. The
 * command centre's queue and case page, and the department inbox on a phone, have a test of their own.
 * <p>
 * Without Chromium the test is skipped on a developer machine, and fails when
 * {@code GRIDGOV_BROWSER_REQUIRED=true} (as in CI).
 */
@Tag("browser")
class BrowserRolesIT extends IntegrationTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();

	@Test
	void everyDemoRoleSeesExactlyTheMenuItsRoleAllows() throws IOException, InterruptedException {
		runBrowserTest("roles");
		for (String role : new String[] { "admin", "auditor", "command-centre", "department", "grid-worker", "mediator",
				"party-officer", "leader" }) {
			assertThat(SCREENSHOTS.resolve("menu-" + role + ".png")).as("screenshot of %s", role).exists();
		}
	}

	@Test
	void theGridWorkerFindsTheirGridOnTheMapAndABoardOpensThePublicPage() throws IOException, InterruptedException {
		runBrowserTest("map");
		for (String shot : new String[] { "map-desktop", "map-phone", "my-grid-phone", "public-grid-phone" }) {
			assertThat(SCREENSHOTS.resolve(shot + ".png")).as("screenshot %s", shot).exists();
		}
	}

	@Test
	void aGridWorkerRunsACampaignDayOnAPhoneAndTheProgressPageFollows() throws IOException, InterruptedException {
		runBrowserTest("campaigns");
		for (String shot : new String[] { "followups-today-phone", "followups-recorded-phone", "campaign-progress-desktop" }) {
			assertThat(SCREENSHOTS.resolve(shot + ".png")).as("screenshot %s", shot).exists();
		}
	}

	@Test
	void oneCaseGoesFromAResidentsQrReportThroughHandlingAndVerificationToTheResidentsRating()
			throws IOException, InterruptedException {
		runBrowserTest("case-loop");
		for (String shot : new String[] { "case-loop-1-resident-report", "case-loop-2-resident-code",
				"case-loop-3-command-dispatch", "case-loop-4-department-handled", "case-loop-5-gridworker-verify-phone",
				"case-loop-6-command-closed", "case-loop-7-resident-rated" }) {
			assertThat(SCREENSHOTS.resolve(shot + ".png")).as("screenshot %s", shot).exists();
		}
	}

	@Test
	void aCaseTypedInAtTheCommandCentreIsInTheQueueAndOpensOnADesktopAndAPhone() throws IOException, InterruptedException {
		runBrowserTest("case-queue");
		for (String shot : new String[] { "cases-queue-desktop", "cases-detail-desktop", "cases-queue-phone", "cases-inbox-phone" }) {
			assertThat(SCREENSHOTS.resolve(shot + ".png")).as("screenshot %s", shot).exists();
		}
	}

	@Test
	void theCommandCentreImportsAndFixesARefusedRowAndAGridWorkerVisitsAndFollowsUpOnAPhone()
			throws IOException, InterruptedException {
		runBrowserTest("registers");
		for (String shot : new String[] { "registers-import-refused", "registers-import-en", "registers-residents-desktop",
				"registers-residents-phone", "registers-visit-phone", "registers-followups-recorded-phone",
				"registers-campaign-progress-desktop" }) {
			assertThat(SCREENSHOTS.resolve(shot + ".png")).as("screenshot %s", shot).exists();
		}
	}

	@Test
	void theLeadersDashboardShowsTheApiFiguresAndAClosureRateDrillsDownToItsCases() throws IOException, InterruptedException {
		runBrowserTest("dashboard");
		for (String shot : new String[] { "dashboard-1920", "statistics-cases", "statistics-export-phone", "dashboard-phone" }) {
			assertThat(SCREENSHOTS.resolve(shot + ".png")).as("screenshot %s", shot).exists();
		}
	}

	private void runBrowserTest(String name) throws IOException, InterruptedException {
		Assumptions.assumeFalse(Boolean.getBoolean("gridgov.test.skipBrowser"), "browser tests skipped by -Dgridgov.skipBrowser");
		boolean required = Boolean.parseBoolean(System.getenv().getOrDefault("GRIDGOV_BROWSER_REQUIRED", "false"));
		if (!Files.isExecutable(CHROMIUM)) {
			assertThat(required).as("GRIDGOV_BROWSER_REQUIRED=true but %s is missing", CHROMIUM).isFalse();
			Assumptions.abort("Chromium is not installed at " + CHROMIUM + " (apt-get install -y chromium)");
		}
		Files.createDirectories(SCREENSHOTS);
		Path log = Path.of("target/e2e-" + name + ".log").toAbsolutePath();
		ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "e2e/" + name + ".e2e.mjs")
			.directory(new File("web"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		node.environment().put("BASE_URL", "http://127.0.0.1:" + port);
		node.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
		Process process = node.start();
		boolean finished = process.waitFor(5, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		System.out.println(output);
		assertThat(finished).as("browser test %s finished within 5 minutes", name).isTrue();
		assertThat(process.exitValue()).as("browser test output:%n%s", output).isZero();
		assertThat(output).contains("fail 0").containsPattern("pass [1-9]");
	}
}
