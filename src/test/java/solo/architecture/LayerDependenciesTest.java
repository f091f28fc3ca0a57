package solo.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layers of docs/architecture.md, enforced: dependencies point one way. */
class LayerDependenciesTest {
    private static final JavaClasses SOLO = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("solo");

    @Test
    void each_layer_depends_only_on_the_layers_below_it() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Interfaces").definedBy("solo.interfaces..", "solo.bench..", "solo.demo..", "solo")
                .layer("App").definedBy("solo.app..")
                .layer("Execution").definedBy("solo.execution..")
                .layer("Orchestration").definedBy("solo.orchestration..")
                .layer("Memory").definedBy("solo.memory..")
                .layer("State").definedBy("solo.state..", "solo.company..")
                .layer("Support").definedBy("solo.support..")
                .whereLayer("Interfaces").mayNotBeAccessedByAnyLayer()
                .whereLayer("App").mayOnlyBeAccessedByLayers("Interfaces")
                .whereLayer("Execution").mayOnlyBeAccessedByLayers("App", "Interfaces")
                .whereLayer("Orchestration").mayOnlyBeAccessedByLayers("App", "Interfaces", "Execution")
                .whereLayer("Memory").mayOnlyBeAccessedByLayers("App", "Interfaces", "Execution", "Orchestration")
                .whereLayer("State").mayOnlyBeAccessedByLayers("App", "Interfaces", "Execution", "Orchestration", "Memory")
                .allowEmptyShould(true)
                .check(SOLO);
    }

    @Test
    void internal_packages_are_used_only_by_their_own_layer_and_the_wiring() {
        noClasses().that().resideOutsideOfPackages("solo.state..", "solo.app..")
                .should().dependOnClassesThat().resideInAPackage("solo.state.internal..")
                .check(SOLO);
    }
}
