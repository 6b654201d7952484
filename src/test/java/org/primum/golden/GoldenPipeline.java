package org.primum.golden;

import org.primum.Primum;
import org.primum.engine.Evaluator;
import org.primum.engine.KnowledgeBase;
import org.primum.definitions.ClinicalInterpreter;
import org.primum.fhir.FhirMapper;
import org.primum.fhir.Terminology;
import org.primum.tumourboard.TumourBoardService;

import java.nio.file.Path;

/** The tumour-board service wired as in production, from the repository's rules/ and fhir-profiles/. */
final class GoldenPipeline {
    private static TumourBoardService service;

    private GoldenPipeline() {
    }

    static synchronized TumourBoardService service() {
        if (service == null) {
            KnowledgeBase kb = KnowledgeBase.load(Path.of("rules"));
            Primum primum = new Primum(new FhirMapper(Terminology.load(Path.of("fhir-profiles"))),
                    new ClinicalInterpreter(kb.thresholds()), new Evaluator(kb));
            service = new TumourBoardService(primum, 5 * 1024 * 1024);
        }
        return service;
    }
}
