package org.primum;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.jboss.logging.Logger;
import org.primum.engine.Evaluation;
import org.primum.engine.Evaluator;
import org.primum.engine.KnowledgeBase;
import org.primum.facts.ClinicalRecord;
import org.primum.definitions.ClinicalInterpreter;
import org.primum.fhir.FhirMapper;
import org.primum.fhir.Terminology;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The one path every entry point takes: FHIR resources → {@link FhirMapper} (facts as recorded) →
 * {@link ClinicalInterpreter} (catalogue definitions on {@code asOf}) → {@link Evaluator} (rules) →
 * recommendations. The tumour-board endpoint, CDS Hooks and auditing all call {@link #evaluate}.
 */
@ApplicationScoped
public class Primum {

    private static final Logger LOG = Logger.getLogger(Primum.class);

    private final FhirMapper mapper;
    private final ClinicalInterpreter interpreter;
    private final Evaluator evaluator;

    public Primum(FhirMapper mapper, ClinicalInterpreter interpreter, Evaluator evaluator) {
        this.mapper = mapper;
        this.interpreter = interpreter;
        this.evaluator = evaluator;
    }

    /** The record as mapped and the engine's evaluation of it. */
    public record Result(ClinicalRecord record, Evaluation evaluation) {
    }

    public Result evaluate(Bundle bundle, LocalDate asOf) {
        return run(mapper.map(bundle, asOf), asOf);
    }

    public Result evaluate(List<? extends Resource> resources, String patientId, LocalDate asOf) {
        return run(mapper.map(resources, patientId, asOf), asOf);
    }

    private Result run(ClinicalRecord record, LocalDate asOf) {
        return new Result(record, evaluator.evaluate(interpreter.interpret(record, asOf)));
    }

    public KnowledgeBase knowledgeBase() {
        return evaluator.knowledgeBase();
    }

    /** Built once at start-up: a rule or terminology error stops the service instead of failing requests. */
    @Singleton
    static class Parts {
        @Produces
        @Singleton
        @Startup
        KnowledgeBase knowledgeBase(PrimumConfig config) {
            KnowledgeBase kb = KnowledgeBase.load(Path.of(config.knowledgeBase().rulesDir()), config.thresholds().overrides());
            LOG.infof("knowledge base %s: %d rules", kb.version(), kb.definitions().size());
            return kb;
        }

        @Produces
        @Singleton
        @Startup
        Terminology terminology(PrimumConfig config) {
            return Terminology.load(Path.of(config.knowledgeBase().profilesDir()));
        }

        @Produces
        @Singleton
        FhirMapper mapper(Terminology terminology) {
            return new FhirMapper(terminology);
        }

        @Produces
        @Singleton
        ClinicalInterpreter interpreter(KnowledgeBase knowledgeBase) {
            return new ClinicalInterpreter(knowledgeBase.thresholds());
        }

        @Produces
        @Singleton
        Evaluator evaluator(KnowledgeBase knowledgeBase) {
            return new Evaluator(knowledgeBase);
        }
    }
}
