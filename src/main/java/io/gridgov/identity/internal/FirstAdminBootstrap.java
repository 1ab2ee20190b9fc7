package io.gridgov.identity.internal;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.geo.Region;
import io.gridgov.geo.Regions;
import io.gridgov.identity.Role;
import io.gridgov.platform.Ids;
import io.gridgov.platform.problem.DomainException;

/**
 * There is no fixed production password. When the database has no account yet, the first
 * administrator gets the password from {@code GRIDGOV_ADMIN_PASSWORD} (checked against the
 * password policy; a weak one stops the start), or a generated one printed once to the console.
 */
@Component
@Order(30)
class FirstAdminBootstrap implements ApplicationRunner {

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
	private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
	private static final String DIGITS = "23456789";
	private static final String SYMBOLS = "@#%+=-_";

	private final UserRepository users;
	private final Regions regions;
	private final PasswordEncoder passwords;
	private final PasswordPolicy policy;
	private final Clock clock;
	private final String username;
	private final String configuredPassword;
	private final PrintStream console;

	FirstAdminBootstrap(UserRepository users, Regions regions, PasswordEncoder passwords, PasswordPolicy policy,
			Clock clock, @Value("${gridgov.admin.username:admin}") String username,
			@Value("${gridgov.admin.password:}") String configuredPassword) {
		this.users = users;
		this.regions = regions;
		this.passwords = passwords;
		this.policy = policy;
		this.clock = clock;
		this.username = username;
		this.configuredPassword = configuredPassword;
		this.console = System.out;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (users.count() > 0) {
			return;
		}
		Region root = regions.roots().stream().findFirst()
			.orElseThrow(() -> new IllegalStateException("No region exists to scope the first administrator to"));
		boolean generated = configuredPassword == null || configuredPassword.isBlank();
		String password = generated ? generate() : configuredPassword;
		if (!generated) {
			try {
				policy.check(username, password);
			}
			catch (DomainException weak) {
				throw new IllegalStateException("GRIDGOV_ADMIN_PASSWORD does not meet the password policy ("
						+ weak.code() + "): at least 10 characters, three of upper case, lower case, digits, symbols, not containing the user name");
			}
		}
		users.save(User.create(Ids.newId(clock), username, "系统管理员", passwords.encode(password), EnumSet.of(Role.ADMIN),
				root.code(), clock.instant()));
		if (generated) {
			console.println();
			console.println("==================== GridGov: first administrator ====================");
			console.println("  user name: " + username);
			console.println("  password:  " + password);
			console.println("  This password is shown once. Sign in and change it.");
			console.println("======================================================================");
			console.println();
		}
	}

	static String generate() {
		SecureRandom random = new SecureRandom();
		String all = UPPER + LOWER + DIGITS + SYMBOLS;
		StringBuilder password = new StringBuilder();
		password.append(UPPER.charAt(random.nextInt(UPPER.length())));
		password.append(LOWER.charAt(random.nextInt(LOWER.length())));
		password.append(DIGITS.charAt(random.nextInt(DIGITS.length())));
		password.append(SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
		while (password.length() < 20) {
			password.append(all.charAt(random.nextInt(all.length())));
		}
		for (int i = password.length() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			char c = password.charAt(i);
			password.setCharAt(i, password.charAt(j));
			password.setCharAt(j, c);
		}
		return password.toString();
	}
}
