package io.gridgov.registers.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The admin-editable list of tags (special and key groups, follow-up groups). A tag is found by
 * its code or by its Chinese or English name, so an import may say 独居老人 or ELDERLY_ALONE.
 * Lookups use a snapshot that is at most {@value #TTL_MILLIS} ms old (other instances' edits).
 */
@Component
class TagStore {

	static final long TTL_MILLIS = 30_000;

	record Tag(String code, String nameZh, String nameEn, String category, int sortOrder, boolean active) {
	}

	private final JdbcClient jdbc;
	private volatile Map<String, String> byName = Map.of();
	private volatile long loadedAt;

	TagStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Tag> all() {
		return jdbc.sql("SELECT code, name_zh, name_en, category, sort_order, active FROM registers_tag ORDER BY sort_order, code")
			.query(Tag.class)
			.list();
	}

	Optional<Tag> find(String code) {
		return jdbc.sql("SELECT code, name_zh, name_en, category, sort_order, active FROM registers_tag WHERE code = ?")
			.param(code)
			.query(Tag.class)
			.optional();
	}

	/** The code of the active tag with this code or name. */
	Optional<String> resolve(String codeOrName) {
		if (System.currentTimeMillis() - loadedAt > TTL_MILLIS) {
			refresh();
		}
		return Optional.ofNullable(byName.get(codeOrName.strip().toUpperCase(Locale.ROOT)));
	}

	void save(Tag tag, boolean create) {
		if (create) {
			jdbc.sql("INSERT INTO registers_tag (code, name_zh, name_en, category, sort_order, active) VALUES (?, ?, ?, ?, ?, ?)")
				.params(tag.code(), tag.nameZh(), tag.nameEn(), tag.category(), tag.sortOrder(), tag.active())
				.update();
		}
		else {
			jdbc.sql("UPDATE registers_tag SET name_zh = ?, name_en = ?, category = ?, sort_order = ?, active = ? WHERE code = ?")
				.params(tag.nameZh(), tag.nameEn(), tag.category(), tag.sortOrder(), tag.active(), tag.code())
				.update();
		}
		loadedAt = 0;
	}

	void refresh() {
		Map<String, String> names = new HashMap<>();
		for (Tag tag : all()) {
			if (tag.active()) {
				names.put(tag.code().toUpperCase(Locale.ROOT), tag.code());
				names.put(tag.nameZh().toUpperCase(Locale.ROOT), tag.code());
				names.put(tag.nameEn().toUpperCase(Locale.ROOT), tag.code());
			}
		}
		byName = Map.copyOf(names);
		loadedAt = System.currentTimeMillis();
	}
}
