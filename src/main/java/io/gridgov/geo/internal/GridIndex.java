package io.gridgov.geo.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * An immutable point → area index over a uniform grid of cells (ADR 0007). Each cell is either
 * <em>full</em> — it lies entirely in the interior of one area, so a point in it is answered with
 * one array read — or carries the short list of areas whose boundary crosses it, tested exactly.
 * <p>
 * Areas are numbered in the order given. The edge rule (ADR 0008): a point in the interior of an
 * area resolves to that area; a point on the boundary of several areas (a shared edge or vertex)
 * and in no interior resolves to the one with the lowest number; a point outside every area
 * resolves to {@code -1}. Callers number areas by grid code, so the lowest code wins.
 */
public final class GridIndex {

	private static final int DEFAULT_CELLS_PER_AREA = 64;
	private static final int MIN_CELLS = 1 << 16;
	private static final int MAX_CELLS = 1 << 23;

	private final Geometry[] areas;
	private final AreaTest[] tests;
	private final double minX;
	private final double minY;
	private final double maxX;
	private final double maxY;
	private final double cellWidth;
	private final double cellHeight;
	private final int columns;
	private final int rows;
	private final int[] cellStart;
	private final int[] cellItems;

	private GridIndex(Geometry[] areas, AreaTest[] tests, Envelope extent, int columns, int rows, int[] cellStart,
			int[] cellItems) {
		this.areas = areas;
		this.tests = tests;
		this.minX = extent.getMinX();
		this.minY = extent.getMinY();
		this.maxX = extent.getMaxX();
		this.maxY = extent.getMaxY();
		this.columns = columns;
		this.rows = rows;
		this.cellWidth = extent.getWidth() / columns;
		this.cellHeight = extent.getHeight() / rows;
		this.cellStart = cellStart;
		this.cellItems = cellItems;
	}

	public static GridIndex build(List<? extends Geometry> areas) {
		return build(areas, DEFAULT_CELLS_PER_AREA);
	}

	public static GridIndex build(List<? extends Geometry> areas, int cellsPerArea) {
		Geometry[] all = areas.toArray(Geometry[]::new);
		AreaTest[] tests = new AreaTest[all.length];
		Envelope extent = new Envelope();
		for (int i = 0; i < all.length; i++) {
			tests[i] = AreaTest.of(all[i]);
			extent.expandToInclude(all[i].getEnvelopeInternal());
		}
		if (extent.isNull()) {
			extent = new Envelope(0, 1, 0, 1);
		}
		if (extent.getWidth() == 0 || extent.getHeight() == 0) {
			extent.expandBy(1e-9);
		}
		long wanted = Math.max(MIN_CELLS, Math.min(MAX_CELLS, (long) all.length * cellsPerArea));
		double aspect = extent.getWidth() / extent.getHeight();
		int columns = (int) Math.max(1, Math.round(Math.sqrt(wanted * aspect)));
		int rows = (int) Math.max(1, Math.round((double) wanted / columns));
		return new Builder(all, tests, extent, columns, rows).build();
	}

