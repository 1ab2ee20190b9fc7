/**
 * Territory: the region tree (district → subdistrict → community or village → grid); later the
 * grid polygons, points of interest and the point → grid locator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Geo", allowedDependencies = "platform")
package io.gridgov.geo;
