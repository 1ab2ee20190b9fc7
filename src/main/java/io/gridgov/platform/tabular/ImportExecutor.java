package io.gridgov.platform.tabular;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs import jobs off the request on a few daemon threads, with the security context of the user
 * who uploaded the file; the temporary upload is deleted when its job ends.
 */
public final class ImportExecutor {

	private static final Logger log = LoggerFactory.getLogger(ImportExecutor.class);

	private final ExecutorService executor;

	public ImportExecutor(String threadName, int threads) {
		this.executor = Executors.newFixedThreadPool(threads, runnable -> {
			Thread thread = new Thread(runnable, threadName);
			thread.setDaemon(true);
			return thread;
		});
	}

	public void submit(UUID id, Upload upload, Consumer<Path> job) {
		SecurityContext context = SecurityContextHolder.getContext();
		executor.submit(() -> {
			SecurityContextHolder.setContext(context);
			try {
				job.accept(upload.file());
			}
			finally {
				SecurityContextHolder.clearContext();
				try {
					Files.deleteIfExists(upload.file());
				}
				catch (IOException e) {
					log.warn("Could not delete the temporary import file of job {}", id);
				}
			}
		});
	}

	public void shutdown() throws InterruptedException {
		executor.shutdown();
		executor.awaitTermination(10, TimeUnit.SECONDS);
	}
}
