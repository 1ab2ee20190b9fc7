package io.gridgov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * GridGov (智慧网格治理平台): one deployable modular monolith. Spring Boot's generated in-memory
 * user is switched off: accounts live in the identity module only, and there is no default password.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class GridGovApplication {

	public static void main(String[] args) {
		SpringApplication.run(GridGovApplication.class, args);
	}
}
