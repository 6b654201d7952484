package org.primum.engine;

import org.junit.jupiter.api.Test;
import org.primum.facts.*;
import org.primum.fhir.ClinicalInterpreter;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @Test
    void fires() {
        KnowledgeBase kb = KnowledgeBase.load(Path.of("rules"));
        var b = new ClinicalRecord.Builder();
        b.primaries.add(new PrimaryTumour("Condition/p", "254837009", "x", LocalDate.of(2025, 1, 1), DateBasis.RECORDED, Laterality.LEFT));
        CaseFacts cf = new ClinicalInterpreter(Thresholds.CATALOGUE_DEFAULTS).interpret(b.build(), LocalDate.of(2025, 6, 1));
        Evaluation e = new Evaluator(kb).evaluate(cf);
        System.out.println(e.recommendations());
        assertThat(e.codes()).containsExactly("NOT_APPLICABLE_NO_METASTASIS");
    }
}
