package org.primum.scenarios;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.engine.Evaluation;
import org.primum.engine.Recommendation;
import org.primum.facts.Fact;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every course of {@code scenarios/longitudinal/}, asked on each of its days: the same record, through the FHIR
 * pipeline as an EHR sends it, must give that day's complete answer, and that answer may name only what was
 * recorded by then (catalogue terms 'evaluation date': later records are ignored).
 */
class LongitudinalCoursesTest {

    static Stream<Arguments> days() {
        List<Arguments> all = new ArrayList<>();
        for (Path file : LongitudinalCourse.files()) {
            LongitudinalCourse course = LongitudinalCourse.read(file);
            for (int i = 0; i < course.days().size(); i++) {
                LongitudinalCourse.Day d = course.days().get(i);
                all.add(Arguments.of(name(file) + " " + d.asOf() + " " + d.label(), file, i));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("days")
    void answersAsOfThatDay(String name, Path file, int dayIndex) {
        LongitudinalCourse course = LongitudinalCourse.read(file);
        LongitudinalCourse.Day day = course.days().get(dayIndex);
        ScenarioCase c = course.on(day);
        Bundle bundle = course.bundle(day);
        Evaluation evaluation = Pipeline.viaFhir(bundle, c.asOfDate());
        ScenarioAssertions.check(name, c, evaluation);
        ScenarioAssertions.checkNotes(name, c, evaluation);
        namesOnlyThatDaysRecords(name, course, day, evaluation);
        if (course.scenarioAlone()) {
            // the direct record has no place for what a scenario cannot say (amendments, lesion sizes)
            Evaluation direct = Pipeline.evaluate(RecordCaseBuilder.build(c), c.asOfDate());
            assertThat(new TreeSet<>(direct.codes())).as(name + ": FHIR and direct record agree").isEqualTo(new TreeSet<>(evaluation.codes()));
        }
    }

    /**
     * The day's answer names no resource dated after the day (in its facts or its recommendations), nor one the day
     * says it must not name; and a disease status it names is the latest of its focus by then (terms 'several
     * results'), not a stale earlier one presented as the current state.
     */
    private static void namesOnlyThatDaysRecords(String name, LongitudinalCourse course, LongitudinalCourse.Day day, Evaluation e) {
        Map<String, String> dates = course.datesById();
        LocalDate asOf = LocalDate.parse(day.asOf());
        for (Fact f : e.facts().facts()) {
            for (String id : f.sourceIds()) {
                String date = dates.get(id.substring(id.indexOf('/') + 1));
                if (date != null) {
                    assertThat(LocalDate.parse(date)).as(name + ": fact " + f.describe() + " comes from " + id + ", dated after the day").isBeforeOrEqualTo(asOf);
                }
            }
        }
        for (Recommendation r : e.recommendations()) {
            List<String> named = r.because().stream().flatMap(b -> b.resourceIds().stream()).distinct().toList();
            for (String id : named) {
                String date = dates.get(id.substring(id.indexOf('/') + 1));
                if (date != null) {
                    assertThat(LocalDate.parse(date)).as(name + ": " + r.code() + " names " + id + ", dated after the day").isBeforeOrEqualTo(asOf);
                }
            }
            for (String id : named) {
                latestOfItsFocus(course, id, asOf).ifPresent(later ->
                        assertThat(later).as(name + ": " + r.code() + " names " + id + " while a later status of that focus stands by the day").isNull());
            }
            for (String unnamed : day.notNamedOrEmpty()) {
                assertThat(named).as(name + ": " + r.code() + " names a resource the day says it must not").doesNotContain(unnamed);
            }
        }
    }

    /** A status of the course of the same focus as the named one, dated after it and on or before asOf (not entered in error). */
    private static Optional<String> latestOfItsFocus(LongitudinalCourse course, String id, LocalDate asOf) {
        if (!id.startsWith("Observation/")) return Optional.empty();
        String bare = id.substring("Observation/".length());
        List<ScenarioCase.Status> statuses = ScenarioCase.orEmpty(course.statuses());
        Map<String, String> fhirStatus = course.amend() == null ? Map.of() : course.amend().statusOrEmpty();
        return statuses.stream().filter(st -> st.id().equals(bare) && st.date() != null).findFirst().flatMap(named -> statuses.stream()
                .filter(st -> st.focus().equals(named.focus()) && st.date() != null)
                .filter(st -> !"entered-in-error".equals(fhirStatus.get("Observation/" + st.id())))
                .filter(st -> LocalDate.parse(st.date()).isAfter(LocalDate.parse(named.date())) && !LocalDate.parse(st.date()).isAfter(asOf))
                .map(st -> "Observation/" + st.id()).findFirst());
    }

    @Test
    void coursesAreLongitudinal() {
        List<Path> files = LongitudinalCourse.files();
        assertThat(files).as("courses").hasSizeGreaterThanOrEqualTo(12);
        for (Path file : files) {
            LongitudinalCourse course = LongitudinalCourse.read(file);
            assertThat(course.description()).as(file + " description").isNotBlank();
            assertThat(course.days()).as(file + ": a course is asked on at least 5 days").hasSizeGreaterThanOrEqualTo(5);
            assertThat(course.days()).as(file + ": every day says why").allSatisfy(d -> assertThat(d.why()).isNotBlank());
            List<String> asOfs = course.days().stream().map(LongitudinalCourse.Day::asOf).toList();
            assertThat(asOfs).as(file + ": days in order").isSortedAccordingTo(String::compareTo);
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString().replace(".yml", "");
    }
}
