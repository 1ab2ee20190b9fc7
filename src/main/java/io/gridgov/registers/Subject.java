package io.gridgov.registers;

import java.util.UUID;

import io.gridgov.platform.scope.RegionCode;

/** A register entry as other modules see it; name is a display name, never an ID number or phone. */
public record Subject(SubjectKind kind, UUID id, String name, RegionCode grid) {
}
