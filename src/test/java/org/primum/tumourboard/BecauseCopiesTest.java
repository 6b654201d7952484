package org.primum.tumourboard;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.primum.core.Pipeline;
import org.primum.engine.Evaluation;
import org.primum.engine.Recommendation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint's bytes, each recurring fact copied, are the bytes of the answer written fact by fact. */
class BecauseCopiesTest {

    private static TumourBoardService service;
    private static byte[] body;
    private static Pipeline.Result result;

    @BeforeAll
    static void evaluateTheBenchRecord() throws IOException {
        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        service = new TumourBoardService(pipeline, 5L * 1024 * 1024);
        try (InputStream in = BecauseCopiesTest.class.getResourceAsStream("/bench/denovo-metastatic-bundle.json")) {
            body = in.readAllBytes();
        }
        result = pipeline.evaluate(body, LocalDate.parse("2025-07-01"));
    }

    @Test
    void recurringFactsAreCopiedByteForByte() throws IOException {
        TumourBoardAnswer answer = service.answer(result, body, "test");
        long entries = answer.recommendations().stream().mapToLong(r -> r.because().size()).sum();
        long distinct = answer.recommendations().stream().flatMap(r -> r.because().stream()).distinct().count();
        assertThat(entries).as("the bench record's facts recur").isGreaterThan(distinct);
        assertThat(new String(service.toJson(answer), StandardCharsets.UTF_8))
                .isEqualTo(new String(service.toJsonInPlace(answer), StandardCharsets.UTF_8));
    }

    /**
     * Invalid UTF-8 in a body decodes to lone surrogates, which may reach a fact's sentence: the copy holds what the
     * generator wrote for them (an escape), where Jackson's SerializedString threw.
     */
    @Test
    void aRecurringFactWithLoneSurrogatesIsCopiedAsWrittenInPlace() throws IOException {
        Recommendation.Because odd = new Recommendation.Because("PrimaryTumour",
                "left breast \uD800 lone high, \uDC00 lone low, \uD83D\uDE00 a pair, \u00E9 \u2265 3", List.of("Condition/c\uDBFF"));
        Evaluation evaluation = result.evaluation();
        List<Recommendation> recommendations = new ArrayList<>();
        for (Recommendation r : evaluation.recommendations()) recommendations.add(withBecause(r, b -> odd));
        Evaluation changed = new Evaluation(evaluation.knowledgeBaseVersion(), evaluation.facts(), recommendations, evaluation.missingData());
        TumourBoardAnswer answer = service.answer(new Pipeline.Result(result.record(), changed, result.warnings(), result.resources(),
                result.leftOut()), body, "test");
        assertThat(answer.recommendations().size()).isGreaterThan(1);

        byte[] copied = service.toJson(answer);
        assertThat(copied).isEqualTo(service.toJsonInPlace(answer));
        assertThat(new String(copied, StandardCharsets.UTF_8)).contains("\\uD800 lone high").contains("c\\uDBFF");
    }

    private static Recommendation withBecause(Recommendation r, UnaryOperator<Recommendation.Because> change) {
        return new Recommendation(r.code(), r.title(), r.statement(), r.indicator(), r.evidenceLevel(), r.section(), r.citations(),
                r.because().stream().map(change).toList(), r.rule(), r.knowledgeBaseVersion());
    }
}
