package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.cdshooks.EhrChart.Medications;
import org.primum.core.Pipeline;
import org.primum.scenarios.ScenarioBundles;
import org.primum.tumourboard.TumourBoardService;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, class 10 (CDS Hooks loses data the tumour board has), its acceptance: for every scenario and every
 * public fixture at the golden answers' dates, the patient-view cards name exactly the codes of the tumour-board
 * answer on the same date — unless the answer holds a code of {@code fhir-profiles/ValueSet-cds-no-card.json}, the one
 * documented list of what the cards leave out (then no card at all) — however the EHR delivers the record:
 * <ul>
 *   <li>drugs coded as recorded, or every drug by {@code medicationReference} with the Medication
 *       {@code _include}d in the prefetch, contained, or only on the FHIR server (read by the service);</li>
 *   <li>everything prefetched in one page; nothing but the Patient prefetched (the service searches the FHIR
 *       server with {@code _include}, pages of 5); or the prefetch paginated (each key's first page as the
 *       server gave it, {@code link.next} followed by the service).</li>
 * </ul>
 * The FHIR server is HAPI's RestfulServer ({@link TestFhirServer}); the service is built without Quarkus and
 * evaluated as of the case's date, as the tumour board is.
 */
class PatientViewParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CatalogueCodes NO_CARD = CdsProfiles.load(Path.of("fhir-profiles")).noCard();
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/public");
    private static final List<String> FIXTURE_DATES = List.of("1998-05-01", "2020-01-01", "2026-01-01");

    private static Pipeline pipeline;
    private static TumourBoardService tumourBoard;
    private static CdsHooksService cds;
    private static TestFhirServer fhir;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Case(String name, String bundleJson, String asOf) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        tumourBoard = new TumourBoardService(pipeline, 5 * 1024 * 1024);
        CardFactory cards = new CardFactory(CdsProfiles.load(Path.of("fhir-profiles")), JSON, (codes, client) -> UUID.randomUUID());
        cds = new CdsHooksService(pipeline, new FhirFetcher(Duration.ofSeconds(10), 20), 50, cards, (client, server) -> Optional.empty());
        fhir = new TestFhirServer(10); // pages of 10: the largest fixture (133 procedures) stays under the page limit of 20
    }

    @AfterAll
    static void stop() throws Exception {
        fhir.close();
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String json = Files.readString(f);
                String stem = f.getFileName().toString().replace(".json", "");
                for (String d : FIXTURE_DATES) cases.add(new Case("public/" + stem + "@" + d, json, d));
            }
        }
        ScenarioBundles.all().forEach(s -> cases.add(new Case("scenarios/" + s.name(), s.json(), s.asOf())));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void patientViewCardsNameTheCodesOfTheTumourBoardAnswer(Case c) throws Exception {
        LocalDate asOf = LocalDate.parse(c.asOf());
        List<String> expected = expectedCardCodes(c, asOf);
        EhrChart coded = EhrChart.of(c.bundleJson());
        EhrChart byReference = coded.drugsByReference();
        SoftAssertions soft = new SoftAssertions();

        check(soft, "drugs as coded, all prefetched", expected, asOf, coded, coded.request(coded.prefetch(Medications.INCLUDED)), false);
        check(soft, "medicationReference, Medications _include'd in the prefetch", expected, asOf, byReference,
                byReference.request(byReference.prefetch(Medications.INCLUDED)), false);
        check(soft, "medicationReference, Medications contained", expected, asOf, byReference,
                byReference.request(byReference.prefetch(Medications.CONTAINED)), false);

        List<String> requests = check(soft, "medicationReference, Medications read from the FHIR server", expected, asOf, byReference,
                byReference.request(byReference.prefetch(Medications.ON_SERVER_ONLY)), true);
        if (byReference.referencesMedications()) {
            soft.assertThat(requests).as("Medications read").isNotEmpty().allMatch(r -> r.startsWith("/fhir/Medication/"));
        }

        ObjectNode patientOnly = JSON.createObjectNode();
        patientOnly.set("patient", EhrChart.json(byReference.patient));
        requests = check(soft, "medicationReference, searched on the FHIR server with _include", expected, asOf, byReference,
                byReference.request(patientOnly), true);
        soft.assertThat(requests).as("searches").anyMatch(r -> r.contains("_include=MedicationRequest"))
                .noneMatch(r -> r.startsWith("/fhir/Medication/")); // the _include brought them all

        for (EhrChart chart : List.of(coded, byReference)) {
            boolean paged = false;
            ObjectNode firstPages = JSON.createObjectNode();
            firstPages.set("patient", EhrChart.json(chart.patient));
            fhir.clear();
            fhir.put(chart.serverContents());
            for (Map.Entry<String, String> e : CdsServiceCatalog.PREFETCH.entrySet()) {
                if (e.getKey().equals("patient")) continue;
                // the first page as the server gives it, without _include: the Medications are then read one by one
                String search = e.getValue().replace("{{context.patientId}}", chart.patientId()).replaceAll("&_include=.*", "");
                JsonNode page = get(fhir.baseUrl() + "/" + search);
                paged |= FhirFetcher.nextLink(page) != null;
                firstPages.set(e.getKey(), page);
            }
            requests = check(soft, (chart == coded ? "drugs as coded" : "medicationReference") + ", prefetch paginated", expected, asOf,
                    chart, chart.request(firstPages), true);
            if (paged) soft.assertThat(requests).as("next pages").anyMatch(r -> r.contains("_getpages"));
        }
        soft.assertAll();
    }

    /** The tumour-board answer's codes on the same date, or none when one says the guidance does not apply. */
    private static List<String> expectedCardCodes(Case c, LocalDate asOf) throws IOException {
        byte[] answer = tumourBoard.toJson(tumourBoard.evaluate(c.bundleJson().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                MediaType.valueOf("application/fhir+json"), c.asOf(), "parity"));
        List<String> codes = new ArrayList<>();
        JSON.readTree(answer).path("recommendations").forEach(r -> codes.add(r.path("code").asText()));
        if (codes.stream().anyMatch(NO_CARD::contains)) return List.of();
        return sorted(codes);
    }

    /**
     * Calls patient-view with {@code body} (with the test FHIR server as fhirServer if {@code withServer}, the server
     * holding the chart) and checks the codes of the cards; returns the server's requests of that call.
     */
    private static List<String> check(SoftAssertions soft, String how, List<String> expected, LocalDate asOf, EhrChart chart,
                                      ObjectNode body, boolean withServer) {
        fhir.clear();
        if (withServer) {
            fhir.put(chart.serverContents());
            body.put("fhirServer", fhir.baseUrl());
        }
        JsonNode response = JSON.valueToTree(cds.call(HookCall.read(body, "patient-view"), null, Pipeline.Options.LENIENT, asOf));
        soft.assertThat(Hooks.RESPONSE.check(response)).as(how + ": response shape").isEmpty();
        List<String> codes = Hooks.allCodes(response.path("cards"));
        soft.assertThat(sorted(codes)).as(how + ": card codes (each once)").isEqualTo(expected);
        if (!withServer) soft.assertThat(fhir.requests).as(how + ": nothing fetched").isEmpty();
        return List.copyOf(fhir.requests);
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/fhir+json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static List<String> sorted(List<String> codes) {
        List<String> out = new ArrayList<>(codes);
        Collections.sort(out);
        return out;
    }
}
