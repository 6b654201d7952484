package org.primum.engine;

import org.junit.jupiter.api.Test;
import org.primum.facts.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drools 10.2.0, with beta-node sharing on, loses the matches of a rule shaped
 * {@code A() B() (not C() or C(x))} when its package is added to the KieBase after another package.
 * rules/ has one package per topic and several such rules (DEFER_LRT_UNTIL_RESPONSE,
 * ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT): KnowledgeBase must build the KieBase so that they fire.
 */
class DroolsOrNotRegressionTest {

    private static final String HEADER = "import org.primum.facts.*;\nimport static org.primum.engine.Emit.emit;\n";

    private static String rule(String name, String code, String lhs) {
        return "rule \"" + name + "\"\n @code(\"" + code + "\") @section(\"E\") @title(\"t\") @statement(\"s\")"
                + " @indicator(\"info\") @evidence(\"REVIEW\")\nwhen\n" + lhs + "\nthen\n emit(kcontext);\nend\n";
    }

    @Test
    void aNotFirstOrBranchFiresInAPackageAddedAfterAnother(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("VERSION"), "test");
        Files.writeString(dir.resolve("citations.json"), "{\"sources\":{},\"citations\":{}}");
        Files.copy(Path.of("rules", ThresholdsFile.NAME), dir.resolve(ThresholdsFile.NAME));
        Files.writeString(dir.resolve("a.drl"), "package rules.applicability\n" + HEADER
                + rule("other", "OTHER", "$x : PatientInfo()"));
        Files.writeString(dir.resolve("b.drl"), "package rules.orders\n" + HEADER
                + rule("order before therapy", "ORDER_EARLY", """
                        $p : Presentation(deNovoIntact())
                        $o : ProposedOrder()
                        ( not TherapyExposure() or $e : TherapyExposure(weeks != null, weeks < 16) )"""));
        KnowledgeBase kb = KnowledgeBase.load(dir);
        Presentation deNovo = new Presentation(Scope.DE_NOVO, "de novo", LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 20),
                10L, true, null, false, List.of("Condition/bc"));
        ProposedOrder order = new ProposedOrder("ServiceRequest/o", ProcedureKind.MASTECTOMY, "172043006", Laterality.LEFT, false, "draft");
        PatientInfo patient = new PatientInfo("Patient/p", 60, "female");

        Evaluation none = new Evaluator(kb).evaluate(new CaseFacts(LocalDate.of(2025, 2, 1), List.of(patient, deNovo, order), List.of(), List.of()));
        assertThat(none.codes()).containsExactlyInAnyOrder("OTHER", "ORDER_EARLY");

        TherapyExposure early = new TherapyExposure(LocalDate.of(2025, 2, 1), 4L, false, List.of("letrozole"), List.of(DrugClass.ENDOCRINE), List.of("MedicationRequest/m"));
        Evaluation onTherapy = new Evaluator(kb).evaluate(new CaseFacts(LocalDate.of(2025, 3, 1), List.of(patient, deNovo, order, early), List.of(), List.of()));
        assertThat(onTherapy.codes()).contains("ORDER_EARLY");

        TherapyExposure late = new TherapyExposure(LocalDate.of(2025, 2, 1), 20L, false, List.of("letrozole"), List.of(DrugClass.ENDOCRINE), List.of("MedicationRequest/m"));
        Evaluation afterWindow = new Evaluator(kb).evaluate(new CaseFacts(LocalDate.of(2025, 7, 1), List.of(patient, deNovo, order, late), List.of(), List.of()));
        assertThat(afterWindow.codes()).doesNotContain("ORDER_EARLY");
    }
}
