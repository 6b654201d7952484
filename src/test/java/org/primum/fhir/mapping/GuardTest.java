package org.primum.fhir.mapping;

import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.facts.ClinicalRecord;
import org.primum.facts.MappingNote;

import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard around each resource: bad data costs that resource (a note); a bug is an error. */
class GuardTest {
    private static final String CONDITION = "Condition/c1";

    static List<Supplier<RuntimeException>> dataProblems() {
        return List.of(() -> new FHIRException("Type mismatch: the type Quantity was expected, but CodeableConcept was encountered"),
                () -> new DataFormatException("Invalid date/time format: \"2025-02-3x\""),
                () -> new DateTimeParseException("Text '2025-02-30' could not be parsed", "2025-02-30", 0),
                () -> new DateTimeException("Invalid date 'FEBRUARY 30'"),
                () -> new NumberFormatException("For input string: \"1,5,0\""));
    }

    static List<Supplier<RuntimeException>> bugs() {
        return List.of(NullPointerException::new, () -> new ClassCastException("StringType cannot be cast to CodeableConcept"),
                () -> new IllegalStateException("pass 3 before pass 1"), () -> new IndexOutOfBoundsException(0),
                () -> new IllegalArgumentException("No enum constant"), () -> new ArithmeticException("/ by zero"),
                UnsupportedOperationException::new);
    }

    private record Setup(Guard guard, Report report, Condition condition) {
        List<MappingNote> notes() {
            ClinicalRecord.Builder out = new ClinicalRecord.Builder();
            report.writeTo(out);
            return out.notes;
        }
    }

    private static Setup setup() {
        ResourceIndex index = new ResourceIndex();
        Condition c = new Condition();
        c.setId("c1");
        index.add(c, null);
        Report report = new Report(100);
        return new Setup(new Guard(index, report), report, c);
    }

    @ParameterizedTest
    @MethodSource("dataProblems")
    void aDataProblemLeavesTheResourceOutWithANote(Supplier<RuntimeException> problem) {
        Setup s = setup();
        RuntimeException e = problem.get();
        s.guard().read(s.condition(), () -> {
            throw e;
        });
        assertThat(s.notes()).singleElement().satisfies(n -> {
            assertThat(n.topic()).isEqualTo("unreadable resource");
            assertThat(n.text()).isEqualTo("A Condition could not be read (" + e.getClass().getSimpleName() + ") and was left out.");
            assertThat(n.sourceIds()).containsExactly(CONDITION);
        });
    }

    @ParameterizedTest
    @MethodSource("bugs")
    void aBugPropagatesAndLeavesNoNote(Supplier<RuntimeException> bug) {
        Setup s = setup();
        RuntimeException e = bug.get();
        assertThatThrownBy(() -> s.guard().read(s.condition(), () -> {
            throw e;
        })).isSameAs(e);
        assertThat(s.notes()).isEmpty();
    }
}
