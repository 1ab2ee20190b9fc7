package io.gridgov;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of ARCHITECTURE.md hold, and the module diagram in docs/modules is current. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(GridGovApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesTheModuleDiagramToDocs() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}
}
