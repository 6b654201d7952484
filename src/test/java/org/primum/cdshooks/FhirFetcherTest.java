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
    /** Requests that reached anything but the FHIR server's /fhir path, with their Authorization header. */
    private final List<String> leaked = new java.util.concurrent.CopyOnWriteArrayList<>();
    private HttpServer server;
    private HttpServer evil;
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
        server.createContext("/fhir-evil", this::leak);
        server.createContext("/admin", this::leak);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
        evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        evil.createContext("/", this::leak);
        evil.start();
    }

    private void leak(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        leaked.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        evil.stop(0);
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
        HookRecord.addFetched(lenient, Map.of("conditions", pages));
        assertThat(pipeline.evaluate(lenient, "p", java.time.LocalDate.now()).leftOut()).singleElement().satisfies(e -> assertThat(e.location()).isEqualTo("fhirServer.conditions.page[2].entry[0].resource.onsetDateTime"));
        assertThatThrownBy(() -> HookRecord.addFetched(pipeline.looseRecord(Pipeline.Options.STRICT), Map.of("conditions", pages)))
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

    /** A next link off fhirServer is never followed: the token stays on the EHR's server (issue 15, deliverable 1). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "http://127.0.0.1:{evil}/fhir/Condition?page=2", // another port
            "http://127.0.0.1:{port}/fhir-evil/Condition?page=2", // a path that only string-starts with /fhir
            "http://127.0.0.1:{port}/fhir/../admin", // out of the path once normalised
            "/fhir-evil/Condition?page=2", // relative, resolved off the path
            "http://127.0.0.1:{port}@127.0.0.1:{evil}/fhir/Condition", // user info hiding the host
            "https://127.0.0.1:{port}/fhir/Condition?page=2", // another scheme
            "http://localhost:{port}/fhir/Condition?page=2"}) // another host name for the same machine: not the same origin
    void aNextLinkOffTheFhirServerIs412AndNotFollowed(String next) {
        String link = next.replace("{port}", String.valueOf(server.getAddress().getPort())).replace("{evil}", String.valueOf(evil.getAddress().getPort()));
        answers.put("/fhir/Condition?patient=p", searchset(link, "2024-02-01"));
        assertThatThrownBy(() -> new FhirFetcher(Duration.ofSeconds(5), 3).fetch(base, "secret", CONDITIONS, "p"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.DATA_UNAVAILABLE);
                    assertThat(e.issueCode()).isEqualTo("security");
                    assertThat(e.getMessage()).contains("leaves fhirServer");
                });
        assertThat(leaked).isEmpty();
    }

    @Test
    void aPrefetchContinuedFromItsSecondPageCountsItsFirstPageAgainstTheLimit() {
        answers.put("/fhir/Condition?page=2", searchset(base + "/Condition?page=3", "2024-02-02"));
        answers.put("/fhir/Condition?page=3", searchset(null, "2024-02-03"));
        FhirFetcher fetcher = new FhirFetcher(Duration.ofSeconds(5), 3);
        List<FhirInput> pages = fetcher.fetch(base, null, List.of(new FhirFetcher.Fetch("conditions", "prefetch key 'conditions'",
                base + "/Condition?page=2", 2)), fetcher.deadline()).get("conditions");
        assertThat(pages).extracting(FhirInput::location).containsExactly("fhirServer.conditions.page[2]", "fhirServer.conditions.page[3]");
        answers.put("/fhir/Condition?page=3", searchset(base + "/Condition?page=4", "2024-02-03"));
        assertThatThrownBy(() -> fetcher.fetch(base, null, List.of(new FhirFetcher.Fetch("conditions", "prefetch key 'conditions'",
                base + "/Condition?page=2", 2)), fetcher.deadline()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.issueCode()).isEqualTo("too-costly"));
    }
}
