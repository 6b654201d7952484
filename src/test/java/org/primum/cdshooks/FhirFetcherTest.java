package org.primum.cdshooks;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primum.core.FhirInput;
import org.primum.core.LooseRecord;
import org.primum.core.Pipeline;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fetch hands the core JSON, one located input per page, and data the FHIR server got wrong is a 412
 * (required data not available), not the client's 400. A plain JDK HTTP server serves fixed answers: the
 * HAPI test server of CdsHooksPrefetchTest cannot hold invalid FHIR.
 */
class FhirFetcherTest {

    private static final Map<String, String> CONDITIONS = Map.of("conditions", "Condition?patient={{context.patientId}}");

    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fhir", exchange -> {
            String body = answers.getOrDefault(exchange.getRequestURI().toString(), "");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.isEmpty() ? 404 : 200, body.isEmpty() ? -1 : bytes.length);
            if (!body.isEmpty()) exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Map<String, List<FhirInput>> fetch() {
        return new FhirFetcher(Duration.ofSeconds(5), 3).fetch(base, null, CONDITIONS, "p");
    }

    private static String searchset(String next, String onset) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"," + (next == null ? "" : "\"link\":[{\"relation\":\"self\",\"url\":\"x\"},"
                + "{\"relation\":\"next\",\"url\":\"" + next + "\"}],") + "\"entry\":[{\"resource\":{\"resourceType\":\"Condition\","
                + "\"id\":\"c-" + onset + "\",\"subject\":{\"reference\":\"Patient/p\"},\"onsetDateTime\":\"" + onset + "\"}}]}";
    }

    @Test
    void pagesAreFollowedAndEachIsOneLocatedInput() {
        answers.put("/fhir/Condition?patient=p", searchset(base + "/Condition?page=2", "2024-02-01"));
        answers.put("/fhir/Condition?page=2", searchset(null, "2024-02-30"));
        List<FhirInput> pages = fetch().get("conditions");
        assertThat(pages).extracting(FhirInput::location).containsExactly("fhirServer.conditions", "fhirServer.conditions.page[2]");

        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        // read leniently the invalid Condition is left out (and reported); strictly it makes the data unavailable
        LooseRecord lenient = pipeline.looseRecord();
        CdsHooksService.addFetched(lenient, Map.of("conditions", pages));
        assertThat(pipeline.evaluate(lenient, "p", java.time.LocalDate.now()).leftOut()).singleElement().satisfies(e -> assertThat(e.location()).isEqualTo("fhirServer.conditions.page[2].entry[0].resource.onsetDateTime"));
        assertThatThrownBy(() -> CdsHooksService.addFetched(pipeline.looseRecord(Pipeline.Options.STRICT), Map.of("conditions", pages)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.DATA_UNAVAILABLE);
                    assertThat(e.issueCode()).isEqualTo("value");
                    assertThat(e.location()).isEqualTo("fhirServer.conditions.page[2].entry[0].resource.onsetDateTime");
                });
    }

    @Test
    void anAnswerThatIsNotFhirJsonIs412() {
        answers.put("/fhir/Condition?patient=p", "<html>maintenance</html>");
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.DATA_UNAVAILABLE);
            assertThat(e.issueCode()).isEqualTo("structure");
        });
        answers.put("/fhir/Condition?patient=p", "{\"resourceType\":\"OperationOutcome\",\"issue\":[]}");
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.DATA_UNAVAILABLE));
    }

    @Test
    void moreThanTheMaximumNumberOfPagesIs412() {
        answers.put("/fhir/Condition?patient=p", searchset(base + "/Condition?page=2", "2024-02-01"));
        answers.put("/fhir/Condition?page=2", searchset(base + "/Condition?page=3", "2024-02-02"));
        answers.put("/fhir/Condition?page=3", searchset(base + "/Condition?page=4", "2024-02-03"));
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.issueCode()).isEqualTo("too-costly"));
    }
}
