package io.gridgov.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.geo.WaihaiDemo;
import io.gridgov.identity.Role;
import io.gridgov.platform.Ids;
import io.gridgov.platform.scope.RegionCode;

/**
 * The demo profile's accounts: one per role, with a password that the login page shows in demo
 * mode only. Outside demo mode this component creates nothing and reveals nothing.
 */
@Component
@Order(20)
class DemoAccounts implements ApplicationRunner {

	static final String DEMO_PASSWORD = "Waihai@2026";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private static final List<Account> ACCOUNTS = List.of(
			new Account("admin", DEMO_PASSWORD, Role.ADMIN, "系统管理员", WaihaiDemo.JIANGHAI.value()),
			new Account("auditor", DEMO_PASSWORD, Role.AUDITOR, "安全审计员", WaihaiDemo.JIANGHAI.value()),
			new Account("command", DEMO_PASSWORD, Role.COMMAND_CENTRE, "指挥中心值班员", WaihaiDemo.WAIHAI.value()),
			new Account("department", DEMO_PASSWORD, Role.DEPARTMENT, "城管执法中队", WaihaiDemo.WAIHAI.value()),
			new Account("gridworker", DEMO_PASSWORD, Role.GRID_WORKER, "陈晓敏",
					WaihaiDemo.grid(WaihaiDemo.CHENGHUANG, 1).value()),
			new Account("mediator", DEMO_PASSWORD, Role.MEDIATOR, "黄志明", WaihaiDemo.WAIHAI.value()),
			new Account("party", DEMO_PASSWORD, Role.PARTY_OFFICER, "党建专干", WaihaiDemo.WAIHAI.value()),
			new Account("leader", DEMO_PASSWORD, Role.LEADER, "街道领导", WaihaiDemo.WAIHAI.value()));

	private final boolean enabled;
	private final UserRepository users;
	private final PasswordEncoder passwords;
	private final Clock clock;

	DemoAccounts(@Value("${gridgov.demo.enabled:false}") boolean enabled, UserRepository users,
			PasswordEncoder passwords, Clock clock) {
		this.enabled = enabled;
		this.users = users;
		this.passwords = passwords;
		this.clock = clock;
	}

	boolean enabled() {
		return enabled;
	}

	List<Account> accounts() {
		return enabled ? ACCOUNTS : List.of();
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		String hash = passwords.encode(DEMO_PASSWORD);
		int created = 0;
		for (Account account : ACCOUNTS) {
			if (!users.existsByUsername(account.username())) {
				users.save(User.create(Ids.newId(clock), account.username(), account.displayName(), hash,
						EnumSet.of(account.role()), RegionCode.of(account.scopeCode()), clock.instant()));
				created++;
			}
		}
		if (created > 0) {
			log.info("Created {} demo accounts", created);
		}
	}

	record Account(String username, String password, Role role, String displayName, String scopeCode) {
	}
}
