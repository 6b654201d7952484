package org.primum.audit.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.audit.store.Databases;
import org.primum.audit.store.Decision;
import org.primum.audit.store.DecisionFilter;
import org.primum.audit.store.DecisionStore;
import org.primum.core.EvaluationListener;
import org.primum.core.FhirInput;
import org.primum.core.Pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision log on H2 and on PostgreSQL: every evaluation recorded through the Pipeline's listener
 * (Bundle and loose inputs), listed by patient and time, kept across a restart, replayed under a knowledge
 * base with one rule edited.
 */
class DecisionLogDatabaseTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);
    private static final PatientHash HASH = new PatientHash("test-salt");

    static List<String> kinds() {
        return Databases.kinds();
    }

    private DecisionLog log;

    @AfterEach
    void stop() {
        Pipelines.LISTENER.set(EvaluationListener.NONE);
        if (log != null) log.close();
    }

    private DecisionStore logTo(Databases.Db db, boolean rawFhir) {
        DecisionStore store = new DecisionStore(db.open());
        log = new DecisionLog(store, HASH, true, rawFhir, 100);
        Pipelines.LISTENER.set(log.listener());
        return store;
    }

    private static byte[] bundle() throws Exception {
        return Files.readAllBytes(Path.of("src/test/resources/bench/denovo-metastatic-bundle.json"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyEvaluationIsRecordedWithoutThePatientIdAndSurvivesARestart(String kind) throws Exception {
        Databases.Db db = Databases.fresh(kind);
        logTo(db, false);
        byte[] bundle = bundle();
        Pipeline.Result board = Pipelines.current().withOrigin("tumour-board").evaluate(bundle, AS_OF);
        var tree = new ObjectMapper().readTree(bundle);
        List<FhirInput> loose = List.of(FhirInput.of(tree, "prefetch.all"));
        Pipelines.current().withOrigin("cds-hooks/patient-view").evaluate(loose, "bench-p1", AS_OF);
        Pipelines.current().withOrigin("tumour-board").evaluate(bundle, AS_OF.minusYears(1));
        assertThat(log.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(log.dropped()).isZero();

        DecisionStore restarted = new DecisionStore(db.open());
        List<Decision> all = restarted.find(new DecisionFilter(List.of(), HASH.of("bench-p1"), null, null, 100));
        assertThat(all).hasSize(3);
        assertThat(restarted.find(new DecisionFilter(List.of(), HASH.of("Patient/bench-p1"), null, null, 100))).hasSize(3);
        assertThat(restarted.find(new DecisionFilter(List.of(), HASH.of("someone-else"), null, null, 100))).isEmpty();

        Decision first = all.get(0);
        assertThat(first.origin()).isEqualTo("tumour-board");
        assertThat(first.asOf()).isEqualTo(AS_OF);
        assertThat(first.codes()).isEqualTo(board.evaluation().codes()).isNotEmpty();
        assertThat(first.knowledgeBaseVersion()).isEqualTo(Pipelines.current().knowledgeBase().version());
        assertThat(first.inputDigest()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bundle)));
        assertThat(first.factsJson()).doesNotContain("bench-p1").contains(FactsJson.pseudonym(HASH.of("bench-p1")));
        assertThat(first.rawFhir()).isNull();
        assertThat(all.get(1).origin()).isEqualTo("cds-hooks/patient-view");
        assertThat(all.get(1).codes()).isEqualTo(board.evaluation().codes());

        // time range [from, to) and ids
        OffsetDateTime from = all.get(1).recordedAt();
        assertThat(restarted.find(new DecisionFilter(List.of(), null, from, null, 100))).extracting(Decision::id)
                .containsExactly(all.get(1).id(), all.get(2).id());
        assertThat(restarted.find(new DecisionFilter(List.of(), null, null, from, 100))).extracting(Decision::id)
                .containsExactly(first.id());
        assertThat(restarted.find(new DecisionFilter(List.of(first.id(), all.get(2).id()), null, null, null, 1)))
                .extracting(Decision::id).containsExactly(first.id());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void replayShowsTheAnswersAnEditedRuleChanges(String kind) throws Exception {
        Databases.Db db = Databases.fresh(kind);
        DecisionStore store = logTo(db, false);
        byte[] bundle = bundle();
        Pipelines.current().withOrigin("tumour-board").evaluate(bundle, AS_OF);
        log.flush(Duration.ofSeconds(30));
        log.close();
        store = logTo(db, true); // the second decision keeps its raw FHIR
        Pipelines.current().withOrigin("tumour-board").evaluate(bundle, AS_OF);
        log.flush(Duration.ofSeconds(30));
        DecisionFilter all = new DecisionFilter(List.of(), HASH.of("bench-p1"), null, null, 100);

        ReplayReport same = new Replay(Pipelines.current(), store).run(all);
        assertThat(same.replayed()).isEqualTo(2);
        assertThat(same.unchanged()).isEqualTo(2);
        assertThat(same.changed()).isEmpty();

        Pipeline edited = Pipelines.withoutMultidisciplinaryDiscussion();
        ReplayReport report = new Replay(edited, store).run(all);
        assertThat(report.knowledgeBaseVersion()).isEqualTo(edited.knowledgeBase().version())
                .isNotEqualTo(Pipelines.current().knowledgeBase().version());
        assertThat(report.failed()).isEmpty();
        assertThat(report.changed()).hasSize(2).allSatisfy(c -> {
            assertThat(c.removed()).containsExactly("MULTIDISCIPLINARY_DISCUSSION");
            assertThat(c.added()).isEmpty();
            assertThat(c.oldCodes()).contains("MULTIDISCIPLINARY_DISCUSSION");
            assertThat(c.newCodes()).doesNotContain("MULTIDISCIPLINARY_DISCUSSION");
            assertThat(c.oldKnowledgeBaseVersion()).isEqualTo(Pipelines.current().knowledgeBase().version());
            assertThat(c.newKnowledgeBaseVersion()).isEqualTo(edited.knowledgeBase().version());
        });
        assertThat(report.changed()).extracting(ReplayReport.Change::basis).containsExactly("facts", "raw-fhir");
        // replaying is not an evaluation of its own
        log.flush(Duration.ofSeconds(30));
        assertThat(store.find(all)).hasSize(2);
    }
}
