package com.answerloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    /**
     * The diagrams docs/modules/ is regenerated from (scripts/module-diagram.sh): one per module plus the overview. The
     * copies in docs/ must show the modules and dependencies the code has now; the analytics module went missing from
     * them once because nothing compared the two.
     */
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
        try (Stream<Path> generated = Files.list(output)) {
            for (Path diagram : generated.toList()) {
                Path committed = Path.of("..", "docs", "modules").resolve(diagram.getFileName());
                assertThat(committed)
                        .as("docs/modules/%s is out of date: run scripts/module-diagram.sh", diagram.getFileName())
                        .exists();
                assertThat(elements(committed))
                        .as("docs/modules/%s is out of date: run scripts/module-diagram.sh", diagram.getFileName())
                        .isEqualTo(elements(diagram));
            }
        }
    }

    /** A diagram's modules and arrows; the Documenter does not write them in a stable order, so order is ignored. */
    private static Set<String> elements(Path diagram) throws IOException {
        return Files.readAllLines(diagram).stream()
                .map(String::strip)
                .filter(line -> line.startsWith("Component(") || line.startsWith("Rel("))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
