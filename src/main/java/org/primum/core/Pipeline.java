package org.primum.core;

import org.primum.definitions.ClinicalInterpreter;
import org.primum.engine.Evaluation;
import org.primum.engine.Evaluator;
import org.primum.engine.Judgement;
import org.primum.facts.CaseFacts;
import org.primum.facts.Fact;
import org.primum.engine.KnowledgeBase;
import org.primum.facts.CaseFacts;
import org.primum.facts.ClinicalRecord;
import org.primum.facts.Fact;
import org.primum.facts.InvalidElement;
import org.primum.facts.Thresholds;
import org.primum.fhir.FhirRecords;
import org.primum.fhir.MappedRecord;
import org.primum.input.Handling;
import org.primum.fhir.ResourceTypes;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * location naming the entry, and a FHIR issue type), for the caller to answer in its own protocol.
 *
 * <p>Reading ({@link Options}) is lenient by default: an invalid element inside an otherwise readable
 * resource is left out (with its whole resource when the mapping reads it), the evaluation goes on, and each
 * left-out part is an {@link InvalidElement} fact, located, which fires {@code DATA_INVALID_RECORD}. Strict
 * reading ({@link Options#STRICT}, FHIR's {@code Prefer: handling=strict}) refuses the input instead. Input
 * that is not a readable record at all is refused in both.
 */
public final class Pipeline {

    private static final System.Logger LOG = System.getLogger(Pipeline.class.getName());

    private final FhirRecords fhir;
    private final ClinicalInterpreter interpreter;
    private final Evaluator evaluator;
    private final Thresholds thresholds;
    private final EvaluationListener listener;
    private final String origin;

    private Pipeline(FhirRecords fhir, KnowledgeBase knowledgeBase, EvaluationListener listener) {
        this.fhir = fhir;
        // the knowledge base's own thresholds (rules/thresholds.properties plus overrides): the rule texts quote
        // the same numbers the definitions apply
        this.thresholds = knowledgeBase.thresholds();
        this.interpreter = new ClinicalInterpreter(thresholds);
        this.evaluator = new Evaluator(knowledgeBase);
        this.listener = listener;
        this.origin = "library";
    }

    private Pipeline(Pipeline shared, EvaluationListener listener, String origin) {
        this.fhir = shared.fhir;
        this.thresholds = shared.thresholds;
        this.interpreter = shared.interpreter;
        this.evaluator = shared.evaluator;
        this.listener = listener;
        this.origin = origin;
    }

    /**
     * This pipeline (same rules, terminology, listener: nothing is rebuilt) with the evaluations it makes
     * labelled {@code origin} for its {@link EvaluationListener}: each entry point takes its own
     * ({@code tumour-board}, {@code cds-hooks/patient-view}…).
     */
    public Pipeline withOrigin(String origin) {
        return new Pipeline(this, listener, Objects.requireNonNull(origin, "origin"));
    }

    /** This pipeline without its {@link EvaluationListener} (e.g. a replay, which must not log itself). */
    public Pipeline withoutListener() {
        return new Pipeline(this, EvaluationListener.NONE, origin);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How the input is read: {@link #LENIENT} (the default) or {@link #STRICT}; see {@link Handling}. */
    public record Options(Handling handling) {
        public static final Options LENIENT = new Options(Handling.LENIENT);
        public static final Options STRICT = new Options(Handling.STRICT);

        public Options {
            Objects.requireNonNull(handling, "handling");
        }
    }

    /**
     * @param record     the patient's record as mapped from FHIR, before the catalogue's definitions
     * @param evaluation the facts on {@code asOf} (the left-out parts among them) and the recommendations
     * @param warnings   what the FHIR parser tolerated (unknown elements, named but never quoted)
     * @param resources  how many resources were read
     * @param leftOut    what lenient reading left out of the evaluation, located (empty when strict)
     */
    public record Result(ClinicalRecord record, Evaluation evaluation, List<String> warnings, int resources,
                         List<InvalidElement> leftOut) {
        public Result {
            warnings = List.copyOf(warnings);
            leftOut = List.copyOf(leftOut);
        }
    }

    /** {@link #evaluate(byte[], LocalDate, Options)}, read leniently. */
    public Result evaluate(byte[] bundleJson, LocalDate asOf) {
        return evaluate(bundleJson, asOf, Options.LENIENT);
    }

    /**
     * One patient's record as one FHIR Bundle (collection, transaction, batch, searchset or document) with
     * exactly one Patient: a request body or a file. Errors, and left-out parts, are located in the Bundle
     * ({@code Bundle.entry[2].resource.birthDate}).
     */
    public Result evaluate(byte[] bundleJson, LocalDate asOf, Options options) {
        Result result = run(fhir.bundle(bundleJson, asOf, options.handling()), asOf);
        tell(result.record().patient() == null ? null : result.record().patient().sourceId(), asOf, result, bundleJson, List.of());
        return result;
    }

    /** {@link #evaluate(List, String, LocalDate, Options)}, read leniently. */
    public Result evaluate(List<FhirInput> inputs, String patientId, LocalDate asOf) {
        return evaluate(inputs, patientId, asOf, Options.LENIENT);
    }

    /**
     * One patient's record as loose resources and searchset Bundles (CDS Hooks prefetch and draft orders,
     * FHIR server pages, bulk-export lines). The patient is {@code patientId}; the same resource given twice
     * counts once, as given last.
     */
    public Result evaluate(List<FhirInput> inputs, String patientId, LocalDate asOf, Options options) {
        LooseRecord record = looseRecord(options);
        for (FhirInput input : inputs) record.add(input);
        return evaluate(record, patientId, asOf);
    }

    /** {@link #looseRecord(Options)}, read leniently. */
    public LooseRecord looseRecord() {
        return looseRecord(Options.LENIENT);
    }

    /** An empty record to add loose inputs to, each read as it is added, as {@code options} say (see {@link LooseRecord}). */
    public LooseRecord looseRecord(Options options) {
        return new LooseRecord(fhir.resources(options.handling()));
    }

    /** The inputs added to {@code record} so far, as the record of {@code patientId}. */
    public Result evaluate(LooseRecord record, String patientId, LocalDate asOf) {
        Result result = run(record.resources.map(patientId, asOf), asOf);
        tell("Patient/" + patientId, asOf, result, null, record.inputs);
        return result;
    }

    /**
     * The rules of this pipeline over a record mapped earlier (e.g. logged by a decision log, read back):
     * the catalogue's definitions on {@code asOf}, then the rules. Not told to the listener.
     */
    public Evaluation evaluate(ClinicalRecord record, LocalDate asOf) {
        return evaluator.evaluate(interpreter.interpret(record, asOf));
    }

    private void tell(String patientReference, LocalDate asOf, Result result, byte[] bundleJson, List<FhirInput> inputs) {
        if (listener == EvaluationListener.NONE) return;
        try {
            listener.evaluated(new Evaluated(origin, patientReference, asOf, result, bundleJson, inputs));
        } catch (RuntimeException e) {
            // the answer stands: what listens (a log, a metric) must not turn it into an error
            LOG.log(System.Logger.Level.WARNING, "evaluation listener failed: " + e.getClass().getName());
        }
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
        CaseFacts facts = interpreter.interpret(mapped.record(), asOf);
        if (!mapped.leftOut().isEmpty()) {
            // what was left out is a fact of every answer, whatever the date: the rules say the answer lacks it
            List<Fact> all = new ArrayList<>(facts.facts());
            all.addAll(mapped.leftOut());
            facts = new CaseFacts(facts.asOf(), all, facts.notes(), facts.unrecognised());
        }
        Evaluation evaluation = evaluator.evaluate(facts);
        return new Result(mapped.record(), evaluation, mapped.warnings(), mapped.resourceCount(), mapped.leftOut());
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
        private EvaluationListener listener = EvaluationListener.NONE;

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

        /** Told of every evaluation from FHIR input (see {@link EvaluationListener}); none by default. */
        public Builder listener(EvaluationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Compiles the rules and loads the terminology: a rule or terminology error fails here, not at the first evaluation. */
        public Pipeline build() {
            if (rules == null) throw new IllegalStateException("Pipeline.builder().rules(dir) is required");
            if (profiles == null) throw new IllegalStateException("Pipeline.builder().profiles(dir) is required");
            // the rules load beside the terminology: two independent seconds of start-up
            var knowledgeBase = KnowledgeBase.loadInBackground(rules, thresholdOverrides);
            return new Pipeline(FhirRecords.load(profiles), knowledgeBase.get(), listener);
        }
    }
}
