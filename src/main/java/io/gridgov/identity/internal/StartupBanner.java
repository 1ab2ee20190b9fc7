package io.gridgov.identity.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started GridGov where it runs and, in demo mode, how to sign in. */
@Component
class StartupBanner {

	private final DemoAccounts demo;
	private final Environment environment;

	StartupBanner(DemoAccounts demo, Environment environment) {
		this.demo = demo;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		StringBuilder banner = new StringBuilder("\n");
		banner.append("  GridGov 智慧网格治理平台 is running at http://localhost:").append(port).append("/\n");
		if (demo.enabled()) {
			banner.append("  Demo logins (Waihai demo data, demo mode only):\n");
			for (DemoAccounts.Account account : demo.accounts()) {
				banner.append(String.format("    %-12s %-15s password %s  (%s)%n", account.username(),
						account.role().name(), account.password(), account.displayName()));
			}
		}
		System.out.println(banner);
	}
}