	/** The number of the area the point resolves to, or {@code -1} when it is outside every area. */
	public int locate(double x, double y) {
		if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) {
			return -1;
		}
		int column = Math.min((int) ((x - minX) / cellWidth), columns - 1);
		int row = Math.min((int) ((y - minY) / cellHeight), rows - 1);
		int cell = row * columns + column;
		int start = cellStart[cell];
		int end = cellStart[cell + 1];
		if (start == end) {
			return -1;
		}
		int first = cellItems[start];
		if (first < 0) {
			return ~first;
		}
		int boundary = -1;
		for (int k = start; k < end; k++) {
			int area = cellItems[k];
			int location = tests[area].locate(x, y);
			if (location == Location.INTERIOR) {
				return area;
			}
			if (location == Location.BOUNDARY && boundary < 0) {
				boundary = area;
			}
		}
		return boundary;
	}

	/** The numbers of the areas that intersect the box, ascending. */
	public int[] intersecting(double boxMinX, double boxMinY, double boxMaxX, double boxMaxY) {
		Envelope box = new Envelope(boxMinX, boxMaxX, boxMinY, boxMaxY);
		BitSet candidates = new BitSet(areas.length);
		int c0 = clampColumn(boxMinX);
		int c1 = clampColumn(boxMaxX);
		int r0 = clampRow(boxMinY);
		int r1 = clampRow(boxMaxY);
		boolean overlapsExtent = boxMaxX >= minX && boxMinX <= maxX && boxMaxY >= minY && boxMinY <= maxY;
		if (!overlapsExtent) {
			return new int[0];
		}
		if ((long) (c1 - c0 + 1) * (r1 - r0 + 1) > areas.length) {
			candidates.set(0, areas.length);
		}
		else {
			for (int r = r0; r <= r1; r++) {
				for (int c = c0; c <= c1; c++) {
					int cell = r * columns + c;
					for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
						int item = cellItems[k];
						candidates.set(item < 0 ? ~item : item);
					}
				}
			}
		}
		Polygon rectangle = GeoShapes.rectangle(boxMinX, boxMinY, boxMaxX, boxMaxY);
		return candidates.stream()
			.filter(i -> areas[i].getEnvelopeInternal().intersects(box))
			.filter(i -> box.contains(areas[i].getEnvelopeInternal()) || areas[i].intersects(rectangle))
			.toArray();
	}

	public int size() {
		return areas.length;
	}

	public Geometry area(int number) {
		return areas[number];
	}

	public int cellCount() {
		return columns * rows;
	}

	/** The share of cells answered without a polygon test (full cells), 0..1. */
	public double fullCellShare() {
		long full = 0;
		for (int cell = 0; cell < columns * rows; cell++) {
			if (cellStart[cell] < cellStart[cell + 1] && cellItems[cellStart[cell]] < 0) {
				full++;
			}
		}
		return (double) full / (columns * rows);
	}

	private int clampColumn(double x) {
		return (int) Math.max(0, Math.min(columns - 1, Math.floor((x - minX) / cellWidth)));
	}

	private int clampRow(double y) {
		return (int) Math.max(0, Math.min(rows - 1, Math.floor((y - minY) / cellHeight)));
	}

	/** Classifies the cells of every area's bounding box: crossed by its boundary, inside, or outside. */
	private static final class Builder {

		private final Geometry[] areas;
		private final AreaTest[] tests;
		private final Envelope extent;
		private final int columns;
		private final int rows;
		private final double cellWidth;
		private final double cellHeight;
		private long[] entries = new long[1024];
		private int size;

		Builder(Geometry[] areas, AreaTest[] tests, Envelope extent, int columns, int rows) {
			this.areas = areas;
			this.tests = tests;
			this.extent = extent;
			this.columns = columns;
			this.rows = rows;
			this.cellWidth = extent.getWidth() / columns;
			this.cellHeight = extent.getHeight() / rows;
		}

		GridIndex build() {
			for (int i = 0; i < areas.length; i++) {
				classify(i);
			}
			long[] sorted = Arrays.copyOf(entries, size);
			Arrays.parallelSort(sorted);
			int cells = columns * rows;
			int[] cellStart = new int[cells + 1];
			int[] items = new int[size];
			int written = 0;
			int k = 0;
			for (int cell = 0; cell < cells; cell++) {
				cellStart[cell] = written;
				int groupStart = k;
				while (k < sorted.length && (int) (sorted[k] >>> 32) == cell) {
					k++;
				}
				int groupSize = k - groupStart;
				if (groupSize == 1 && (sorted[groupStart] & 1) == 1) {
					items[written++] = ~((int) sorted[groupStart] >>> 1);
				}
				else {
					for (int g = groupStart; g < k; g++) {
						items[written++] = ((int) sorted[g]) >>> 1;
					}
				}
			}
			cellStart[cells] = written;
			return new GridIndex(areas, tests, extent, columns, rows, cellStart, Arrays.copyOf(items, written));
		}

		private void classify(int area) {
			Envelope env = areas[area].getEnvelopeInternal();
			int c0 = column(env.getMinX() - cellWidth * 1e-6);
			int c1 = column(env.getMaxX() + cellWidth * 1e-6);
			int r0 = row(env.getMinY() - cellHeight * 1e-6);
			int r1 = row(env.getMaxY() + cellHeight * 1e-6);
			int width = c1 - c0 + 1;
			BitSet crossed = new BitSet(width * (r1 - r0 + 1));
			Geometry geometry = areas[area];
			for (int p = 0; p < geometry.getNumGeometries(); p++) {
				Polygon polygon = (Polygon) geometry.getGeometryN(p);
				markRing(polygon.getExteriorRing().getCoordinates(), c0, r0, width, crossed);
				for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
					markRing(polygon.getInteriorRingN(h).getCoordinates(), c0, r0, width, crossed);
				}
			}
			for (int r = r0; r <= r1; r++) {
				for (int c = c0; c <= c1; c++) {
					int cell = r * columns + c;
					if (crossed.get((r - r0) * width + (c - c0))) {
						add(cell, area, false);
					}
					else {
						double cx = extent.getMinX() + (c + 0.5) * cellWidth;
						double cy = extent.getMinY() + (r + 0.5) * cellHeight;
						if (tests[area].locate(cx, cy) == Location.INTERIOR) {
							add(cell, area, true);
						}
					}
				}
			}
		}

		/** Marks every cell a segment of the ring may touch, conservatively (closed cells, a small margin). */
		private void markRing(org.locationtech.jts.geom.Coordinate[] ring, int c0, int r0, int width, BitSet crossed) {
			double marginX = cellWidth * 1e-6;
			double marginY = cellHeight * 1e-6;
			for (int i = 1; i < ring.length; i++) {
				double x1 = ring[i - 1].x;
				double y1 = ring[i - 1].y;
				double x2 = ring[i].x;
				double y2 = ring[i].y;
				double sMinX = Math.min(x1, x2);
				double sMaxX = Math.max(x1, x2);
				int ca = column(sMinX - marginX);
				int cb = column(sMaxX + marginX);
				for (int c = ca; c <= cb; c++) {
					double xa = Math.max(sMinX, extent.getMinX() + c * cellWidth);
					double xb = Math.min(sMaxX, extent.getMinX() + (c + 1) * cellWidth);
					double ya;
					double yb;
					if (x1 == x2 || xa > xb) {
						ya = Math.min(y1, y2);
						yb = Math.max(y1, y2);
					}
					else {
						double slope = (y2 - y1) / (x2 - x1);
						double yAtA = y1 + (xa - x1) * slope;
						double yAtB = y1 + (xb - x1) * slope;
						ya = Math.min(yAtA, yAtB);
						yb = Math.max(yAtA, yAtB);
					}
					int ra = row(ya - marginY - Math.abs(ya) * 1e-15);
					int rb = row(yb + marginY + Math.abs(yb) * 1e-15);
					for (int r = ra; r <= rb; r++) {
						crossed.set((r - r0) * width + (c - c0));
					}
				}
			}
		}

		private int column(double x) {
			return (int) Math.max(0, Math.min(columns - 1, Math.floor((x - extent.getMinX()) / cellWidth)));
		}

		private int row(double y) {
			return (int) Math.max(0, Math.min(rows - 1, Math.floor((y - extent.getMinY()) / cellHeight)));
		}

		private void add(int cell, int area, boolean full) {
			if (size == entries.length) {
				entries = Arrays.copyOf(entries, entries.length * 2);
			}
			entries[size++] = ((long) cell << 32) | ((long) area << 1) | (full ? 1 : 0);
		}
	}
}
