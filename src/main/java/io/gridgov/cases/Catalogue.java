package io.gridgov.cases;

import java.util.List;
import java.util.Optional;

/** The case catalogue: the two-level category tree (class → leaf) that intake classifies cases by. */
public interface Catalogue {

	/** The leaf category with this code; empty for an unknown code or a class. */
	Optional<CategoryInfo> findLeaf(String code);

	/** Every leaf category, ordered by class and then by their order within the class. */
	List<CategoryInfo> leaves();

	/** The classes (first level), in their order. */
	List<CategoryClass> classes();

	/** The department with this code, active or not. */
	Optional<DepartmentInfo> findDepartment(String code);

	/** Every department, ordered by code. */
	List<DepartmentInfo> departments();
}
