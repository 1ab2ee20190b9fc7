package io.gridgov.cases;

import io.gridgov.platform.scope.RegionCode;

/** A functional department (职能部门) cases are dispatched to, by its stable code. */
public record DepartmentInfo(String code, String name, RegionCode region, boolean active) {
}
