package org.primum.definitions;

import org.junit.jupiter.api.Test;
import org.primum.engine.ThresholdsFile;
import org.primum.facts.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A primary dated only by when it was entered (recordedDate): the catalogue's "undated records" settle it with its
 * earliest staging or marker, and the evaluation date cuts it by the settled date, not by the recorded one.
 */
class RecordedOnlyPrimaryTest {

    private static final LocalDate MARKERS = LocalDate.of(2024, 1, 10);
    private static final LocalDate ENTERED = LocalDate.of(2024, 6, 1);
    private final ClinicalInterpreter interpreter = new ClinicalInterpreter(ThresholdsFile.read(Path.of("rules")));

    private static ClinicalRecord.Builder entered(LocalDate recorded, LocalDate markers) {
        var b = new ClinicalRecord.Builder();
        b.primaries.add(new PrimaryTumour("Condition/primary", "372137005", "breast", recorded, DateBasis.RECORDED_ONLY, Laterality.LEFT));
        b.receptors.add(new ReceptorStatus("Observation/er", Receptor.ER, ReceptorValue.POSITIVE, markers));
        b.metastases.add(new Metastasis("Condition/bone", "bone", false, null, markers.plusDays(14), DateBasis.RECORDED, null));
        return b;
    }

    private static List<PrimaryTumour> primaries(CaseFacts facts) {
        return facts.facts().stream().filter(PrimaryTumour.class::isInstance).map(PrimaryTumour.class::cast).toList();
    }

    @Test
    void anEarlierMarkerDatesTheDiagnosisWithANote() {
        CaseFacts facts = interpreter.interpret(entered(ENTERED, MARKERS).build(), LocalDate.of(2024, 7, 1));
        PrimaryTumour p = primaries(facts).get(0);
        assertThat(p.diagnosed()).isEqualTo(MARKERS);
        assertThat(p.dateBasis()).isEqualTo(DateBasis.INFERRED);
        assertThat(facts.notes()).anySatisfy(n -> {
            assertThat(n.topic()).isEqualTo("dates");
            assertThat(n.sourceIds()).containsExactly("Condition/primary");
        });
        assertThat(facts.first(Presentation.class).orElseThrow().scope()).isEqualTo(Scope.DE_NOVO);
    }

    @Test
    void enteredAfterAsOfButStagedBeforeItTheCancerExistedAtAsOf() {
        CaseFacts facts = interpreter.interpret(entered(ENTERED, MARKERS).build(), LocalDate.of(2024, 5, 25));
        assertThat(primaries(facts)).extracting(PrimaryTumour::diagnosed).containsExactly(MARKERS);
        assertThat(facts.first(Presentation.class).orElseThrow().scope()).isEqualTo(Scope.DE_NOVO);
    }

    @Test
    void enteredAfterAsOfWithNothingBeforeItTheCancerIsNotYetKnown() {
        // the markers and the metastasis also come after asOf: nothing shows the cancer on that day
        CaseFacts facts = interpreter.interpret(entered(ENTERED, MARKERS).build(), MARKERS.minusDays(1));
        assertThat(primaries(facts)).isEmpty();
        assertThat(facts.first(Presentation.class).orElseThrow().scope()).isEqualTo(Scope.NO_BREAST_PRIMARY);
    }

    @Test
    void aMarkerAfterAsOfDoesNotDateItButTheRecordedDateStillCounts() {
        // recorded before asOf, marker after asOf: the recorded date stands (an upper bound, nothing earlier known)
        var b = entered(LocalDate.of(2024, 1, 20), LocalDate.of(2024, 1, 10));
        b.receptors.add(new ReceptorStatus("Observation/pr", Receptor.PR, ReceptorValue.POSITIVE, LocalDate.of(2024, 3, 1)));
        CaseFacts facts = interpreter.interpret(b.build(), LocalDate.of(2024, 2, 1));
        assertThat(primaries(facts)).extracting(PrimaryTumour::diagnosed).containsExactly(LocalDate.of(2024, 1, 10));

        var late = new ClinicalRecord.Builder();
        late.primaries.add(new PrimaryTumour("Condition/primary", "372137005", "breast", LocalDate.of(2024, 1, 20),
                DateBasis.RECORDED_ONLY, Laterality.LEFT));
        late.receptors.add(new ReceptorStatus("Observation/er", Receptor.ER, ReceptorValue.POSITIVE, LocalDate.of(2024, 1, 5)));
        CaseFacts beforeMarker = interpreter.interpret(late.build(), LocalDate.of(2024, 1, 25));
        assertThat(primaries(beforeMarker)).extracting(PrimaryTumour::diagnosed).containsExactly(LocalDate.of(2024, 1, 5));
        CaseFacts markerAfterAsOf = interpreter.interpret(late.build(), LocalDate.of(2024, 1, 4));
        assertThat(primaries(markerAfterAsOf)).isEmpty();
    }

    @Test
    void withoutAnEarlierDiagnosticRecordTheRecordedDateStandsAsRecorded() {
        // a therapy or an operation may treat an earlier disease: only staging and markers move the date
        var b = new ClinicalRecord.Builder();
        b.primaries.add(new PrimaryTumour("Condition/primary", "372137005", "breast", ENTERED, DateBasis.RECORDED_ONLY, Laterality.LEFT));
        b.receptors.add(new ReceptorStatus("Observation/er", Receptor.ER, ReceptorValue.POSITIVE, ENTERED.plusDays(3)));
        b.therapies.add(new SystemicTherapy("MedicationRequest/tam", DrugClass.ENDOCRINE, "tamoxifen", ENTERED.minusYears(3)));
        CaseFacts facts = interpreter.interpret(b.build(), ENTERED.plusDays(30));
        PrimaryTumour p = primaries(facts).get(0);
        assertThat(p.diagnosed()).isEqualTo(ENTERED);
        assertThat(p.dateBasis()).isEqualTo(DateBasis.RECORDED);
        assertThat(facts.notes()).noneSatisfy(n -> assertThat(n.sourceIds()).contains("Condition/primary"));
    }
}
