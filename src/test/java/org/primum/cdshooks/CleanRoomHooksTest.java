package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.api.OperationOutcomes;
import org.primum.core.Pipeline;
import org.primum.input.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clean-room hook requests ({@code src/test/resources/fixtures/cleanroom-hooks/}): written from the catalogue,
 * the CDS Hooks specification and the README before the service's code was read, each with the complete set of
 * catalogue codes its cards must carry, the indicator of the card carrying each (where the catalogue names one),
 * the codes no card may carry, and the row that decides them ({@code cases.json}). The service is built without
 * Quarkus and evaluated as of the cases' date; the requests that make it fetch get a real FHIR server
 * ({@link TestFhirServer}) holding what the case's {@code *.served.json} says.
 */
class CleanRoomHooksTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/cleanroom-hooks");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "cleanroom-token";

    private static CdsHooksService cds;
    private static TestFhirServer fhir;
    private static LocalDate asOf;

    record Case(String file, String service, int status, Map<String, String> expected, Set<String> absent, String why) {
        @Override
        public String toString() {
            return file + ": " + why;
        }
    }

    static List<Case> cases() throws IOException {
        JsonNode table = JSON.readTree(DIR.resolve("cases.json").toFile());
        List<Case> out = new ArrayList<>();
        for (JsonNode c : table.path("cases")) {
            Map<String, String> expected = new TreeMap<>();
            c.path("expected").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
            Set<String> absent = new TreeSet<>();
            c.path("absent").forEach(a -> absent.add(a.asText()));
            out.add(new Case(c.path("file").asText(), c.path("service").asText(), c.path("status").asInt(), expected, absent,
                    c.path("why").asText()));
        }
        return out;
    }

    @BeforeAll
    static void start() throws Exception {
        asOf = LocalDate.parse(JSON.readTree(DIR.resolve("cases.json").toFile()).path("asOf").asText());
        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        CardFactory cards = new CardFactory(CdsProfiles.load(Path.of("fhir-profiles")), JSON, (codes, client) -> UUID.randomUUID());
        cds = new CdsHooksService(pipeline, new FhirFetcher(Duration.ofSeconds(10), 20), 50, cards, (client, server) -> Optional.empty());
        fhir = new TestFhirServer(50);
    }

    @AfterAll
    static void stop() throws Exception {
        if (fhir != null) fhir.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cardsAsTheCatalogueSays(Case c) throws Exception {
        ObjectNode body = request(c);
        String hook = body.path("hook").asText();
        assertThat(c.service()).as("service of the hook").isEqualTo(switch (hook) {
            case "patient-view" -> CdsServiceCatalog.PATIENT_VIEW;
            case "order-select" -> CdsServiceCatalog.ORDER_SELECT;
            default -> CdsServiceCatalog.ORDER_SIGN;
        });
        JsonNode response;
        try {
            response = JSON.valueToTree(cds.call(HookCall.read(body, hook), null, Pipeline.Options.LENIENT, asOf));
        } catch (InvalidInputException e) {
            assertThat(OperationOutcomes.status(e.problem())).as(c + ": " + e.getMessage()).isEqualTo(c.status());
            return;
        }
        assertThat(c.status()).as(c + ": answered 200\n" + response.toPrettyString()).isEqualTo(200);
        assertThat(Hooks.RESPONSE.check(response)).as(c + ": response shape").isEmpty();
        Map<String, String> found = new TreeMap<>();
        for (JsonNode card : response.path("cards")) {
            for (String code : Hooks.codes(card)) {
                String before = found.put(code, card.path("indicator").asText());
                assertThat(before).as(c + ": " + code + " on two cards").isNull();
            }
        }
        assertThat(found.keySet()).as(c + "\n" + response.toPrettyString()).isEqualTo(c.expected().keySet());
        c.expected().forEach((code, indicator) -> {
            if (!"*".equals(indicator)) assertThat(found.get(code)).as(c + ": indicator of the card of " + code).isEqualTo(indicator);
        });
        assertThat(found.keySet()).as(c.toString()).doesNotContainAnyElementsOf(c.absent());
        actionableForTheEhr(c, body, response.path("cards"));
    }

    /**
     * What an EHR needs to act on the cards (CDS Hooks 2.0): a source with label and catalogue topic, a uuid of its own
     * (feedback names it), override reasons as complete Codings on every warning and critical card, and suggestions
     * the EHR can apply: a uuid and label each, {@code selectionBehavior} with them, a delete naming a draft order under
     * review by its {@code Type/id}, a create carrying a draft proposal for this patient.
     */
    private static void actionableForTheEhr(Case c, JsonNode request, JsonNode cards) {
        Set<String> underReview = new HashSet<>();
        request.path("context").path("selections").forEach(s -> underReview.add(s.asText()));
        if (!"order-select".equals(request.path("hook").asText())) {
            // an unsaved order without id is named by the uuid of its urn:uuid fullUrl
            request.path("context").path("draftOrders").path("entry").forEach(e -> underReview.add(
                    e.path("resource").path("resourceType").asText() + "/" + (e.path("resource").has("id")
                            ? e.path("resource").path("id").asText() : e.path("fullUrl").asText().replace("urn:uuid:", ""))));
        }
        Set<String> uuids = new HashSet<>();
        for (JsonNode card : cards) {
            String where = c.file() + " " + Hooks.codes(card);
            assertThat(uuids.add(card.path("uuid").asText())).as(where + ": uuid unique").isTrue();
            assertThat(UUID.fromString(card.path("uuid").asText())).isNotNull();
            assertThat(card.path("source").path("label").asText()).as(where).isNotBlank();
            assertThat(card.path("source").path("topic").path("system").asText()).as(where).isEqualTo(CardFactory.CATALOGUE_SYSTEM);
            assertThat(Hooks.codes(card)).as(where + ": topic is one of its codes").contains(card.path("source").path("topic").path("code").asText());
            if (!"info".equals(card.path("indicator").asText())) {
                assertThat(card.path("overrideReasons")).as(where + ": override reasons").isNotEmpty();
                card.path("overrideReasons").forEach(r -> assertThat(List.of(r.path("system").asText(), r.path("code").asText(),
                        r.path("display").asText())).as(where).allMatch(v -> !v.isBlank()));
            }
            JsonNode suggestions = card.path("suggestions");
            if (suggestions.isEmpty()) {
                assertThat(card.has("selectionBehavior")).as(where).isFalse();
                continue;
            }
            assertThat(card.path("selectionBehavior").asText()).as(where).isIn("at-most-one", "any");
            for (JsonNode s : suggestions) {
                assertThat(s.path("label").asText()).as(where).isNotBlank();
                assertThat(uuids.add(s.path("uuid").asText())).as(where + ": suggestion uuid unique").isTrue();
                for (JsonNode a : s.path("actions")) {
                    switch (a.path("type").asText()) {
                        case "delete" -> assertThat(a.path("resourceId").asText()).as(where + ": delete names a draft order under review").isIn(underReview);
                        case "create" -> {
                            assertThat(a.path("resource").path("status").asText()).as(where).isEqualTo("draft");
                            assertThat(a.path("resource").path("subject").path("reference").asText()).as(where).isEqualTo("Patient/pat-cr");
                        }
                        default -> throw new AssertionError(where + ": action " + a);
                    }
                    assertThat(a.path("description").asText()).as(where).isNotBlank();
                }
            }
        }
    }

    /** A contralateral mastectomy sent as a Procedure in preparation is withdrawn by its own id (case 45). */
    @Test
    void aProcedureOrderIsWithdrawnByItsId() throws Exception {
        ObjectNode body = request(cases().stream().filter(c -> c.file().startsWith("45-")).findFirst().orElseThrow());
        JsonNode cards = JSON.valueToTree(cds.call(HookCall.read(body, "order-sign"), null, Pipeline.Options.LENIENT, asOf)).path("cards");
        JsonNode card = Hooks.card(cards, "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE");
        assertThat(card.path("suggestions").get(0).path("actions").get(0).path("type").asText()).isEqualTo("delete");
        assertThat(card.path("suggestions").get(0).path("actions").get(0).path("resourceId").asText()).isEqualTo("Procedure/proc-mastectomy");
    }

    /** The request with the harness's FHIR server in place of {@code {{fhirServer}}}, that server holding what the case serves. */
    private static ObjectNode request(Case c) throws IOException {
        String text = Files.readString(DIR.resolve(c.file()));
        if (!text.contains("{{fhirServer}}")) return (ObjectNode) JSON.readTree(text);
        fhir.clear();
        fhir.requiredToken = TOKEN;
        ObjectNode body = (ObjectNode) JSON.readTree(text.replace("{{fhirServer}}", fhir.baseUrl()).replace("{{accessToken}}", TOKEN));
        List<Resource> served = new ArrayList<>();
        served.add((Resource) FhirContext.forR4Cached().newJsonParser().parseResource(body.path("prefetch").path("patient").toString()));
        JsonNode bundles = JSON.readTree(DIR.resolve(c.file().replace(".json", ".served.json")).toFile());
        bundles.forEach(b -> FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, b.toString())
                .getEntry().forEach(e -> served.add(e.getResource())));
        fhir.put(served);
        return body;
    }

    /** At least the 40 requests the review set out to write, each file a case, and each case's file there. */
    @Test
    void everyRequestIsACase() throws IOException {
        Set<String> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .filter(n -> !n.equals("cases.json") && !n.endsWith(".served.json")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = cases().stream().map(Case::file).collect(Collectors.toCollection(TreeSet::new));
        assertThat(files).isEqualTo(listed);
        assertThat(listed).hasSizeGreaterThanOrEqualTo(40);
    }
}
