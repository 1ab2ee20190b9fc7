package io.gridgov.cases.internal.loop;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.identity.Users;

/**
 * The Waihai demo's case-loop accounts: the demo user {@code department} acts for the urban
 * management office (城市管理和综合执法办公室), the department most city-appearance cases go to.
 */
@Component
@Order(55)
class CaseDemo implements ApplicationRunner {

	static final String DEMO_DEPARTMENT = "URBAN_MGMT";

	private final boolean enabled;
	private final Users users;
	private final CaseActors actors;
	private final TransactionTemplate transaction;

	CaseDemo(@Value("${gridgov.demo.enabled:false}") boolean enabled, Users users, CaseActors actors,
			TransactionTemplate transaction) {
		this.enabled = enabled;
		this.users = users;
		this.actors = actors;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		users.idOf("department")
			.ifPresent(id -> transaction.executeWithoutResult(status -> actors.addMember(DEMO_DEPARTMENT, id)));
	}
}
