package org.primum.scenarios;

import org.hl7.fhir.r4.model.Bundle;
import org.primum.engine.Evaluation;
import org.primum.engine.Evaluator;
import org.primum.engine.KnowledgeBase;
import org.primum.facts.ClinicalRecord;
import org.primum.definitions.ClinicalInterpreter;
import org.primum.fhir.FhirMapper;
import org.primum.fhir.Terminology;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The production wiring of {@code org.primum.Primum} without booting Quarkus: terminology and
 * knowledge base loaded from their folders, the thresholds of rules/thresholds.properties. Built once per JVM.
 */
final class Pipeline {
    static final KnowledgeBase KNOWLEDGE_BASE = KnowledgeBase.load(Path.of("rules"));
    static final Evaluator EVALUATOR = new Evaluator(KNOWLEDGE_BASE);
    static final ClinicalInterpreter INTERPRETER = new ClinicalInterpreter(KNOWLEDGE_BASE.thresholds());

    private static volatile FhirMapper mapper;

    private Pipeline() {
    }

    static FhirMapper mapper() {
        if (mapper == null) {
            synchronized (Pipeline.class) {
                if (mapper == null) mapper = new FhirMapper(Terminology.load(Path.of("fhir-profiles")));
            }
        }
        return mapper;
    }

    /** FHIR Bundle → FhirMapper → ClinicalInterpreter → Evaluator, as {@code Primum.evaluate(Bundle, asOf)}. */
    static Evaluation viaFhir(Bundle bundle, LocalDate asOf) {
        return evaluate(mapper().map(bundle, asOf), asOf);
    }

    static Evaluation evaluate(ClinicalRecord record, LocalDate asOf) {
        return EVALUATOR.evaluate(INTERPRETER.interpret(record, asOf));
    }
}
