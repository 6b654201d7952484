package org.primum;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package arrows of the service, checked on the compiled main classes:
 *
 * <pre>
 *   entry points (tumourboard, cdshooks, audit, metrics) ──► api (HTTP: media types, sizes, OperationOutcomes)
 *          │
 *          └──► core (Pipeline) ──► fhir (HAPI: FHIR JSON → ClinicalRecord) ──┐
 *                    ├────────────► definitions (catalogue definitions) ───────┼──► facts
 *                    └────────────► engine (Drools rules) ─────────────────────┘
 *   input (domain input errors) may be used by all but facts, engine and definitions.
 * </pre>
 *
 * An entry point reaches mapping and rules only through {@code core}; it may read the result types of
 * {@code engine} and {@code facts}. HAPI ({@code ca.uhn}, {@code org.hl7}) stays in {@code fhir} and
 * {@code api}, with the exceptions named in {@link #HAPI_IN_CDS_HOOKS}.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.primum");

    private static final String[] HAPI = {"ca.uhn..", "org.hl7.."};
    private static final String[] FRAMEWORKS = {"io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta..", "javax..",
            "org.jboss.resteasy..", "org.eclipse.microprofile.."};
    /** Metrics count at the HTTP edge and listen to the core's evaluations: an entry point's level, not the core's. */
    private static final String[] ENTRY_POINTS = {"org.primum.tumourboard..", "org.primum.cdshooks..", "org.primum.audit..",
            "org.primum.metrics.."};

    /**
     * The classes of the CDS Hooks service allowed to use HAPI, each for a reason: {@code HookCall} is the
     * prefetch reader and {@code DraftOrderReader} turns its draft orders into the JSON the cards work on.
     */
    private static final String HAPI_IN_CDS_HOOKS = "org\\.primum\\.cdshooks\\.(HookCall|DraftOrderReader)(\\$.*)?";

    @Test
    void onlyFhirAndApiUseHapi() {
        noClasses().that().resideOutsideOfPackages("org.primum.fhir..", "org.primum.api..")
                .and(not(nameMatching(HAPI_IN_CDS_HOOKS)))
                .should().dependOnClassesThat().resideInAnyPackage(HAPI)
                .because("HAPI FHIR is how the fhir package reads FHIR and how api writes OperationOutcomes; the rest of"
                        + " the service sees FHIR as JSON or as facts")
                .check(MAIN);
    }

    @Test
    void theCoreIsPlainJava() {
        noClasses().that().resideInAPackage("org.primum.core..")
                .should().dependOnClassesThat().resideInAnyPackage(HAPI)
                .orShould().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the core runs outside the service (command line, Spark executor): no HAPI type in its API, no"
                        + " CDI, Quarkus or HTTP type at all")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("org.primum.fhir..", "org.primum.definitions..", "org.primum.engine..",
                        "org.primum.facts..", "org.primum.input..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("everything the core is built from runs without the service's framework")
                .check(MAIN);
    }

    @Test
    void factsUseNothingOfTheProject() {
        classes().that().resideInAPackage("org.primum.facts..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackages("org.primum..").or(resideInAnyPackage("org.primum.facts..")))
                .check(MAIN);
    }

    @Test
    void engineAndDefinitionsUseOnlyFacts() {
        for (String layer : new String[]{"org.primum.engine..", "org.primum.definitions.."}) {
            classes().that().resideInAPackage(layer)
                    .should().onlyDependOnClassesThat(resideOutsideOfPackages("org.primum..")
                            .or(resideInAnyPackage(layer, "org.primum.facts..")))
                    .check(MAIN);
        }
    }

    @Test
    void fhirUsesOnlyFactsAndInput() {
        classes().that().resideInAPackage("org.primum.fhir..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackages("org.primum..")
                        .or(resideInAnyPackage("org.primum.fhir..", "org.primum.facts..", "org.primum.input..")))
                .check(MAIN);
    }

    @Test
    void coreUsesOnlyTheLayersBelowIt() {
        classes().that().resideInAPackage("org.primum.core..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackages("org.primum..")
                        .or(resideInAnyPackage("org.primum.core..", "org.primum.fhir..", "org.primum.definitions..",
                                "org.primum.engine..", "org.primum.facts..", "org.primum.input..")))
                .check(MAIN);
    }

    @Test
    void entryPointsReachMappingAndRulesOnlyThroughTheCore() {
        noClasses().that().resideInAnyPackage(ENTRY_POINTS)
                .should().dependOnClassesThat().resideInAnyPackage("org.primum.fhir..", "org.primum.definitions..")
                .because("an entry point hands FHIR JSON to org.primum.core.Pipeline and reads its result")
                .check(MAIN);
    }

    @Test
    void metricsAreWiredInOnePlace() {
        noClasses().that().resideOutsideOfPackage("org.primum.metrics..").and(not(nameMatching("org\\.primum\\.PipelineProducer")))
                .should().dependOnClassesThat().resideInAPackage("org.primum.metrics..")
                .because("requests are measured at the HTTP edge and evaluations through the core's listener, installed by"
                        + " PipelineProducer: no entry point counts for itself")
                .check(MAIN);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("org.primum.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noCyclesBetweenAnyPackages() {
        slices().matching("org.primum.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
