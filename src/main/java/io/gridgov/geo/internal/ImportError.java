package io.gridgov.geo.internal;

/** One refused feature of a GeoJSON import: its index in {@code features} (from 0), the code and the message. */
record ImportError(int feature, String code, String message) {
}
