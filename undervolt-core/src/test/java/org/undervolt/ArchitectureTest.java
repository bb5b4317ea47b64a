package org.undervolt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of {@code docs/ARCHITECTURE.md} ("Dependency direction"), checked over the
 * compiled main classes of the core module. Each rule names the packages a package may use; every
 * other package of ours is forbidden to it.
 */
class ArchitectureTest {

    /** Every package of ours, as ArchUnit package identifiers ({@code ".."}: with sub-packages). */
    private static final List<String> OURS = List.of(
            "org.undervolt", "org.undervolt.random..", "org.undervolt.io..", "org.undervolt.data..",
            "org.undervolt.dram", "org.undervolt.dram.access..", "org.undervolt.dram.bench..", "org.undervolt.dram.device..",
            "org.undervolt.dram.energy..", "org.undervolt.dram.error..", "org.undervolt.dram.sim..",
            "org.undervolt.dram.spec..", "org.undervolt.dram.trace..", "org.undervolt.storage..",
            "org.undervolt.nn..", "org.undervolt.snn..",
            "org.undervolt.fault..", "org.undervolt.resilience..", "org.undervolt.mapping..",
            "org.undervolt.usecase..", "org.undervolt.experiment..", "org.undervolt.store..", "org.undervolt.report..",
            "org.undervolt.cli..");

    /** The basics every package may use: the root package, seeds and neutral I/O. */
    private static final List<String> BASICS = List.of("org.undervolt", "org.undervolt.random..", "org.undervolt.io..");

    /** The DRAM packages. */
    private static final String[] DRAM = OURS.stream().filter(p -> p.startsWith("org.undervolt.dram"))
            .toArray(String[]::new);

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.undervolt");
    }

    /** The rule "classes in {@code pkg} use no package of ours except {@code allowed} (and itself)". */
    private static ArchRule usesOnly(String pkg, String... allowed) {
        List<String> permitted = new ArrayList<>(Arrays.asList(allowed));
        permitted.add(pkg);
        String[] forbidden = OURS.stream().filter(p -> !permitted.contains(p)).toArray(String[]::new);
        return noClasses().that().resideInAPackage(pkg)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("docs/ARCHITECTURE.md: " + pkg + " may use only " + permitted);
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(first));
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    private static String[] basicsAnd(String... more) {
        List<String> all = new ArrayList<>(BASICS);
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    /** A package the rules do not name would be free to use anything: every package must be one of {@link #OURS}. */
    @Test
    void everyPackageIsUnderARule() {
        List<String> unruled = classes.stream().map(JavaClass::getPackageName).distinct()
                .filter(p -> OURS.stream().noneMatch(rule -> PackageMatcher.of(rule).matches(p))).sorted().toList();
        assertThat(unruled).as("packages no rule of docs/ARCHITECTURE.md names").isEmpty();
    }

    @Test
    void ioDependsOnNothingOfOurs() {
        usesOnly("org.undervolt.io..").check(classes);
    }

    @Test
    void randomAndTheRootUseOnlyEachOtherAndIo() {
        usesOnly("org.undervolt.random..", "org.undervolt", "org.undervolt.io..").check(classes);
        usesOnly("org.undervolt", "org.undervolt.random..", "org.undervolt.io..").check(classes);
    }

    @Test
    void dataKnowsNothingOfTheRest() {
        usesOnly("org.undervolt.data..", basicsAnd()).check(classes);
    }

    @Test
    void storageKnowsNothingOfTheRest() {
        usesOnly("org.undervolt.storage..", basicsAnd()).check(classes);
    }

    @Test
    void dramKnowsNothingOfTheRest() {
        for (String pkg : DRAM) {
            usesOnly(pkg, basicsAnd(DRAM)).check(classes);
        }
    }

    @Test
    void nnUsesOnlyDataSets() {
        usesOnly("org.undervolt.nn..", basicsAnd("org.undervolt.data..")).check(classes);
    }

    @Test
    void snnUsesOnlyDataSetsAndKnowsNothingOfFaults() {
        usesOnly("org.undervolt.snn..", basicsAnd("org.undervolt.data..")).check(classes);
    }

    @Test
    void faultUsesErrorModelsAndStorage() {
        usesOnly("org.undervolt.fault..", basicsAnd("org.undervolt.dram.error..", "org.undervolt.storage.."))
                .check(classes);
    }

    @Test
    void resilienceUsesFaultNnSnn() {
        usesOnly("org.undervolt.resilience..", basicsAnd("org.undervolt.data..", "org.undervolt.dram.error..",
                "org.undervolt.storage..", "org.undervolt.fault..", "org.undervolt.nn..", "org.undervolt.snn.."))
                .check(classes);
    }

    @Test
    void mappingUsesDramStorageNetworksAndResilienceResults() {
        usesOnly("org.undervolt.mapping..", basicsAnd(concat(DRAM, "org.undervolt.data..",
                "org.undervolt.storage..", "org.undervolt.nn..", "org.undervolt.snn..", "org.undervolt.resilience..")))
                .check(classes);
    }

    @Test
    void storeIsALeaf() {
        usesOnly("org.undervolt.store..", basicsAnd()).check(classes);
    }

    @Test
    void reportIsALeaf() {
        usesOnly("org.undervolt.report..", basicsAnd()).check(classes);
    }

    @Test
    void useCasesUseTheLibraryButNeverThePipelinesTheCliTheStoreOrTheReport() {
        List<String> above = List.of("org.undervolt.experiment..", "org.undervolt.cli..", "org.undervolt.store..",
                "org.undervolt.report..");
        usesOnly("org.undervolt.usecase..", OURS.stream().filter(p -> !above.contains(p)).toArray(String[]::new))
                .check(classes);
    }

    @Test
    void experimentUsesEverythingButTheCli() {
        usesOnly("org.undervolt.experiment..", OURS.stream()
                .filter(p -> !p.equals("org.undervolt.cli..")).toArray(String[]::new)).check(classes);
    }

    @Test
    void theCliIsUsedByNothing() {
        noClasses().that().resideOutsideOfPackage("org.undervolt.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.undervolt.cli..")
                .check(classes);
    }

    @Test
    void theCoreNeverImportsSpark() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.spark..").check(classes);
    }
}
