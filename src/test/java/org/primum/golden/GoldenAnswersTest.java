package org.primum.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.scenarios.ScenarioBundles;
import org.primum.tumourboard.TumourBoardService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression guard: the whole answer of {@code POST /tumour-board/evaluate} (without HTTP) for every public
 * fixture and every scenario, at fixed dates, compared with {@code src/test/resources/golden/}. The
 * knowledge-base version is masked (it hashes the rule files, comments included); everything else must be
 * identical. A deliberate change of an answer rewrites its golden file in the same commit:
 * {@code ./mvnw test -Dtest=GoldenAnswersTest -Dgolden.update=true}.
 */
class GoldenAnswersTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/public");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Three dates per public fixture: the fixtures span 1998 (Synthea) to 2025 (mCODE examples). */
    private static final List<String> FIXTURE_DATES = List.of("1998-05-01", "2020-01-01", "2026-01-01");

    record Case(String name, byte[] body, String asOf) {
        @Override
        public String toString() { return name; }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                byte[] body = Files.readAllBytes(f);
                String stem = f.getFileName().toString().replace(".json", "");
                for (String d : FIXTURE_DATES) cases.add(new Case("public/" + stem + "@" + d, body, d));
            }
        }
        for (ScenarioBundles.Named s : ScenarioBundles.all()) {
            cases.add(new Case("scenarios/" + s.name(), s.json().getBytes(StandardCharsets.UTF_8), s.asOf()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answerIsUnchanged(Case c) throws IOException {
        TumourBoardService service = GoldenPipeline.service();
        byte[] answer = service.toJson(service.evaluate(c.body(), MediaType.valueOf("application/fhir+json"), c.asOf(), "golden"));
        JsonNode tree = JSON.readTree(answer);
        ((ObjectNode) tree).put("knowledgeBaseVersion", "<masked>");
        String actual = JSON.writeValueAsString(tree) + "\n";
        Path file = GOLDEN.resolve(c.name() + ".json");
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
            if (!Boolean.getBoolean("golden.update")) throw new AssertionError("golden file was missing, written: " + file);
        }
        assertThat(actual).as("answer of %s (rewrite with -Dgolden.update=true if the change is deliberate)", c.name())
                .isEqualTo(Files.readString(file));
    }
}
