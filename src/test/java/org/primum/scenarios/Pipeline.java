package org.primum.scenarios;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.primum.definitions.ClinicalInterpreter;
import org.primum.engine.Evaluation;
import org.primum.engine.Evaluator;
import org.primum.engine.KnowledgeBase;
import org.primum.facts.ClinicalRecord;
import org.primum.definitions.ClinicalInterpreter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The production pipeline ({@link org.primum.core.Pipeline}, built as {@code PipelineProducer} builds it)
 * without booting Quarkus, from the repository's folders with the thresholds of rules/thresholds.properties, and its
 * last two stages alone for records built without FHIR. Built once per JVM.
 */
final class Pipeline {
    static final org.primum.core.Pipeline CORE = org.primum.core.Pipeline.builder()
            .rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
    static final KnowledgeBase KNOWLEDGE_BASE = CORE.knowledgeBase();
    static final Evaluator EVALUATOR = new Evaluator(KNOWLEDGE_BASE);
    static final ClinicalInterpreter INTERPRETER = new ClinicalInterpreter(KNOWLEDGE_BASE.thresholds());

    private static org.primum.fhir.FhirMapper mapper;

    private Pipeline() {
    }

    /** The FHIR mapping alone, on the terminology of fhir-profiles/ (for tests of the test vocabulary). */
    static synchronized org.primum.fhir.FhirMapper mapper() {
        if (mapper == null) mapper = new org.primum.fhir.FhirMapper(org.primum.fhir.terminology.Terminology.load(Path.of("fhir-profiles")));
        return mapper;
    }

    /** A FHIR Bundle through the whole core, as JSON like every entry point sends it (strict reading included). */
    static Evaluation viaFhir(Bundle bundle, LocalDate asOf) {
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
        return CORE.evaluate(json.getBytes(StandardCharsets.UTF_8), asOf).evaluation();
    }

    /** A record built without FHIR → ClinicalInterpreter → Evaluator: the core's stages after the mapping. */
    static Evaluation evaluate(ClinicalRecord record, LocalDate asOf) {
        return EVALUATOR.evaluate(INTERPRETER.interpret(record, asOf));
    }
}
