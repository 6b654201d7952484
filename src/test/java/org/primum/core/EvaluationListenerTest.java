package org.primum.core;

import org.junit.jupiter.api.Test;
import org.primum.engine.Evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationListenerTest {

    private static final Evaluated EVALUATED = new Evaluated("test", "Patient/p", LocalDate.of(2025, 7, 1),
            new Pipeline.Result(null, new Evaluation("v", null, List.of(), List.of()), List.of(), 0, List.of()), new byte[0], null);

    @Test
    void allTellsEachListenerInTurn() {
        List<String> told = new ArrayList<>();
        EvaluationListener.all(e -> told.add("first " + e.origin()), e -> told.add("second " + e.origin())).evaluated(EVALUATED);
        assertThat(told).containsExactly("first test", "second test");
    }

    @Test
    void aFailingListenerDoesNotKeepTheOthersFromBeingToldAndItsFailureIsRethrown() {
        List<String> told = new ArrayList<>();
        EvaluationListener all = EvaluationListener.all(
                e -> { throw new IllegalStateException("first"); },
                e -> told.add("second"),
                e -> { throw new IllegalArgumentException("third"); });
        assertThatThrownBy(() -> all.evaluated(EVALUATED))
                .isInstanceOf(IllegalStateException.class).hasMessage("first")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(IllegalArgumentException.class));
        assertThat(told).containsExactly("second");
    }

    @Test
    void noneIsLeftOut() {
        EvaluationListener only = e -> { };
        assertThat(EvaluationListener.all(EvaluationListener.NONE, only, EvaluationListener.NONE)).isSameAs(only);
        assertThat(EvaluationListener.all(EvaluationListener.NONE)).isSameAs(EvaluationListener.NONE);
        assertThat(EvaluationListener.all()).isSameAs(EvaluationListener.NONE);
    }
}
