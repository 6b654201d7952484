package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.hl7.fhir.r4.model.Resource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real records ({@code fixtures/realworld/}, {@code fixtures/public/}) through the CDS Hooks services over HTTP, as
 * an EHR integrator tests them: a signed ES384 client JWT per call, today's date. A realworld record has its dates
 * moved so that the date its README row reads it on is today (the same answer, as of now); a public fixture is read
 * as it is.
 * <p>patient-view is called twice per record: (a) with the record as prefetch (a searchset Bundle per key, the
 * Medications {@code _include}d, see {@link RawEhrRecord}); (b) without prefetch, {@code fhirServer} the test FHIR
 * server holding the record (pages of 5). Both must be 200 with valid CDS Hooks 2.0 cards whose codes are the
 * tumour board's for the same record and date, less what the README says cards leave out (a patient outside the
 * guidance gets no card, but the left-out-data one). A FHIR server parses what it stores, so it cannot hold invalid
 * R4: (b) is compared with the tumour board on what the server holds, and with (a) whenever that gives the same
 * answer as the record itself. Records the tumour board refuses get the documented 4xx OperationOutcome, never a 5xx.
 */
@QuarkusTest
class RealRecordsOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CatalogueCodes NO_CARD = CdsProfiles.load(Path.of("fhir-profiles")).noCard();
    private static final String PV = CdsServiceCatalog.PATIENT_VIEW;
    private static final String INVALID = "DATA_INVALID_RECORD";
    /** The shared test FHIR server's page size (its {@code _count} at most) and the service's {@code fetch-max-pages} default. */
    private static final int SERVER_PAGE_SIZE = 5;
    private static final int MAX_PAGES = 20;
    /** The date each realworld record is read on in its README row (the first, when there are two). */
    private static final Map<String, String> AS_OF = Map.ofEntries(
            Map.entry("01", "2018-01-01"), Map.entry("02", "2017-10-01"), Map.entry("03", "2018-01-01"),
            Map.entry("04", "2018-03-01"), Map.entry("05", "2017-10-01"), Map.entry("06", "2017-10-01"),
            Map.entry("07", "2019-10-01"), Map.entry("08", "2019-10-01"), Map.entry("09", "2019-06-01"),
            Map.entry("10", "2019-06-01"), Map.entry("11", "2019-06-01"), Map.entry("14", "2024-01-01"));

    record Rec(String name, String json) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rec> records() throws Exception {
        List<Rec> out = new ArrayList<>();
        for (String folder : List.of("realworld", "public")) {
            try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures", folder))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    String name = f.getFileName().toString();
                    String text = Files.readString(f);
                    String asOf = folder.equals("realworld") ? AS_OF.get(name.substring(0, 2)) : null;
                    if (asOf != null) text = CleanRoomHooksHttpTest.shifted(text, ChronoUnit.DAYS.between(LocalDate.parse(asOf), LocalDate.now()));
                    out.add(new Rec(folder + "/" + name, text));
                }
            }
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(25);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void patientViewAsAnEhrCallsIt(Rec rec) throws Exception {
        RawEhrRecord record = RawEhrRecord.of(rec.json());
        Response board = tumourBoard(rec.json());
        Response prefetched = Hooks.post(PV, request(record.patientId, record.prefetch()));
        TestFhirServer fhir = TestFhirServer.shared();
        fhir.clear();

        if (board.statusCode() != 200) {
            assertThat(board.statusCode()).as(rec + ": tumour board " + board.asString()).isBetween(400, 499);
            // no Patient: patient-view has no patient to read (412); an earlier FHIR version: 400 not-supported, located
            int expected = record.patient == null ? 412 : 400;
            refused(rec + " (a) prefetch", prefetched, expected);
            if (record.patient == null) {
                // the FHIR server has no such Patient either
                fhir.put(record.serverContents());
                refused(rec + " (b) fhirServer", Hooks.post(PV, withServer(request(record.patientId, null), fhir)), 412);
            } else {
                assertThat(JSON.readTree(prefetched.asString()).path("issue").get(0).path("code").asText()).as(rec.toString()).isEqualTo("not-supported");
            }
            return;
        }

        List<String> boardCodes = codes(board);
        SoftAssertions soft = new SoftAssertions();
        List<String> a = cardCodes(soft, rec + " (a) prefetch", prefetched);
        soft.assertThat(a).as(rec + " (a) prefetch: card codes = tumour board's " + boardCodes).isEqualTo(cardsOf(boardCodes));

        List<Resource> held = record.serverContents();
        fhir.put(held);
        Response fetched = Hooks.post(PV, withServer(request(record.patientId, null), fhir));
        if (record.largestSearch() > MAX_PAGES * SERVER_PAGE_SIZE) {
            // more pages than the service follows (documented bound): it refuses rather than decide on part of the record
            refused(rec + " (b) fhirServer, " + record.largestSearch() + " results in pages of " + SERVER_PAGE_SIZE, fetched, 412);
            soft.assertThat(JSON.readTree(fetched.asString()).path("issue").get(0).path("code").asText()).as(rec.toString()).isEqualTo("too-costly");
            soft.assertAll();
            return;
        }
        List<String> b = cardCodes(soft, rec + " (b) fhirServer", fetched);
        List<String> heldCodes = codes(tumourBoard(RawEhrRecord.collection(held)));
        soft.assertThat(b).as(rec + " (b) fhirServer: card codes = tumour board's on what the server holds " + heldCodes).isEqualTo(cardsOf(heldCodes));
        soft.assertThat(fhir.requests).as(rec + " (b): searched the server").anyMatch(r -> r.contains("patient=" + record.patientId));
        if (heldCodes.equals(boardCodes)) soft.assertThat(b).as(rec + ": (a) and (b) the same cards").isEqualTo(a);
        else soft.assertThat(boardCodes).as(rec + ": the server repaired an invalid element").contains(INVALID);
        soft.assertAll();
    }

    /** The tumour board's codes as the cards show them: none for a patient outside the guidance but the left-out-data card. */
    static List<String> cardsOf(List<String> boardCodes) {
        if (boardCodes.stream().noneMatch(NO_CARD::contains)) return boardCodes;
        return boardCodes.contains(INVALID) ? List.of(INVALID) : List.of();
    }

    static Response tumourBoard(String bundle) {
        // as bytes: RestAssured would encode a String body of this media type as ISO-8859-1
        return given().contentType("application/fhir+json").body(bundle.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/tumour-board/evaluate?asOf=" + LocalDate.now());
    }

    static List<String> codes(Response board) throws Exception {
        assertThat(board.statusCode()).as(board.asString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        JSON.readTree(board.asString()).path("recommendations").forEach(r -> out.add(r.path("code").asText()));
        Collections.sort(out);
        return out;
    }

    static ObjectNode request(String patientId, ObjectNode prefetch) {
        ObjectNode body = JSON.createObjectNode();
        body.put("hook", "patient-view");
        body.put("hookInstance", UUID.randomUUID().toString());
        ObjectNode context = body.putObject("context");
        context.put("userId", "Practitioner/oncologist-1");
        context.put("patientId", patientId);
        if (prefetch != null) body.set("prefetch", prefetch);
        return body;
    }

    static ObjectNode withServer(ObjectNode body, TestFhirServer fhir) {
        body.put("fhirServer", fhir.baseUrl());
        ObjectNode auth = body.putObject("fhirAuthorization");
        auth.put("access_token", "real-records-token");
        auth.put("token_type", "Bearer");
        auth.put("expires_in", 300);
        auth.put("scope", "user/*.read");
        auth.put("subject", "primum-cds");
        return body;
    }

    /** A 200 with cards valid by CDS Hooks 2.0, their codes sorted. */
    static List<String> cardCodes(SoftAssertions soft, String how, Response r) {
        assertThat(r.statusCode()).as(how + ": " + r.asString()).isEqualTo(200);
        JsonNode response = Hooks.read(r.asString());
        soft.assertThat(Hooks.RESPONSE.check(response)).as(how + ": CDSHooksResponse shape").isEmpty();
        Set<String> uuids = new HashSet<>();
        for (JsonNode card : response.path("cards")) {
            soft.assertThat(card.path("summary").asText()).as(how + ": summary").isNotBlank().hasSizeLessThanOrEqualTo(140);
            soft.assertThat(card.path("indicator").asText()).as(how + ": indicator").isIn("info", "warning", "critical");
            soft.assertThat(card.path("source").path("label").asText()).as(how + ": source.label").isNotBlank();
            soft.assertThat(uuids.add(card.path("uuid").asText())).as(how + ": a uuid of its own").isTrue();
            soft.assertThat(card.path("uuid").asText()).as(how + ": uuid").matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            soft.assertThat(Hooks.codes(card)).as(how + ": a card names its codes").isNotEmpty();
            if (card.has("suggestions")) {
                soft.assertThat(card.path("selectionBehavior").asText()).as(how + ": selectionBehavior").isIn("at-most-one", "any");
                for (JsonNode s : card.path("suggestions")) {
                    soft.assertThat(s.path("label").asText()).as(how + ": suggestion label").isNotBlank();
                    for (JsonNode action : s.path("actions")) actionWellFormed(soft, how, action);
                }
            }
        }
        List<String> codes = new ArrayList<>(Hooks.allCodes(response.path("cards")));
        Collections.sort(codes);
        return codes;
    }

    private static void actionWellFormed(SoftAssertions soft, String how, JsonNode action) {
        String type = action.path("type").asText();
        soft.assertThat(type).as(how + ": action type").isIn("create", "update", "delete");
        soft.assertThat(action.path("description").asText()).as(how + ": action description").isNotBlank();
        if (type.equals("delete")) {
            // CDS Hooks 2.0: resourceId, a relative reference (string) to the resource to delete, and no resource (cds-resp-2)
            soft.assertThat(action.path("resourceId").asText()).as(how + ": delete names resourceId").matches("[A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");
            soft.assertThat(action.has("resource")).as(how + ": delete carries no resource").isFalse();
        } else {
            soft.assertThat(action.path("resource").path("resourceType").asText()).as(how + ": " + type + " carries a resource").isNotBlank();
        }
    }

    static void refused(String how, Response r, int status) {
        assertThat(r.statusCode()).as(how + ": " + r.asString()).isEqualTo(status);
        JsonNode outcome = Hooks.read(r.asString());
        assertThat(outcome.path("resourceType").asText()).as(how).isEqualTo("OperationOutcome");
        assertThat(outcome.path("issue").get(0).path("diagnostics").asText()).as(how).isNotBlank();
    }

    // ---- order-sign ----

    /** Draft orders an EHR signs together: a simple mastectomy, an axillary dissection and breast radiotherapy, unlateralised. */
    static ObjectNode draftOrders(String patientId) {
        ObjectNode b = JSON.createObjectNode();
        b.put("resourceType", "Bundle");
        b.put("type", "collection");
        ArrayNode entries = b.putArray("entry");
        String[][] orders = {{"draft-mastectomy", "172043006", "Simple mastectomy (procedure)"},
                {"draft-axillary-dissection", "79544006", "Complete axillary lymphadenectomy (procedure)"},
                {"draft-breast-rt", "428923005", "Radiotherapy to breast (procedure)"}};
        for (String[] o : orders) {
            ObjectNode r = entries.addObject().put("fullUrl", "https://ehr.test.example/fhir/ServiceRequest/" + o[0]).putObject("resource");
            r.put("resourceType", "ServiceRequest");
            r.put("id", o[0]);
            r.put("status", "draft");
            r.put("intent", "order");
            r.putObject("code").putArray("coding").addObject().put("system", "http://snomed.info/sct").put("code", o[1]).put("display", o[2]);
            r.putObject("subject").put("reference", "Patient/" + patientId);
            r.put("authoredOn", LocalDate.now().toString());
            r.putObject("requester").put("reference", "Practitioner/surgeon-1");
        }
        return b;
    }

    record SignCase(String file, String why, Set<String> sectionE) {
        @Override
        public String toString() {
            return file + ": " + why;
        }
    }

    /**
     * Section E, decided from the catalogue before running: a mastectomy proposed → conservation preferred (warning);
     * breast surgery or RT before 16 weeks of systemic therapy with an asymptomatic primary → premature (warning); none
     * of the records has progression (no distant-progression check), a contralateral or prophylactic mastectomy (the
     * orders name no side), or a node-negative N category (02, 04 have none: nodal status unknown; 07 has axillary
     * node metastases), so no sentinel-node advice on the dissection.
     */
    static Stream<SignCase> signCases() {
        return Stream.of(
                new SignCase("02-ctm-service-synthea-secondary-cerebrum", "9 weeks of paclitaxel: premature; mastectomy",
                        Set.of("ORDER_MASTECTOMY_CONSIDER_CONSERVATION", "ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT")),
                new SignCase("04-ctm-service-missing-histology", "31 weeks, no response assessment: not premature; mastectomy",
                        Set.of("ORDER_MASTECTOMY_CONSIDER_CONSERVATION")),
                new SignCase("07-ctm-app-patient01-nodes-liver-bone", "26 weeks, node-positive: mastectomy only",
                        Set.of("ORDER_MASTECTOMY_CONSIDER_CONSERVATION")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signCases")
    void orderSignChecksTheOrdersAsSectionESays(SignCase c) throws Exception {
        String text = Files.readString(Path.of("src/test/resources/fixtures/realworld", c.file() + ".json"));
        text = CleanRoomHooksHttpTest.shifted(text, ChronoUnit.DAYS.between(LocalDate.parse(AS_OF.get(c.file().substring(0, 2))), LocalDate.now()));
        RawEhrRecord record = RawEhrRecord.of(text);
        ObjectNode body = request(record.patientId, record.prefetch());
        body.put("hook", "order-sign");
        ((ObjectNode) body.path("context")).set("draftOrders", draftOrders(record.patientId));
        SoftAssertions soft = new SoftAssertions();
        List<String> codes = cardCodes(soft, c.toString(), Hooks.post(CdsServiceCatalog.ORDER_SIGN, body));
        Set<String> sectionE = new TreeSet<>();
        for (String code : codes) if (code.startsWith("ORDER_") || code.startsWith("CONTRALATERAL_")) sectionE.add(code);
        soft.assertThat(sectionE).as(c + ": section E cards, all " + codes).isEqualTo(new TreeSet<>(c.sectionE()));
        soft.assertAll();
    }
}
