package io.gridgov.cases.internal.loop;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.gridgov.cases.CaseEvent;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.RegionCode;

/**
 * The live queue: Server-Sent Events with the summary of every case that changed, sent after the
 * change committed, to the subscribers whose region scope contains the case's grid. Per instance:
 * a subscriber sees the changes committed on the instance it is connected to (ADR 0019). Best
 * effort and not in the outbox: a client that reconnects reloads its list.
 */
@Component
class CaseStream implements DisposableBean {

	static final String EVENT_NAME = "case";
	private static final Logger log = LoggerFactory.getLogger(CaseStream.class);

	/** One open stream and the scope of the user who opened it. */
	record Subscriber(SseEmitter emitter, RegionCode scope) {
	}

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
	private final CaseStore store;
	private final CaseViews views;
	private final Duration timeout;
	private final ScheduledExecutorService worker;

	CaseStream(CaseStore store, CaseViews views, @Value("${gridgov.cases.stream.timeout:30m}") Duration timeout,
			@Value("${gridgov.cases.stream.heartbeat:20s}") Duration heartbeat) {
		this.store = store;
		this.views = views;
		this.timeout = timeout;
		// one thread sends everything (changes in commit order, heartbeats), off the request threads
		this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "case-stream");
			thread.setDaemon(true);
			return thread;
		});
		this.worker.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	SseEmitter subscribe(Actor actor) {
		SseEmitter emitter = new SseEmitter(timeout.toMillis());
		Subscriber subscriber = new Subscriber(emitter, actor.scope());
		emitter.onCompletion(() -> subscribers.remove(subscriber));
		emitter.onTimeout(() -> {
			subscribers.remove(subscriber);
			emitter.complete();
		});
		emitter.onError(e -> subscribers.remove(subscriber));
		subscribers.add(subscriber);
		send(subscriber, SseEmitter.event().comment("open"));
		return emitter;
	}

	int subscriberCount() {
		return subscribers.size();
	}

	/** Collects the cases a transaction changed and pushes them once it has committed. */
	@EventListener
	void on(CaseEvent event) {
		if (subscribers.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			push(List.of(event.caseId()));
			return;
		}
		@SuppressWarnings("unchecked")
		Set<UUID> changed = (Set<UUID>) TransactionSynchronizationManager.getResource(this);
		if (changed == null) {
			Set<UUID> ids = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(this, ids);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					push(List.copyOf(ids));
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CaseStream.this);
				}
			});
			changed = ids;
		}
		changed.add(event.caseId());
	}

	private void push(List<UUID> ids) {
		worker.execute(() -> {
			try {
				CaseViews.Names names = views.names();
				for (UUID id : ids) {
					store.find(id).ifPresent(stored -> {
						CaseViews.CaseSummary summary = views.summary(stored, names);
						RegionCode grid = stored.snapshot().gridCode();
						for (Subscriber subscriber : subscribers) {
							if (subscriber.scope().contains(grid)) {
								send(subscriber, SseEmitter.event().name(EVENT_NAME).data(summary, MediaType.APPLICATION_JSON));
							}
						}
					});
				}
			}
			catch (RuntimeException e) {
				log.warn("Live queue could not push {} case change(s): {}", ids.size(), e.getClass().getSimpleName());
			}
		});
	}

	private void heartbeat() {
		for (Subscriber subscriber : subscribers) {
			send(subscriber, SseEmitter.event().comment("heartbeat"));
		}
	}

	private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
		try {
			subscriber.emitter().send(event);
		}
		catch (IOException | IllegalStateException gone) {
			// the client went away (or the stream already ended): forget it
			subscribers.remove(subscriber);
			try {
				subscriber.emitter().completeWithError(gone);
			}
			catch (RuntimeException ignored) {
				// already completed
			}
		}
	}

	@Override
	public void destroy() {
		worker.shutdownNow();
		for (Subscriber subscriber : subscribers) {
			try {
				subscriber.emitter().complete();
			}
			catch (RuntimeException ignored) {
				// the container may already have closed it
			}
		}
		subscribers.clear();
	}
}
