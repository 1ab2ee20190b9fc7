package io.gridgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every problem message exists in Chinese and English, and every code the code raises has a message. */
class ProblemMessagesInSyncTest {

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(
				ProblemMessagesInSyncTest.class.getResourceAsStream("/messages/" + name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> zh = new TreeSet<>(load("problems.properties").stringPropertyNames());
		Set<String> en = new TreeSet<>(load("problems_en.properties").stringPropertyNames());
		assertThat(en).as("keys in Chinese but not in English").containsAll(zh);
		assertThat(zh).as("keys in English but not in Chinese").containsAll(en);
	}

	@Test
	void everyProblemCodeUsedInTheSourcesHasAMessage() throws IOException {
		Set<String> keys = load("problems.properties").stringPropertyNames();
		Pattern code = Pattern.compile("\"((?:auth|identity|security|request|conflict|record|region|paging|validation)\\.[a-z-]+|server\\.error)\"");
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
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
