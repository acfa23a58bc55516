package com.answerloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module boundaries from the architecture and writes the module diagrams for docs/. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(AnswerloopApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    /** The diagrams docs/modules/ is regenerated from (scripts/module-diagram.sh): one per module plus the overview. */
    @Test
    void writesModuleDocumentation() throws IOException {
        Path output = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        String overview = Files.readString(output.resolve("components.puml"));
        for (ApplicationModule module : modules) {
            assertThat(overview).as("overview diagram").contains(module.getDisplayName());
            assertThat(output.resolve("module-" + module.getIdentifier() + ".puml"))
                    .as("diagram of " + module.getIdentifier())
                    .isNotEmptyFile();
        }
    }
}
