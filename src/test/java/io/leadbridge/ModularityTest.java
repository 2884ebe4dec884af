package io.leadbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Every feature package is a module (spring-modulith), and the modules depend on each other in one
 * direction: {@link #dependsInOneDirection()} fails the build on any cycle, on a dependency a low
 * module does not allow in its {@code package-info.java}, and on a reach into another module's
 * internals. The overview in docs/architecture.md "Packages" says the same as the code.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(LeadbridgeApplication.class);

    /** A row of the overview: | `module` | owns | `dependency`, `dependency` |. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|.*\\| ((?:`[a-z]+`(?:, )?)*|—) \\|$");

    @Test
    void dependsInOneDirection() {
        MODULES.verify();
    }

    /** The C4 component diagram of all modules, one per module, and each module's canvas, in target/. */
    @Test
    void writesTheModuleOverview() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
                .writeDocumentation();
        assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
    }

    @Test
    void theOverviewInTheArchitectureDocumentSaysWhatTheCodeDoes() throws IOException {
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                documented.put(row.group(1), row.group(2).equals("—") ? Set.of()
                        : Arrays.stream(row.group(2).split(", ")).map(name -> name.replace("`", ""))
                                .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        Map<String, Set<String>> actual = new TreeMap<>();
        for (ApplicationModule module : MODULES) {
            actual.put(module.getName(), module.getDirectDependencies(MODULES).uniqueModules()
                    .map(ApplicationModule::getName).collect(Collectors.toCollection(TreeSet::new)));
        }
        assertThat(documented).isEqualTo(actual);
    }
}
