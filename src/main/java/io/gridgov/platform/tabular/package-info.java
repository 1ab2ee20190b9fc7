/**
 * Reading and writing spreadsheets for imports and exports (ADR 0027): CSV (UTF-8, UTF-16 with a
 * BOM, GBK) and XLSX tables read in two passes with a streaming reader and zip-bomb limits, typed
 * cell values, full-width input normalised, and a streaming XLSX writer. Module-neutral: a module
 * decides the columns, the rules and what to store.
 */
package io.gridgov.platform.tabular;
