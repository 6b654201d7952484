package org.primum.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.engine.Evaluation;
import org.primum.facts.MappingNote;
import org.primum.testdata.CodeSets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "The same patient, written ten ways": six clinical vignettes, each written as raw FHIR R4 Bundles the way
 * different producers write the same facts (dates, statuses, codes, references, staging), in
 * {@code src/test/resources/fixtures/encodings/}. The expected fired set of every Bundle is in that folder's
 * {@code expected.json}, written from the catalogue and the FHIR R4 definitions before the service was run on
 * them (its README says what each file probes and how each element was read). Each Bundle goes through the
 * production core read leniently, as {@code POST /tumour-board/evaluate} reads it, and must fire exactly its set.
 */
class EncodingEquivalenceTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/encodings");

    /** One row of expected.json: {@code sameAs} names the vignette's reference when the encoding must answer alike. */
    record Case(String file, String asOf, String sameAs, Set<String> fires, String why) {
        @Override
        public String toString() {
            return file + ": " + why;
        }
    }

    static List<Case> cases() {
        try {
            JsonNode table = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
            Map<String, String[]> groups = new LinkedHashMap<>();
            table.get("groups").fields().forEachRemaining(g -> groups.put(g.getKey(), strings(g.getValue())));
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : table.get("cases")) {
                cases.add(new Case(c.get("file").asText(), c.get("asOf").asText(),
                        c.get("sameAs").isNull() ? null : c.get("sameAs").asText(),
                        CodeSets.expand(groups, strings(c.get("fires"))), c.get("why").asText()));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firesExactlyWhatTheCatalogueSays(Case c) throws IOException {
        byte[] json = Files.readAllBytes(DIR.resolve(c.file() + ".json"));
        Evaluation e = Pipeline.CORE.evaluate(json, LocalDate.parse(c.asOf())).evaluation();
        String account = c.why() + "\n  notes: " + e.facts().notes().stream().map(MappingNote::text).toList()
                + "\n  unrecognised: " + e.facts().unrecognised();
        assertThat(new TreeSet<>(e.codes())).as(account).isEqualTo(c.fires());
    }

    /** An encoding said to answer as its reference must expect what the reference expects: the table agrees with itself. */
    @Test
    void sameAsRowsExpectTheReferenceAnswer() {
        Map<String, Case> byFile = cases().stream().collect(Collectors.toMap(Case::file, c -> c));
        for (Case c : byFile.values()) {
            if (c.sameAs() == null) continue;
            assertThat(byFile).as(c.file()).containsKey(c.sameAs());
            Case reference = byFile.get(c.sameAs());
            assertThat(c.fires()).as(c.file() + " vs " + reference.file()).isEqualTo(reference.fires());
            assertThat(c.asOf()).as(c.file() + " vs " + reference.file()).isEqualTo(reference.asOf());
        }
    }

    /** Every Bundle of the folder has its row, and every row its Bundle: a case without its expectation tests nothing. */
    @Test
    void everyFileHasARow() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            Set<String> files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.equals("expected.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
            assertThat(files).isEqualTo(cases().stream().map(Case::file).collect(Collectors.toCollection(TreeSet::new)));
        }
    }
}
