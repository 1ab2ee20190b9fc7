package io.gridgov.platform.idempotency;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.platform.Ids;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Test-only endpoints that use {@link Idempotency} the way a real POST does: the work writes a row
 * (the business write) and answers 201 with a Location. The tests steer it: block the next call
 * inside its transaction, or make the next calls fail after their write.
 */
@RestController
class IdempotencyProbeController {

	static final String PATH = "/api/test/idempotency/probes";
	static final String PUBLIC_PATH = "/api/public/test/idempotency/probes";
	static final String TABLE_DDL = "CREATE TABLE IF NOT EXISTS platform_test_probe (id UUID PRIMARY KEY, name VARCHAR(100) NOT NULL)";

	record ProbeCommand(String name, Integer size) {
	}

	record ProbeResult(UUID id, String name, Integer size) {
	}

	final AtomicInteger invocations = new AtomicInteger();
	final AtomicInteger failuresLeft = new AtomicInteger();
	final AtomicBoolean blockNext = new AtomicBoolean();
	volatile CountDownLatch entered = new CountDownLatch(1);
	volatile CountDownLatch gate = new CountDownLatch(0);

	private final Idempotency idempotency;
	private final JdbcClient jdbc;
	private final Clock clock;

	IdempotencyProbeController(Idempotency idempotency, JdbcClient jdbc, Clock clock) {
		this.idempotency = idempotency;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@PostMapping(PATH)
	ResponseEntity<?> create(@RequestBody ProbeCommand command, HttpServletRequest request) {
		return idempotency.execute(IdempotencyRequest.of(request, "test.probe", command), () -> work(command));
	}

	@PostMapping(PUBLIC_PATH)
	ResponseEntity<?> createAnonymously(@RequestBody ProbeCommand command, HttpServletRequest request) {
		return idempotency.execute(IdempotencyRequest.of(request, "test.public-probe", command), () -> work(command));
	}

	private ResponseEntity<?> work(ProbeCommand command) {
		invocations.incrementAndGet();
		UUID id = Ids.newId(clock);
		jdbc.sql("INSERT INTO platform_test_probe (id, name) VALUES (?, ?)").params(id, command.name()).update();
		if (blockNext.getAndSet(false)) {
			entered.countDown();
			try {
				if (!gate.await(20, TimeUnit.SECONDS)) {
					throw new IllegalStateException("the test never opened the gate");
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
			throw new DomainException(ErrorKind.CONFLICT, "conflict.duplicate");
		}
		return ResponseEntity.created(URI.create(PATH + "/" + id)).body(new ProbeResult(id, command.name(), command.size()));
	}
}
