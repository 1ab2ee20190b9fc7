package io.gridgov.geo.internal;

import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/** Prints the build time and retained heap of the cell index and of the textbook STRtree for 100,000 grids. */
public final class LocatorFootprint {

	private LocatorFootprint() {
	}

	public static void main(String[] args) {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		long start = System.nanoTime();
		List<Geometry> polygons = BenchPolygons.polygons(count);
		System.out.printf("polygons: %d generated in %.1f s%n", polygons.size(), (System.nanoTime() - start) / 1e9);
		long base = usedHeap();
		double best = Double.MAX_VALUE;
		GridIndex index = null;
		for (int round = 0; round < 3; round++) {
			index = null;
			usedHeap();
			long t0 = System.nanoTime();
			index = GridIndex.build(polygons);
			best = Math.min(best, (System.nanoTime() - t0) / 1e9);
		}
		long indexBytes = usedHeap() - base;
		System.out.printf("cell index: build %.2f s (best of 3), %d cells, %.0f%% full, retained %.0f MB%n", best,
				index.cellCount(), index.fullCellShare() * 100, indexBytes / 1e6);
		index = null;
		base = usedHeap();
		long t0 = System.nanoTime();
		STRtree tree = new STRtree();
		for (Geometry polygon : polygons) {
			tree.insert(polygon.getEnvelopeInternal(), polygon);
		}
		tree.build();
		double treeSeconds = (System.nanoTime() - t0) / 1e9;
		long treeBytes = usedHeap() - base;
		System.out.printf("STRtree: build %.2f s, retained %.0f MB (without the per-polygon locators, built lazily)%n",
				treeSeconds, treeBytes / 1e6);
		System.out.println(tree.size() > 0 ? "" : "empty");
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}
}
