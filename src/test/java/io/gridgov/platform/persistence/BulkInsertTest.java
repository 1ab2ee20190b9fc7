package io.gridgov.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class BulkInsertTest {

	private static String copyText(Object value) {
		StringBuilder text = new StringBuilder();
		BulkInsert.append(text, value);
		return text.toString();
	}

	@Test
	void copyTextEscapesTheSeparatorsSoAValueCannotSpillIntoTheNextColumnOrRow() {
		assertThat(copyText("城隍路\t1号\n2\\3\r")).isEqualTo("城隍路\\t1号\\n2\\\\3\\r");
	}

	@Test
	void copyTextWritesNullAsBackslashNAndATextNAsItself() {
		assertThat(copyText(null)).isEqualTo("\\N");
		assertThat(copyText("\\N")).isEqualTo("\\\\N");
	}

	@Test
	void copyTextWritesTimestampsAsUtcInstantsAndOtherValuesAsJdbcWould() {
		assertThat(copyText(Timestamp.from(Instant.parse("2026-11-30T08:00:00Z")))).isEqualTo("2026-11-30T08:00:00Z");
		assertThat(copyText(Date.valueOf(LocalDate.of(1990, 1, 31)))).isEqualTo("1990-01-31");
		assertThat(copyText(true)).isEqualTo("t");
		assertThat(copyText(113.0625)).isEqualTo("113.0625");
		UUID id = UUID.randomUUID();
		assertThat(copyText(id)).isEqualTo(id.toString());
	}
}
