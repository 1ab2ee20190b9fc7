package io.gridgov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GridGovApplication {

	public static void main(String[] args) {
		SpringApplication.run(GridGovApplication.class, args);
	}
}
