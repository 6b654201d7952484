package org.primum.audit.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.cdshooks.FeedbackStore;
import org.primum.cdshooks.model.Coding;
import org.primum.cdshooks.model.FeedbackRequest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The CDS Hooks feedback store on the Flyway schema, on H2 and on PostgreSQL: card ids, feedback, summary, restart. */
class FeedbackStoreDatabaseTest {
    static final String EHR = "https://ehr.example/";

    static List<String> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void cardIdsCarryTheirCodesAndVersionAcrossARestart(String kind) {
        Databases.Db db = Databases.fresh(kind);
        FeedbackStore store = new FeedbackStore(db.open(), "kb-1");
        UUID card = store.cardId(List.of("SYSTEMIC_THERAPY_FIRST", "MULTIDISCIPLINARY_DISCUSSION"), EHR);
        assertThat(card.version()).isEqualTo(8);

        FeedbackStore restarted = new FeedbackStore(db.open(), "kb-2");
        // the card-id secret is kept in the database: the restarted store reads the cards of the first one
        assertThat(restarted.codesOf(card.toString(), EHR)).containsExactly("MULTIDISCIPLINARY_DISCUSSION", "SYSTEMIC_THERAPY_FIRST");
        assertThat(restarted.knowledgeBaseVersionOf(card.toString(), EHR)).isEqualTo("kb-1");
        assertThat(restarted.codesOf(UUID.randomUUID().toString(), EHR)).isEmpty();
        // the same codes under another knowledge base are another signature
        UUID later = restarted.cardId(List.of("SYSTEMIC_THERAPY_FIRST", "MULTIDISCIPLINARY_DISCUSSION"), EHR);
        assertThat(restarted.knowledgeBaseVersionOf(later.toString(), EHR)).isEqualTo("kb-2");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void feedbackIsStoredWithCodesAndVersionAndSummarised(String kind) throws Exception {
        Databases.Db db = Databases.fresh(kind);
        DataSource ds = db.open();
        FeedbackStore store = new FeedbackStore(ds, "kb-1");
        String card = store.cardId(List.of("DEFER_LRT_UNTIL_RESPONSE"), EHR).toString();
        store.store("primum-patient-view", List.of(
                new FeedbackRequest.Item(card, "overridden", null, new FeedbackRequest.OverrideReason(
                        new Coding("urn:primum:cds-override-reason", "tumour-board-decision", "Decided at a tumour board"), "comment"),
                        "2026-11-23T10:07:00Z"),
                new FeedbackRequest.Item(card, "accepted", List.of(new FeedbackRequest.AcceptedSuggestion("s1")), null, "2026-11-23T10:08:00Z")),
                List.of(OffsetDateTime.parse("2026-11-23T10:07:00Z"), OffsetDateTime.parse("2026-11-23T10:08:00Z")), EHR);

        var summary = new FeedbackStore(db.open(), "kb-1").summary(EHR);
        assertThat(summary.feedbackItems()).isEqualTo(2);
        assertThat(summary.codes()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("DEFER_LRT_UNTIL_RESPONSE");
            assertThat(c.accepted()).isEqualTo(1);
            assertThat(c.overridden()).isEqualTo(1);
            assertThat(c.overrideReasons()).containsEntry("tumour-board-decision", 1L);
        });
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT kb_version FROM cds_feedback")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kb-1");
        }
    }
}
