/**
 * The case loop (网格事件处置闭环): intake from every source, classification, deadlines in working
 * time, routing and dispatch, handling, verification, closure, evaluation and supervision.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases",
		allowedDependencies = { "platform", "geo", "identity", "workforce" })
package io.gridgov.cases;
