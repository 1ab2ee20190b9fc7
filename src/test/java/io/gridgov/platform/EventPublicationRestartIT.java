package io.gridgov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.support.DatabaseAvailableCondition;
import io.gridgov.support.Instances;

/**
 * The JDBC event publication registry is the transactional outbox: an event published in a
 * committed transaction whose listener did not finish (the process died, the listener failed)
 * is delivered when the application starts again.
 */
@ExtendWith(DatabaseAvailableCondition.class)
class EventPublicationRestartIT {

	static final AtomicBoolean LISTENER_FAILS = new AtomicBoolean();
	static final AtomicInteger FAILED_ATTEMPTS = new AtomicInteger();
	static final CopyOnWriteArrayList<String> DELIVERED = new CopyOnWriteArrayList<>();

	public record ProbeHappened(String marker) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		ProbeListener probeListener() {
			return new ProbeListener();
		}
	}

	static class ProbeListener {

		@ApplicationModuleListener
		void on(ProbeHappened event) {
			if (LISTENER_FAILS.get()) {
				FAILED_ATTEMPTS.incrementAndGet();
				throw new IllegalStateException("listener down (simulated crash)");
			}
			DELIVERED.add(event.marker());
		}
	}

	@Test
	void eventOfACommittedTransactionIsDeliveredAfterARestart() throws Exception {
		LISTENER_FAILS.set(true);
		String marker = "probe-" + System.nanoTime();
		try (ConfigurableApplicationContext first = Instances.start("outbox", "", Instances.TEST_PERSONAL_DATA_KEYS, Probe.class)) {
			TransactionTemplate tx = first.getBean(TransactionTemplate.class);
			ApplicationEventPublisher events = first;
			tx.executeWithoutResult(status -> events.publishEvent(new ProbeHappened(marker)));
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			awaitTrue(() -> FAILED_ATTEMPTS.get() >= 1);
			assertThat(incomplete(jdbc, marker)).isEqualTo(1);
			assertThat(DELIVERED).doesNotContain(marker);
		}

		LISTENER_FAILS.set(false);
		try (ConfigurableApplicationContext second = Instances.start("outbox", "", Instances.TEST_PERSONAL_DATA_KEYS, Probe.class)) {
			awaitTrue(() -> DELIVERED.contains(marker));
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			awaitTrue(() -> incomplete(jdbc, marker) == 0);
		}
		assertThat(DELIVERED).containsOnlyOnce(marker);
	}

	private static long incomplete(JdbcClient jdbc, String marker) {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%" + marker + "%")
			.query(Long.class)
			.single();
	}

	private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 20 s");
			}
			Thread.sleep(50);
		}
	}
}
