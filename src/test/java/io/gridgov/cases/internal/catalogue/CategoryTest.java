package io.gridgov.cases.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.gridgov.cases.DeadlineStage;

class CategoryTest {

	static final Category STREET = Category.newClass("STREET_ORDER", 1, "街面秩序", "Street order");

	static Map<DeadlineStage, Duration> deadlines(double handleHours) {
		Map<DeadlineStage, Duration> result = new EnumMap<>(DeadlineStage.class);
		result.put(DeadlineStage.ACCEPT, Duration.ofMinutes(30));
		result.put(DeadlineStage.DISPATCH, Duration.ofHours(1));
		result.put(DeadlineStage.HANDLE, Duration.ofMinutes(Math.round(handleHours * 60)));
		result.put(DeadlineStage.VERIFY, Duration.ofHours(4));
		return result;
	}

	static Category.LeafTerms terms(Map<DeadlineStage, Duration> deadlines) {
		return new Category.LeafTerms("占道经营", "Trading on the road", "URBAN_MGMT", deadlines, false, "摊点已清离");
	}

	@Test
	void aLeafNeedsADeadlineForEveryStage() {
		Map<DeadlineStage, Duration> missing = deadlines(2);
		missing.remove(DeadlineStage.VERIFY);
		assertThatThrownBy(() -> Category.newLeaf("VENDOR", STREET, 1, terms(missing))).hasMessage("cases.deadline-invalid");
	}

	@Test
	void deadlinesAreWholeMinutesAboveZeroAndAtMostThirtyDays() {
		assertThatThrownBy(() -> Category.newLeaf("VENDOR", STREET, 1, terms(deadlines(0)))).hasMessage("cases.deadline-invalid");
		assertThatThrownBy(() -> Category.newLeaf("VENDOR", STREET, 1, terms(deadlines(721)))).hasMessage("cases.deadline-invalid");
		Map<DeadlineStage, Duration> seconds = deadlines(2);
		seconds.put(DeadlineStage.HANDLE, Duration.ofSeconds(90));
		assertThatThrownBy(() -> Category.newLeaf("VENDOR", STREET, 1, terms(seconds))).hasMessage("cases.deadline-invalid");
		assertThat(Category.newLeaf("VENDOR", STREET, 1, terms(deadlines(720))).deadlines()).hasSize(4);
	}

	@Test
	void aLeafHangsUnderAClassOnly() {
		Category leaf = Category.newLeaf("VENDOR", STREET, 1, terms(deadlines(2)));
		assertThatThrownBy(() -> Category.newLeaf("SUB", leaf, 1, terms(deadlines(2))))
			.hasMessage("cases.category-parent-invalid");
		assertThatThrownBy(() -> STREET.revise(terms(deadlines(2)))).hasMessage("cases.category-not-leaf");
	}

	@Test
	void codesAreCapitalLettersDigitsAndUnderscores() {
		assertThatThrownBy(() -> Category.newLeaf("vendor", STREET, 1, terms(deadlines(2)))).hasMessage("cases.code-invalid");
		assertThatThrownBy(() -> Category.newLeaf("X", STREET, 1, terms(deadlines(2)))).hasMessage("cases.code-invalid");
	}

	@Test
	void theReferenceCatalogueIsValidWithUniqueCodesAndEmergenciesInCalendarHours() {
		Set<String> codes = new HashSet<>();
		int leaves = 0;
		for (ReferenceCatalogue.ClassSeed seed : ReferenceCatalogue.CLASSES) {
			Category parent = Category.newClass(seed.code(), 1, seed.name(), seed.nameEn());
			assertThat(codes.add(seed.code())).isTrue();
			for (ReferenceCatalogue.LeafSeed leaf : seed.leaves()) {
				Category category = Category.newLeaf(leaf.code(), parent, 1, new Category.LeafTerms(leaf.name(),
						leaf.nameEn(), leaf.department(), leaf.deadlines(), leaf.emergency(), leaf.closure()));
				assertThat(codes.add(leaf.code())).as(leaf.code()).isTrue();
				assertThat(ReferenceCatalogue.DEPARTMENTS).extracting(ReferenceCatalogue.DepartmentSeed::code)
					.contains(category.defaultDepartment());
				if (category.emergency()) {
					assertThat(category.deadlines().get(DeadlineStage.ACCEPT)).isEqualTo(Duration.ofMinutes(15));
				}
				leaves++;
			}
		}
		assertThat(ReferenceCatalogue.CLASSES).hasSize(11);
		assertThat(leaves).isGreaterThanOrEqualTo(40);
	}
}
