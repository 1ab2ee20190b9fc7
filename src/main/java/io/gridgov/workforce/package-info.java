/**
 * The people responsible for the grids: grid workers (full-time and part-time, from the community,
 * enterprises, couriers, delivery riders, volunteers), the grids they serve and who leads each,
 * their training and assessments, and the notice boards with QR codes that tell residents who
 * their grid worker is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workforce", allowedDependencies = { "platform", "geo",
		"identity" })
package io.gridgov.workforce;
