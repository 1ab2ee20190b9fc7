package io.gridgov.geo;

import io.gridgov.platform.scope.RegionCode;

/** A grid got a new boundary version (edited or imported); locators everywhere rebuild. */
public record GridBoundaryChanged(RegionCode grid, int version) {
}
