package org.primum.definitions;

import org.junit.jupiter.api.Test;
import org.primum.facts.DateBasis;
import org.primum.facts.Laterality;
import org.primum.facts.PrimaryTumour;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which primary a metastatic presentation is about when the record holds several (scenarios: atypical/atyp-*). */
class PresentingPrimaryTest {
    private static final int WINDOW = 90;

    private static PrimaryTumour primary(String id, String date, Laterality side) {
        return new PrimaryTumour("Condition/" + id, "254837009", "Malignant neoplasm of breast",
                date == null ? null : LocalDate.parse(date), date == null ? DateBasis.UNDATED : DateBasis.RECORDED, side);
    }

    private static final PrimaryTumour OLD_RIGHT = primary("old", "2015-03-01", Laterality.RIGHT);
    private static final PrimaryTumour NEW_LEFT = primary("new", "2025-01-10", Laterality.LEFT);

    @Test
    void theCancerDiagnosedWithTheMetastasisNotTheEarliest() {
        var choice = PresentingPrimary.of(List.of(OLD_RIGHT, NEW_LEFT), LocalDate.parse("2025-01-20"), WINDOW);
        assertThat(choice.index()).isEqualTo(NEW_LEFT);
        assertThat(choice.synchronous()).hasSize(1);
    }

    @Test
    void withoutAMetastasisDateTheNewestCancerPresents() {
        assertThat(PresentingPrimary.of(List.of(OLD_RIGHT, NEW_LEFT), null, WINDOW).index()).isEqualTo(NEW_LEFT);
    }

    @Test
    void aMetastasisLongAfterEveryPrimaryIsMeasuredFromTheLatest() {
        var choice = PresentingPrimary.of(List.of(OLD_RIGHT, NEW_LEFT), LocalDate.parse("2026-01-10"), WINDOW);
        assertThat(choice.index()).isEqualTo(NEW_LEFT);
    }

    @Test
    void aMetastasisFoundBeforeEveryPrimaryBelongsToTheFirstOneAfterIt() {
        var choice = PresentingPrimary.of(List.of(NEW_LEFT), LocalDate.parse("2024-09-12"), WINDOW);
        assertThat(choice.index()).isEqualTo(NEW_LEFT);
    }

    @Test
    void synchronousCancersOfBothBreastsAreBothThePrimary() {
        PrimaryTumour right = primary("right", "2025-01-12", Laterality.RIGHT);
        var choice = PresentingPrimary.of(List.of(NEW_LEFT, right), LocalDate.parse("2025-01-20"), WINDOW);
        assertThat(choice.index()).isEqualTo(NEW_LEFT);
        assertThat(choice.synchronous()).extracting(PresentingPrimary.Tumour::first).containsExactly(NEW_LEFT, right);
    }

    @Test
    void oneBreastEnteredTwiceWithinTheWindowIsOneCancerDatedByItsFirstRecord() {
        PrimaryTumour again = primary("again", "2025-02-01", Laterality.LEFT);
        var choice = PresentingPrimary.of(List.of(NEW_LEFT, again), LocalDate.parse("2025-04-11"), WINDOW);
        assertThat(choice.index()).isEqualTo(NEW_LEFT); // 91 days: recurrent, not 69 days from the second entry
        assertThat(choice.synchronous()).singleElement().satisfies(t -> assertThat(t.records()).containsExactly(NEW_LEFT, again));
    }

    @Test
    void anOperationOfUnsaidSideCoversAnyTumourAndOneSideOnlyItsOwn() {
        assertThat(PresentingPrimary.covers(null, Laterality.LEFT)).isTrue();
        assertThat(PresentingPrimary.covers(Laterality.BILATERAL, Laterality.RIGHT)).isTrue();
        assertThat(PresentingPrimary.covers(Laterality.RIGHT, null)).isTrue();
        assertThat(PresentingPrimary.covers(Laterality.RIGHT, Laterality.LEFT)).isFalse();
        assertThat(PresentingPrimary.covers(Laterality.LEFT, Laterality.BILATERAL)).isFalse();
    }

    @Test
    void anEarlierTreatedCancerIsNotThePrimarysSideButABilateralPresentationAndUndatedRecordsAre() {
        var choice = PresentingPrimary.of(List.of(OLD_RIGHT, NEW_LEFT), LocalDate.parse("2025-01-20"), WINDOW);
        assertThat(PresentingPrimary.presenting(List.of(OLD_RIGHT, NEW_LEFT), choice, WINDOW)).containsExactly(NEW_LEFT);

        // a right cancer found 50 days before the left one the metastasis came with: one bilateral presentation
        PrimaryTumour right = primary("right", "2024-11-21", Laterality.RIGHT);
        var bilateral = PresentingPrimary.of(List.of(right, NEW_LEFT), LocalDate.parse("2025-03-20"), WINDOW);
        assertThat(PresentingPrimary.presenting(List.of(right, NEW_LEFT), bilateral, WINDOW)).containsExactly(right, NEW_LEFT);

        PrimaryTumour undated = primary("undated", null, Laterality.RIGHT);
        var withUndated = PresentingPrimary.of(List.of(OLD_RIGHT, NEW_LEFT, undated), LocalDate.parse("2025-01-20"), WINDOW);
        assertThat(PresentingPrimary.presenting(List.of(OLD_RIGHT, NEW_LEFT, undated), withUndated, WINDOW))
                .containsExactly(NEW_LEFT, undated);
    }
}
