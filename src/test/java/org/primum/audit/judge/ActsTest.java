package org.primum.audit.judge;

import org.junit.jupiter.api.Test;
import org.primum.facts.ActMargin;
import org.primum.facts.AuditedAct;
import org.primum.facts.Laterality;
import org.primum.facts.MarginStatus;
import org.primum.facts.ProcedureKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which acts the audit judges (radiotherapy courses) and which margin result belongs to which operation. */
class ActsTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final LocalDate DX = LocalDate.of(2025, 1, 6);

    static AuditedAct act(String id, ProcedureKind kind, LocalDate date, Laterality side) {
        return new AuditedAct("Procedure/" + id, kind, date, side, false, true);
    }

    static MarginStatus margin(String id, boolean involved, LocalDate date) {
        return new MarginStatus("Observation/" + id, involved, date);
    }

    static Map<String, String> byAct(List<ActMargin> margins) {
        Map<String, String> m = new java.util.TreeMap<>();
        margins.forEach(a -> m.put(a.actSourceId(), a.margin().sourceId()));
        return m;
    }

    /** The knowledge base's radiotherapyCourseGapDays (rules/thresholds.properties). */
    private static final int GAP = 14;

    @Test
    void dailyFractionsAreOneCourseJudgedAtItsFirstFraction() {
        List<AuditedAct> acts = new ArrayList<>();
        LocalDate d = LocalDate.of(2025, 7, 14);
        for (int i = 0; i < 25; i++, d = d.plusDays(d.getDayOfWeek().getValue() == 5 ? 3 : 1)) {
            acts.add(act("fx" + i, ProcedureKind.LOCOREGIONAL_RADIOTHERAPY, d, Laterality.LEFT));
        }
        assertThat(Acts.courses(acts, GAP)).extracting(AuditedAct::sourceId).containsExactly("Procedure/fx0");
    }

    @Test
    void aPauseLongerThanTheGapStartsANewCourseAndOtherActsStay() {
        LocalDate start = LocalDate.of(2025, 7, 14);
        List<AuditedAct> acts = List.of(
                act("lump", ProcedureKind.BREAST_CONSERVING_SURGERY, start.minusDays(40), Laterality.LEFT),
                act("fx1", ProcedureKind.LOCOREGIONAL_RADIOTHERAPY, start, Laterality.LEFT),
                act("fx2", ProcedureKind.LOCOREGIONAL_RADIOTHERAPY, start.plusDays(GAP), Laterality.LEFT),
                act("right", ProcedureKind.LOCOREGIONAL_RADIOTHERAPY, start.plusDays(15), Laterality.RIGHT),
                act("again", ProcedureKind.LOCOREGIONAL_RADIOTHERAPY, start.plusDays(2L * GAP + 1), Laterality.LEFT),
                act("undated", ProcedureKind.LOCOREGIONAL_RADIOTHERAPY, null, Laterality.LEFT));
        assertThat(Acts.courses(acts, GAP)).extracting(AuditedAct::sourceId)
                .containsExactly("Procedure/lump", "Procedure/fx1", "Procedure/right", "Procedure/again", "Procedure/undated");
    }

    @Test
    void eachOperationTakesTheResultBeforeTheNextOne() {
        LocalDate op1 = LocalDate.of(2025, 6, 30), op2 = op1.plusWeeks(3);
        List<AuditedAct> acts = List.of(act("op1", ProcedureKind.BREAST_CONSERVING_SURGERY, op1, Laterality.LEFT),
                act("op2", ProcedureKind.BREAST_CONSERVING_SURGERY, op2, Laterality.LEFT));
        List<MarginStatus> margins = List.of(margin("m1", true, op1.plusDays(5)), margin("m2", false, op2.plusDays(5)));
        assertThat(byAct(Acts.margins(acts, margins, AS_OF, DX, Map.of())))
                .containsEntry("Procedure/op1", "Observation/m1").containsEntry("Procedure/op2", "Observation/m2");
    }

    @Test
    void aResultNamingABreastIsTheResultOfThatBreastsOperationAndItsWindowClosesOnlyAtThatBreastsNext() {
        LocalDate day = LocalDate.of(2025, 6, 30);
        List<AuditedAct> acts = List.of(act("left", ProcedureKind.BREAST_CONSERVING_SURGERY, day, Laterality.LEFT),
                act("right", ProcedureKind.BREAST_CONSERVING_SURGERY, day, Laterality.RIGHT),
                act("right-again", ProcedureKind.MASTECTOMY, day.plusDays(4), Laterality.RIGHT));
        List<MarginStatus> margins = List.of(new MarginStatus("Observation/m-left", true, day.plusDays(6), Laterality.LEFT),
                new MarginStatus("Observation/m-right", false, day.plusDays(2), Laterality.RIGHT));
        // the left result arrives after the right breast's next operation: still the left operation's, and only its
        assertThat(byAct(Acts.margins(acts, margins, AS_OF, DX, Map.of())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("Procedure/left", "Observation/m-left", "Procedure/right", "Observation/m-right"));
    }

    @Test
    void aResultPartOfAnOperationIsThatOperationsWhateverItsDate() {
        LocalDate op1 = LocalDate.of(2025, 6, 30), op2 = op1.plusWeeks(2);
        List<AuditedAct> acts = List.of(act("op1", ProcedureKind.BREAST_CONSERVING_SURGERY, op1, Laterality.LEFT),
                act("op2", ProcedureKind.MASTECTOMY, op2, Laterality.LEFT));
        // both reports arrive after the second operation; without the link the first would have none
        List<MarginStatus> margins = List.of(margin("m1", true, op2.plusDays(2)), margin("m2", false, op2.plusDays(3)));
        Map<String, String> links = Map.of("Observation/m1", "Procedure/op1", "Observation/m2", "Procedure/op2");
        assertThat(byAct(Acts.margins(acts, margins, AS_OF, DX, links)))
                .containsEntry("Procedure/op1", "Observation/m1").containsEntry("Procedure/op2", "Observation/m2");
        assertThat(byAct(Acts.margins(acts, margins, AS_OF, DX, Map.of())))
                .doesNotContainKey("Procedure/op1").containsEntry("Procedure/op2", "Observation/m2");
    }

    @Test
    void aResultPartOfAnotherProcedureIsNoResultOfThisOne() {
        LocalDate op = LocalDate.of(2025, 6, 30);
        List<AuditedAct> acts = List.of(act("op", ProcedureKind.BREAST_CONSERVING_SURGERY, op, Laterality.LEFT));
        List<MarginStatus> margins = List.of(margin("other", true, op.plusDays(2)));
        assertThat(Acts.margins(acts, margins, AS_OF, DX, Map.of("Observation/other", "Procedure/biopsy"))).isEmpty();
    }

    @Test
    void anOperationOfAnEarlierCancerTakesNoResultAndLeavesTheUndatedOneToThisPrimarysOperation() {
        LocalDate op = LocalDate.of(2025, 6, 30);
        List<AuditedAct> acts = List.of(act("op-2014", ProcedureKind.BREAST_CONSERVING_SURGERY, LocalDate.of(2014, 9, 22), Laterality.LEFT),
                act("op", ProcedureKind.BREAST_CONSERVING_SURGERY, op, Laterality.LEFT));
        List<MarginStatus> margins = List.of(margin("undated", false, null));
        assertThat(byAct(Acts.margins(acts, margins, AS_OF, DX, Map.of()))).containsExactly(Map.entry("Procedure/op", "Observation/undated"));
        // the primary's diagnosis unknown: both operations count, and an undated result cannot be given to either
        assertThat(Acts.margins(acts, margins, AS_OF, null, Map.of())).isEmpty();
    }

    @Test
    void aResultAfterTheAuditDateIsNotKnown() {
        LocalDate op = LocalDate.of(2026, 6, 29);
        List<AuditedAct> acts = List.of(act("op", ProcedureKind.BREAST_CONSERVING_SURGERY, op, Laterality.LEFT));
        assertThat(Acts.margins(acts, List.of(margin("late", false, AS_OF.plusDays(1))), AS_OF, DX,
                Map.of("Observation/late", "Procedure/op"))).isEmpty();
    }

    @Test
    void operationsAreOnePerDayAndBreast() {
        LocalDate d = LocalDate.of(2025, 6, 30);
        List<AuditedAct> twice = List.of(act("or", ProcedureKind.BREAST_CONSERVING_SURGERY, d, Laterality.LEFT),
                act("claim", ProcedureKind.BREAST_CONSERVING_SURGERY, d, null));
        assertThat(Acts.operations(twice)).hasSize(1);
        List<AuditedAct> bilateral = List.of(act("left", ProcedureKind.BREAST_CONSERVING_SURGERY, d, Laterality.LEFT),
                act("right", ProcedureKind.MASTECTOMY, d, Laterality.RIGHT));
        assertThat(Acts.operations(bilateral)).hasSize(2)
                .filteredOn(o -> o.stream().allMatch(Acts::breastConserving)).hasSize(1);
    }

    @Test
    void twoResultsOfTheLatestDayAreBothTheOperationsWhateverTheInputOrder() {
        LocalDate d = LocalDate.of(2025, 6, 30);
        List<AuditedAct> acts = List.of(act("left", ProcedureKind.BREAST_CONSERVING_SURGERY, d, Laterality.LEFT),
                act("right", ProcedureKind.MASTECTOMY, d, Laterality.RIGHT));
        List<MarginStatus> margins = List.of(margin("b", true, d.plusDays(5)), margin("a", false, d.plusDays(5)),
                margin("prelim", false, d.plusDays(2)));
        assertThat(Acts.margins(acts, margins, AS_OF, DX, Map.of())).extracting(m -> m.actSourceId() + " " + m.margin().sourceId())
                .containsExactly("Procedure/left Observation/a", "Procedure/left Observation/b",
                        "Procedure/right Observation/a", "Procedure/right Observation/b");
    }
}
