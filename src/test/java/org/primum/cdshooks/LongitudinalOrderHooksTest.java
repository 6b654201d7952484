package org.primum.cdshooks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.scenarios.LongitudinalCourse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order days of the longitudinal courses ({@code scenarios/longitudinal/*.yml}, days with a {@code hook}) as the
 * order hooks see them: the record of that day as the prefetch, the day's orders as {@code context.draftOrders}
 * (order-select with every order selected, or order-sign), evaluated as of the day. The cards carry exactly the
 * section E codes the day expects of the tumour board, with the catalogue's indicator, and a patient outside the
 * guidance on that day (deceased, recurrent) gets no card.
 */
class LongitudinalOrderHooksTest {
    private static OrderHookHarness hooks;

    record Case(String name, LongitudinalCourse course, LongitudinalCourse.Day day) {
        @Override
        public String toString() {
            return name + " " + day.asOf() + " (" + day.hook() + ")";
        }
    }

    @BeforeAll
    static void start() {
        hooks = new OrderHookHarness();
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (Path file : LongitudinalCourse.files()) {
            LongitudinalCourse course = LongitudinalCourse.read(file);
            for (LongitudinalCourse.Day day : course.days()) {
                if (day.hook() != null) out.add(new Case(file.getFileName().toString().replace(".yml", ""), course, day));
            }
        }
        // the brief of round 3: order hooks on at least 3 courses, 3 days each
        assertThat(out.stream().map(Case::name).distinct().filter(n -> out.stream().filter(c -> c.name().equals(n)).count() >= 3))
                .as("courses with order hooks on 3 days").hasSizeGreaterThanOrEqualTo(3);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void orderCardsAsTheDayExpects(Case c) throws Exception {
        hooks.assertOrderCards(c.toString(), c.course().bundle(c.day()), c.day().hook(), LocalDate.parse(c.day().asOf()), c.day().fires());
    }
}
