package io.gridgov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.gridgov.insight.internal.InsightService.Ranked;
import io.gridgov.insight.internal.InsightService.RowOrder;

/**
 * The order of a breakdown's rows and the page taken from it: a page near the top is picked with a
 * bounded heap instead of a full sort, and must be exactly the rows a full sort puts there.
 */
class BreakdownOrderTest {

	@Test
	void rowsWithoutAValueComeLastInEitherDirectionThenMoreReportedThenKey() {
		List<Ranked> rows = List.of(new Ranked("g1", Double.NaN, 50), new Ranked("g2", 0.5, 3), new Ranked("g3", 0.5, 9),
				new Ranked("g4", 0.9, 1), new Ranked("g0", 0.5, 9));
		assertThat(keys(sorted(rows, RowOrder.of("closureRate", null)))).containsExactly("g4", "g0", "g3", "g2", "g1");
		assertThat(keys(sorted(rows, RowOrder.of("closureRate", "asc")))).containsExactly("g0", "g3", "g2", "g4", "g1");
		assertThat(keys(sorted(rows, RowOrder.of("key", "desc")))).containsExactly("g4", "g3", "g2", "g1", "g0");
	}

	@Test
	void aPageIsTheSameRowsInTheSameOrderAsTheFullSortGivesForEveryOffsetAndSize() {
		Random random = new Random(7);
		List<Ranked> rows = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			// few distinct values and counts: many ties, broken by the reported count and then by key
			double value = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(20) / 20.0;
			rows.add(new Ranked(String.format("g%05d", random.nextInt(100_000)) + i, value, random.nextInt(5)));
		}
		for (String order : List.of("asc", "desc")) {
			for (String sort : List.of("closureRate", "key")) {
				RowOrder rowOrder = RowOrder.of(sort, order);
				List<Ranked> all = sorted(rows, rowOrder);
				for (int[] page : new int[][] { { 0, 10 }, { 0, 1 }, { 10, 10 }, { 40, 20 }, { 0, 200 }, { 240, 10 },
						{ 1_500, 200 }, { 1_990, 50 }, { 2_000, 10 }, { 5_000, 10 } }) {
					List<Ranked> shuffled = new ArrayList<>(rows);
					Collections.shuffle(shuffled, random);
					List<Ranked> expected = all.subList(Math.min(all.size(), page[0]), Math.min(all.size(), page[0] + page[1]));
					assertThat(RowOrder.page(shuffled, rowOrder.comparator(), page[0], page[1]))
						.as(sort + " " + order + " offset " + page[0] + " size " + page[1])
						.containsExactlyElementsOf(expected);
				}
			}
		}
	}

	private static List<Ranked> sorted(List<Ranked> rows, RowOrder order) {
		List<Ranked> copy = new ArrayList<>(rows);
		copy.sort(order.comparator());
		return copy;
	}

	private static List<String> keys(List<Ranked> rows) {
		return rows.stream().map(Ranked::key).toList();
	}
}
