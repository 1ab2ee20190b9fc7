package io.gridgov.geo.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.gridgov.geo.GridBoundaryChanged;
import io.gridgov.geo.GridHit;
import io.gridgov.geo.GridLocator;

/**
 * The point → grid locator of this instance: an immutable {@link GridIndex} of the current
 * boundaries behind an {@link AtomicReference}. A change is answered by building a new index and
 * swapping it in, so readers never wait (ADR 0007). This instance rebuilds after its own boundary
 * changes commit ({@link GridBoundaryChanged}); changes made by other instances are noticed by
 * polling the one-row boundary revision (ADR 0009).
 */
@Component
class IndexedGridLocator implements GridLocator, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(IndexedGridLocator.class);

	private final GridStore store;
	private final AtomicReference<LocatorSnapshot> current = new AtomicReference<>();
	private final ScheduledExecutorService poller;

	IndexedGridLocator(GridStore store, @Value("${gridgov.geo.locator-poll-interval:5s}") Duration pollInterval) {
		this.store = store;
		this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "grid-locator-poll");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(100, pollInterval.toMillis());
		poller.scheduleWithFixedDelay(this::pollRevision, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public Optional<GridHit> locate(double longitude, double latitude) {
		return snapshot().locate(longitude, latitude);
	}

	@Override
	public List<String> gridsIn(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude) {
		return snapshot().gridsIn(minLongitude, minLatitude, maxLongitude, maxLatitude);
	}

	/** After the change commits; one rebuild serves every change of the same transaction. */
	@TransactionalEventListener
	void on(GridBoundaryChanged changed) {
		LocatorSnapshot snapshot = current.get();
		if (snapshot == null || snapshot.revision() != store.revision()) {
			refresh();
		}
	}

	/** The current boundaries of the grids whose boundary may meet the envelope, by code. */
	Map<String, Geometry> geometriesIn(Envelope envelope) {
		LocatorSnapshot snapshot = snapshot();
		Map<String, Geometry> geometries = new LinkedHashMap<>();
		for (int area : snapshot.index()
			.intersecting(envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY())) {
			geometries.put(snapshot.codes()[area].value(), snapshot.index().area(area));
		}
		return geometries;
	}

	/** Rebuilds from the database and swaps the new index in; readers keep using the old one meanwhile. */
	synchronized void refresh() {
		long revision = store.revision();
		LocatorSnapshot next = LocatorSnapshot.of(store.all(), revision);
		current.set(next);
		log.debug("Grid locator rebuilt: {} grids, revision {}", next.size(), revision);
	}

	long revision() {
		LocatorSnapshot snapshot = current.get();
		return snapshot == null ? -1 : snapshot.revision();
	}

	private LocatorSnapshot snapshot() {
		LocatorSnapshot snapshot = current.get();
		if (snapshot == null) {
			synchronized (this) {
				if (current.get() == null) {
					refresh();
				}
				snapshot = current.get();
			}
		}
		return snapshot;
	}

	private void pollRevision() {
		try {
			LocatorSnapshot snapshot = current.get();
			if (snapshot != null && store.revision() != snapshot.revision()) {
				refresh();
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not check the grid boundary revision: {}", e.getMessage());
		}
	}

	@Override
	public void destroy() {
		poller.shutdownNow();
	}
}
