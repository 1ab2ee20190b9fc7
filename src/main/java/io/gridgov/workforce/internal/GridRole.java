package io.gridgov.workforce.internal;

/** A grid a worker serves, and whether the worker leads it (网格长). */
record GridRole(String gridCode, boolean lead) {
}
