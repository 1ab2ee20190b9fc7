package io.gridgov.cases.internal.calendar;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the State Council calendars into an empty working calendar on first start, in every profile. */
@Component
@Order(50)
class CalendarBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CalendarBootstrap.class);

	private final CalendarStore store;
	private final TransactionTemplate transaction;
	private final Clock clock;

	CalendarBootstrap(CalendarStore store, TransactionTemplate transaction, Clock clock) {
		this.store = store;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> {
			if (store.isEmpty()) {
				StateCouncilHolidays.all().forEach(year -> store.replace(year, clock.instant()));
				log.info("Working calendar loaded: {}", store.years());
			}
		});
	}
}
