package io.gridgov;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of ARCHITECTURE.md hold, and the module diagram in docs/modules is current. */
class ModularityTests {

	private static final Path DOCS = Path.of("docs/modules");

	private final ApplicationModules modules = ApplicationModules.of(GridGovApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesTheModuleDiagramToDocs() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		sortRelations();
	}

	/** The documenter lists relations in no fixed order; sorted, the committed diagrams only change when the modules do. */
	private static void sortRelations() throws IOException {
		try (Stream<Path> files = Files.list(DOCS)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".puml")).toList()) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				List<String> sorted = new ArrayList<>(lines.size());
				List<String> run = new ArrayList<>();
				for (String line : lines) {
					if (line.startsWith("Rel(")) {
						run.add(line);
						continue;
					}
					run.sort(null);
					sorted.addAll(run);
					run.clear();
					sorted.add(line);
				}
				run.sort(null);
				sorted.addAll(run);
				Files.write(file, sorted, StandardCharsets.UTF_8);
			}
		}
	}
}
