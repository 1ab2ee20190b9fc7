package io.gridgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every problem message exists in Chinese and English, every bundle is registered with the
 * message source, and every code the sources raise has a message.
 */
class ProblemMessagesInSyncTest {

	private static final Path BUNDLES = Path.of("src/main/resources/messages");

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static List<String> baseNames() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			return files.map(p -> p.getFileName().toString())
				.filter(name -> name.endsWith(".properties") && !name.contains("_"))
				.map(name -> name.substring(0, name.length() - ".properties".length()))
				.sorted()
				.toList();
		}
	}

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		for (String base : baseNames()) {
			Set<String> zh = new TreeSet<>(load(BUNDLES.resolve(base + ".properties")).stringPropertyNames());
			Set<String> en = new TreeSet<>(load(BUNDLES.resolve(base + "_en.properties")).stringPropertyNames());
			assertThat(en).as("keys of %s in Chinese but not in English", base).containsAll(zh);
			assertThat(zh).as("keys of %s in English but not in Chinese", base).containsAll(en);
		}
	}

	@Test
	void everyBundleIsRegisteredWithTheMessageSource() throws IOException {
		String configuration = Files.readString(Path.of("src/main/resources/application.yml"));
		for (String base : baseNames()) {
			assertThat(configuration).as("spring.messages.basename lists %s", base).contains("messages/" + base);
		}
	}

	@Test
	void everyProblemCodeUsedInTheSourcesHasAMessage() throws IOException {
		Set<String> keys = new HashSet<>();
		for (String base : baseNames()) {
			keys.addAll(load(BUNDLES.resolve(base + ".properties")).stringPropertyNames());
		}
		Pattern code = Pattern.compile(
				"\"((?:auth|identity|security|request|conflict|record|region|paging|validation|geo|workforce|cases|registers|campaigns|insight|personal-data)\\.[a-z0-9.-]+|server\\.error)\"");
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java"))
				.filter(p -> !p.endsWith(Path.of("identity", "Permission.java")))
				.toList()) {
				Matcher matcher = code.matcher(Files.readString(file));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(keys).containsAll(used);
	}
}
