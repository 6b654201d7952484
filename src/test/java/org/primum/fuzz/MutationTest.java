package org.primum.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mutation engine does what each mutation says, reproducibly: the fuzz tests are only as good as their inputs. */
class MutationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode BUNDLE = Seeds.read("""
            {"resourceType":"Bundle","type":"collection","entry":[
             {"fullUrl":"urn:uuid:p1","resource":{"resourceType":"Patient","id":"p1","birthDate":"1967-03-02"}},
             {"fullUrl":"urn:uuid:c1","resource":{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/p1"},
              "code":{"coding":[{"system":"http://snomed.info/sct","code":"254837009"}]},"onsetDateTime":"2025-01-10"}}]}""");

    private static Mutant mutate(Mutation op, long salt) {
        return new FuzzCase("test", 0, "bundle", List.of(op), salt).apply(BUNDLE, Mutant.Shape.JSON);
    }

    private static String text(Mutant m) {
        return new String(m.bytes(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Mutation.class)
    void everyMutationChangesTheInputAndSaysWhere(Mutation op) throws Exception {
        byte[] seed = JSON.writeValueAsBytes(BUNDLE);
        for (long salt = 0; salt < 20; salt++) {
            Mutant m = mutate(op, salt);
            assertThat(m.bytes()).as(op + " salt " + salt).isNotEqualTo(seed);
            assertThat(m.log).singleElement().asString().startsWith(op.name());
        }
    }

    @ParameterizedTest
    @EnumSource(Mutation.class)
    void aCaseIsReproducedFromItsSalt(Mutation op) {
        assertThat(mutate(op, 42).bytes()).isEqualTo(mutate(op, 42).bytes());
    }

    @Test
    void deepNestingIsTenThousandLevelsBeyondWhatJacksonReadsByDefault() {
        for (long salt = 0; salt < 10; salt++) {
            String t = text(mutate(Mutation.DEEP_NESTING, salt));
            assertThat(t.contains("[".repeat(10_000)) || t.contains("{\"a\":".repeat(10_000))).isTrue();
            assertThatThrownBy(() -> JSON.readTree(t)).hasMessageContaining("nesting depth");
        }
    }

    @Test
    void hugeStringsAreAMegabyteOrManyHundredKilobytes() {
        assertThat(mutate(Mutation.HUGE_STRING, 1).bytes().length).isGreaterThan(1 << 20);
        // every string of the small Bundle (9 of them) becomes 100 KB
        assertThat(mutate(Mutation.MANY_BIG_STRINGS, 1).bytes().length).isGreaterThan(9 * 100 * 1024);
    }

    @Test
    void invalidUtf8IsRefusedByAStrictDecoder() {
        for (long salt = 0; salt < 20; salt++) {
            byte[] b = mutate(Mutation.INVALID_UTF8, salt).bytes();
            assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))).isInstanceOf(CharacterCodingException.class);
        }
    }

    @Test
    void truncationKeepsAPrefix() throws Exception {
        byte[] seed = JSON.writeValueAsBytes(BUNDLE);
        byte[] cut = mutate(Mutation.TRUNCATE, 3).bytes();
        assertThat(cut.length).isLessThan(seed.length);
        assertThat(Arrays.copyOf(seed, cut.length)).isEqualTo(cut);
    }

    @Test
    void datesReferencesCodesAndTypesAreDamagedWhereTheyAre() {
        assertThat(text(mutate(Mutation.INVALID_DATE, 5))).containsAnyOf(Mutation.BAD_DATES.stream().map(d -> "\"" + d + "\"").toArray(String[]::new));
        assertThat(mutate(Mutation.INVALID_DATE, 5).log.get(0)).containsAnyOf("birthDate", "onsetDateTime");
        assertThat(mutate(Mutation.BROKEN_REFERENCE, 5).log.get(0)).containsAnyOf(".reference", ".fullUrl");
        assertThat(mutate(Mutation.UNKNOWN_CODE, 5).log.get(0)).containsAnyOf(".code", ".system");
        assertThat(mutate(Mutation.WRONG_RESOURCE_TYPE, 5).log.get(0)).contains("resourceType = ");
    }

    @Test
    void ndjsonIsOneLinePerElement() {
        JsonNode lines = JSON.createArrayNode().add(BUNDLE.path("entry").get(0).path("resource")).add(BUNDLE.path("entry").get(1).path("resource"));
        Mutant m = new Mutant(lines, Mutant.Shape.NDJSON);
        assertThat(text(m).split("\n")).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"resourceType\""));
        assertThat(BadLines.count(m.bytes())).isZero();
        assertThat(BadLines.count("{\"a\":1}\n{\"a\":\n42\n\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
    }

    @Test
    void aMutationKeepsItsDetailsWhenTheOthersAreLeftOut() {
        FuzzCase c = new FuzzCase("test", 0, "bundle", List.of(Mutation.UNKNOWN_CODE, Mutation.INVALID_DATE), 99);
        Mutant both = c.apply(BUNDLE, Mutant.Shape.JSON);
        Mutant dateOnly = c.apply(BUNDLE, Mutant.Shape.JSON, List.of(1));
        assertThat(dateOnly.log).containsExactly(both.log.get(1));
    }

    @Test
    void minimisationTriesTheSmallestSubsetsFirst() {
        assertThat(FailureReport.subsets(3)).containsExactly(List.of(0), List.of(1), List.of(2), List.of(0, 1), List.of(0, 2), List.of(1, 2));
        assertThat(FailureReport.subsets(1)).isEmpty();
    }

    @Test
    void casesSpreadOverTheSeedsAndTheMutations() {
        int seeds = 90;
        Set<String> seen = new HashSet<>();
        Set<Mutation> ops = new HashSet<>();
        IntStream.range(0, 2000).mapToObj(i -> FuzzCase.generate(FuzzSettings.DEFAULT_SEED, "t", i, seeds, n -> "s" + n, n -> 1))
                .forEach(c -> {
                    seen.add(c.seedName());
                    ops.addAll(c.mutations());
                    assertThat(c.mutations()).hasSizeBetween(1, 3);
                });
        assertThat(seen).hasSize(seeds);
        assertThat(ops).containsExactlyInAnyOrder(Mutation.values());
    }
}
