package io.gridgov.geo.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.geo.Region;
import io.gridgov.geo.RegionKind;
import io.gridgov.geo.RegionTreeNode;
import io.gridgov.geo.Regions;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;
import io.gridgov.platform.scope.RegionLevel;

@Service
@Transactional(readOnly = true)
class JdbcRegions implements Regions {

	private static final String COLUMNS = "code, name, level, kind, parent_code";

	private static final RowMapper<Region> MAPPER = (rs, row) -> new Region(RegionCode.of(rs.getString("code")),
			rs.getString("name"), RegionLevel.valueOf(rs.getString("level")),
			rs.getString("kind") == null ? null : RegionKind.valueOf(rs.getString("kind")),
			rs.getString("parent_code") == null ? null : RegionCode.of(rs.getString("parent_code")));

	private final JdbcClient jdbc;

	JdbcRegions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Region> find(RegionCode code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM geo_region WHERE code = ?").param(code.value()).query(MAPPER).optional();
	}

	@Override
	public Map<String, String> names(Collection<String> codes) {
		List<String> distinct = codes.stream().distinct().toList();
		Map<String, String> names = new HashMap<>(distinct.size() * 2);
		for (int i = 0; i < distinct.size(); i += 1000) {
			jdbc.sql("SELECT code, name FROM geo_region WHERE code IN (:codes)")
				.param("codes", distinct.subList(i, Math.min(distinct.size(), i + 1000)))
				.query(rs -> {
					names.put(rs.getString(1), rs.getString(2));
				});
		}
		return names;
	}

	@Override
	public Region get(RegionCode code, Actor actor) {
		Region region = find(code).orElseThrow(() -> RecordNotFoundException.notFound("region", code));
		if (!actor.canSee(code)) {
			throw RecordNotFoundException.outOfScope("region", code);
		}
		return region;
	}

	@Override
	public RegionTreeNode tree(RegionCode root) {
		List<Region> all = jdbc.sql("SELECT " + COLUMNS + " FROM geo_region WHERE code LIKE ? ORDER BY sort_order, code")
			.param(root.likePattern())
			.query(MAPPER)
			.list();
		Map<String, List<Region>> byParent = new LinkedHashMap<>();
		Region top = null;
		for (Region region : all) {
			if (region.code().equals(root)) {
				top = region;
			}
			else if (region.parentCode() != null) {
				byParent.computeIfAbsent(region.parentCode().value(), k -> new ArrayList<>()).add(region);
			}
		}
		if (top == null) {
			throw RecordNotFoundException.notFound("region", root);
		}
		return assemble(top, byParent);
	}

	private static RegionTreeNode assemble(Region region, Map<String, List<Region>> byParent) {
		List<RegionTreeNode> children = byParent.getOrDefault(region.code().value(), List.of())
			.stream()
			.map(child -> assemble(child, byParent))
			.toList();
		return new RegionTreeNode(region.code().value(), region.name(), region.level(), region.kind(), children);
	}

	@Override
	public List<Region> children(RegionCode parent) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM geo_region WHERE parent_code = ? ORDER BY sort_order, code")
			.param(parent.value())
			.query(MAPPER)
			.list();
	}

	@Override
	public List<Region> path(RegionCode code) {
		List<Region> path = new ArrayList<>();
		Optional<Region> current = find(code);
		while (current.isPresent()) {
			path.add(0, current.get());
			RegionCode parent = current.get().parentCode();
			current = parent == null ? Optional.empty() : find(parent);
		}
		return path;
	}

	@Override
	public List<Region> roots() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM geo_region WHERE parent_code IS NULL ORDER BY sort_order, code")
			.query(MAPPER)
			.list();
	}

	@Override
	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM geo_region").query(Long.class).single();
	}

	@Transactional
	void insertAll(List<Region> regions) {
		int order = 0;
		for (Region region : regions) {
			jdbc.sql("INSERT INTO geo_region (code, name, level, kind, parent_code, sort_order) VALUES (?, ?, ?, ?, ?, ?)")
				.params(region.code().value(), region.name(), region.level().name(),
						region.kind() == null ? null : region.kind().name(),
						region.parentCode() == null ? null : region.parentCode().value(), order++)
				.update();
		}
	}
}
