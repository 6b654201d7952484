package org.primum.core;

import org.primum.definitions.ClinicalInterpreter;
import org.primum.engine.Evaluation;
import org.primum.engine.Evaluator;
import org.primum.engine.Judgement;
import org.primum.facts.CaseFacts;
import org.primum.facts.Fact;
import org.primum.engine.KnowledgeBase;
import org.primum.facts.ClinicalRecord;
import org.primum.facts.Thresholds;
import org.primum.fhir.FhirRecords;
import org.primum.fhir.MappedRecord;
import org.primum.fhir.ResourceTypes;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Primum as a library: FHIR R4 JSON of one patient → the record as mapped ({@code org.primum.fhir}) → the
 * catalogue's definitions on {@code asOf} ({@code org.primum.definitions}) → the rules
 * ({@code org.primum.engine}) → recommendations. Every entry point takes this one path: the tumour-board
 * endpoint, CDS Hooks, and whatever runs without a server (a command line, a Spark executor).
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
 * Pipeline.Result result = pipeline.evaluate(Files.readAllBytes(bundleFile), LocalDate.of(2025, 7, 1));
 * result.evaluation().codes();
 * }</pre>
 *
 * Plain Java: no framework, no HTTP, no HAPI type in its API. Building it compiles the rules and loads the
 * terminology (costly: build once, share); {@link #evaluate} is thread-safe. Input that cannot be
 * evaluated is an {@link org.primum.input.InvalidInputException} saying what and where (a FHIRPath-like
 * location and a FHIR issue type), for the caller to answer in its own protocol. Reading is strict (see
 * {@code org.primum.fhir.FhirJsonReader}); reading options, when they come, are an extra argument of the
 * {@code evaluate} methods, the present forms staying the strict default.
 */
public final class Pipeline {

    private final FhirRecords fhir;
    private final ClinicalInterpreter interpreter;
    private final Evaluator evaluator;
    private final Thresholds thresholds;

    private Pipeline(FhirRecords fhir, KnowledgeBase knowledgeBase) {
        this.fhir = fhir;
        // the knowledge base's own thresholds (rules/thresholds.properties plus overrides): the rule texts quote
        // the same numbers the definitions apply
        this.thresholds = knowledgeBase.thresholds();
        this.interpreter = new ClinicalInterpreter(thresholds);
        this.evaluator = new Evaluator(knowledgeBase);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param record     the patient's record as mapped from FHIR, before the catalogue's definitions
     * @param evaluation the facts on {@code asOf} and the recommendations
     * @param warnings   what the FHIR parser tolerated (unknown elements, named but never quoted)
     * @param resources  how many resources were read
     */
    public record Result(ClinicalRecord record, Evaluation evaluation, List<String> warnings, int resources) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * One patient's record as one FHIR Bundle (collection, transaction, batch, searchset or document) with
     * exactly one Patient: a request body or a file. Errors are located in the Bundle
     * ({@code Bundle.entry[2].resource.birthDate}).
     */
    public Result evaluate(byte[] bundleJson, LocalDate asOf) {
        return run(fhir.bundle(bundleJson, asOf), asOf);
    }

    /**
     * One patient's record as loose resources and searchset Bundles (CDS Hooks prefetch and draft orders,
     * FHIR server pages, bulk-export lines). The patient is {@code patientId}; the same resource given twice
     * counts once, as given last.
     */
    public Result evaluate(List<FhirInput> inputs, String patientId, LocalDate asOf) {
        LooseRecord record = looseRecord();
        for (FhirInput input : inputs) record.add(input);
        return evaluate(record, patientId, asOf);
    }

    /** An empty record to add loose inputs to, each read as it is added (see {@link LooseRecord}). */
    public LooseRecord looseRecord() {
        return new LooseRecord(fhir.resources());
    }

    /** The inputs added to {@code record} so far, as the record of {@code patientId}. */
    public Result evaluate(LooseRecord record, String patientId, LocalDate asOf) {
        return run(record.resources.map(patientId, asOf), asOf);
    }

    /**
     * A record mapped once to be evaluated at several dates (the audit judges each act on the record as it
     * stood then). {@code asOf} only sets the age; no record is left out by the mapping.
     */
    public record Mapped(ClinicalRecord record, List<String> warnings, int resources) {
        public Mapped {
            warnings = List.copyOf(warnings);
        }
    }

    /** The inputs added to {@code record}, mapped as the record of {@code patientId} (not yet interpreted). */
    public Mapped map(LooseRecord record, String patientId, LocalDate asOf) {
        MappedRecord mapped = record.resources.map(patientId, asOf);
        return new Mapped(mapped.record(), mapped.warnings(), mapped.resourceCount());
    }

    /** The catalogue's definitions applied to {@code record} on {@code asOf}: the facts the rules would see. */
    public CaseFacts interpret(ClinicalRecord record, LocalDate asOf) {
        return interpreter.interpret(record, asOf);
    }

    /**
     * The audit rules (catalogue section F) on {@code record} as interpreted on {@code asOf}, with
     * {@code auditFacts} (the act judged, and what only the audit knows of it) added to the facts.
     */
    public List<Judgement> judge(ClinicalRecord record, LocalDate asOf, List<? extends Fact> auditFacts) {
        return evaluator.judge(interpreter.interpret(record, asOf), auditFacts);
    }

    /** Whether {@code type} is a FHIR R4 resource type. */
    public static boolean isResourceType(String type) {
        return ResourceTypes.isR4(type);
    }

    /** Whether the mapping reads resources of {@code type}; the others never change an evaluation. */
    public static boolean isMappedResourceType(String type) {
        return ResourceTypes.isMapped(type);
    }

    private Result run(MappedRecord mapped, LocalDate asOf) {
        Evaluation evaluation = evaluator.evaluate(interpreter.interpret(mapped.record(), asOf));
        return new Result(mapped.record(), evaluation, mapped.warnings(), mapped.resourceCount());
    }

    /** The rules as compiled, with their definitions and citations. */
    public KnowledgeBase knowledgeBase() {
        return evaluator.knowledgeBase();
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** {@code rules} and {@code profiles} are required; thresholds default to {@code rules/thresholds.properties}. */
    public static final class Builder {
        private Path rules;
        private Path profiles;
        private Map<String, Integer> thresholdOverrides = Map.of();

        private Builder() {
        }

        /** Folder with the DRL files, citations.json and VERSION (the repository's {@code rules/}). */
        public Builder rules(Path dir) {
            this.rules = Objects.requireNonNull(dir, "rules");
            return this;
        }

        /** Folder with the ValueSets and ConceptMaps codes are recognised by (the repository's {@code fhir-profiles/}). */
        public Builder profiles(Path dir) {
            this.profiles = Objects.requireNonNull(dir, "profiles");
            return this;
        }

        /**
         * Overrides of the knowledge base's thresholds by name ({@code responseWindowMinWeeks} → 20); an unknown
         * name or an inconsistent value fails {@link #build()}.
         */
        public Builder thresholds(Map<String, Integer> overrides) {
            this.thresholdOverrides = Map.copyOf(Objects.requireNonNull(overrides, "thresholds"));
            return this;
        }

        /** Compiles the rules and loads the terminology: a rule or terminology error fails here, not at the first evaluation. */
        public Pipeline build() {
            if (rules == null) throw new IllegalStateException("Pipeline.builder().rules(dir) is required");
            if (profiles == null) throw new IllegalStateException("Pipeline.builder().profiles(dir) is required");
            return new Pipeline(FhirRecords.load(profiles), KnowledgeBase.load(rules, thresholdOverrides));
        }
    }
}
