package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.primum.cdshooks.model.Card;
import org.primum.engine.Indicator;
import org.primum.engine.Recommendation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The order suggestions and override reasons come from fhir-profiles/ (ConceptMap-order-suggestion,
 * ValueSet-override-reason): a change there changes the cards, a broken file stops start-up.
 */
class OrderSuggestionsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path PROFILES = Path.of("fhir-profiles");

    static Path copyProfiles(Path tmp) throws IOException {
        Path dir = tmp.resolve("profiles");
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(PROFILES)) {
            for (Path p : s.toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        return dir;
    }

    static void edit(Path dir, String file, String from, String to) throws IOException {
        Path f = dir.resolve(file);
        String text = Files.readString(f);
        assertThat(text).as(file).contains(from);
        Files.writeString(f, text.replace(from, to));
    }

    static void editFirst(Path dir, String file, String from, String to) throws IOException {
        Path f = dir.resolve(file);
        String text = Files.readString(f);
        assertThat(text).as(file).contains(from);
        Files.writeString(f, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }

    /** A mastectomy order under review (order-sign) and the recommendation that names it. */
    static HookCall mastectomyOrder() {
        TestPatient p = TestPatient.of("p-1");
        p.draft("sr-mast", "mastectomy", "left");
        return HookCall.read(p.request("order-sign", null, List.of()), "order-sign");
    }

    static Recommendation about(String code, String order) {
        return new Recommendation(code, "Title of " + code, "Statement.", Indicator.WARNING, "B", "E", List.of(),
                List.of(new Recommendation.Because("ProposedOrder", "an order", List.of(order))), "a rule", "test");
    }

    static List<Card.Suggestion> suggest(CdsProfiles profiles, String code) {
        return new OrderSuggestions(profiles.orderSuggestions(), JSON).suggest(about(code, "ServiceRequest/sr-mast"), mastectomyOrder(), Set.of());
    }

    static JsonNode created(Card.Suggestion s) {
        return (JsonNode) s.actions().stream().filter(a -> "create".equals(a.type())).findFirst().orElseThrow().resource();
    }

    @Test
    void theShippedFilesCoverTheOrderChecksAndTheOverrideReasons() {
        CdsProfiles profiles = CdsProfiles.load(PROFILES);
        assertThat(profiles.orderSuggestions().codes()).containsExactlyInAnyOrder("ORDER_MASTECTOMY_CONSIDER_CONSERVATION",
                "ORDER_AXILLARY_DISSECTION_NODE_NEGATIVE", "ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT",
                "ORDER_LRT_DURING_DISTANT_PROGRESSION", "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE");
        assertThat(profiles.overrideReasons().codings()).extracting(c -> c.code()).containsExactly("tumour-board-decision",
                "patient-preference", "palliative-intent", "clinical-trial", "record-incomplete");
        assertThat(profiles.overrideReasons().codings()).allSatisfy(c -> assertThat(c.system()).isEqualTo("urn:primum:cds-override-reason"));
    }

    @Test
    void everyMappedCodeIsARuleOfTheKnowledgeBase() throws IOException {
        StringBuilder drl = new StringBuilder();
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".drl")).toList()) drl.append(Files.readString(p));
        }
        for (String code : CdsProfiles.load(PROFILES).orderSuggestions().codes()) {
            assertThat(drl.toString()).as("a rule with @code(\"%s\")", code).contains("@code(\"" + code + "\")");
        }
    }

    @Test
    void aCodeChangedInTheConceptMapChangesTheSuggestion(@TempDir Path tmp) throws IOException {
        JsonNode shipped = created(suggest(CdsProfiles.load(PROFILES), "ORDER_MASTECTOMY_CONSIDER_CONSERVATION").get(0));
        assertThat(shipped.path("code").path("coding").path(0).path("code").asText()).isEqualTo("64368001");

        Path dir = copyProfiles(tmp);
        edit(dir, OrderSuggestionMap.FILE, "\"code\": \"64368001\"", "\"code\": \"392022002\"");
        edit(dir, OrderSuggestionMap.FILE, "\"display\": \"Partial mastectomy (breast-conserving surgery)\"", "\"display\": \"Wide local excision of breast\"");
        edit(dir, OrderSuggestionMap.FILE, "Propose breast-conserving surgery (partial mastectomy) instead", "Propose a wide local excision of the {order} instead");
        List<Card.Suggestion> changed = suggest(CdsProfiles.load(dir), "ORDER_MASTECTOMY_CONSIDER_CONSERVATION");

        assertThat(changed).hasSize(1);
        JsonNode coding = created(changed.get(0)).path("code").path("coding").path(0);
        assertThat(coding.path("system").asText()).isEqualTo("http://snomed.info/sct");
        assertThat(coding.path("code").asText()).isEqualTo("392022002");
        assertThat(coding.path("display").asText()).isEqualTo("Wide local excision of breast");
        assertThat(created(changed.get(0)).path("code").path("text").asText()).isEqualTo("Wide local excision of breast");
        assertThat(changed.get(0).actions()).extracting(Card.Action::description)
                .containsExactly("Remove the mastectomy order", "Propose a wide local excision of the Simple mastectomy instead");
    }

    @Test
    void anActionChangedInTheConceptMapChangesTheKindOfSuggestion(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        // the mastectomy check now withdraws the order and requests its target anew, instead of a copy of the order for it
        editFirst(dir, OrderSuggestionMap.FILE, "\"value\": \"replace\"", "\"value\": \"withdraw-and-request\"");
        edit(dir, OrderSuggestionMap.FILE, "\"value\": \"Replace the mastectomy with breast-conserving surgery\"",
                "\"value\": \"Withdraw the mastectomy and discuss at the tumour board\"}, "
                        + "{\"property\": \"http://primum.org/fhir/cds-suggestion-alternative\", \"value\": \"Withdraw the order\"");
        List<Card.Suggestion> changed = suggest(CdsProfiles.load(dir), "ORDER_MASTECTOMY_CONSIDER_CONSERVATION");
        assertThat(changed).extracting(Card.Suggestion::label).containsExactly("Withdraw the mastectomy and discuss at the tumour board", "Withdraw the order");
        JsonNode request = created(changed.get(0));
        assertThat(request.path("subject").path("reference").asText()).isEqualTo("Patient/p-1");
        assertThat(request.path("requester").path("reference").asText()).isEqualTo("Practitioner/surgeon-1");
        assertThat(request.path("code").path("coding").path(0).path("code").asText()).isEqualTo("64368001");
        assertThat(request.has("bodySite")).as("a new request, not a copy of the order").isFalse();
        assertThat(changed.get(1).actions()).singleElement().satisfies(a -> assertThat(a.resourceId()).isEqualTo("ServiceRequest/sr-mast"));
    }

    @Test
    void anOverrideReasonAddedToTheValueSetIsOffered(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        edit(dir, OverrideReasons.FILE, "\"code\": \"clinical-trial\",", "\"code\": \"second-opinion\",\n\"display\": \"A second opinion differs\"\n},\n{\n\"code\": \"clinical-trial\",");
        assertThat(OverrideReasons.read(dir).codings()).extracting(c -> c.code()).containsExactly("tumour-board-decision",
                "patient-preference", "palliative-intent", "second-opinion", "clinical-trial", "record-incomplete");
    }

    @Test
    void aCodeNotInTheMapGetsNoSuggestion() {
        assertThat(suggest(CdsProfiles.load(PROFILES), "DEFER_LRT_UNTIL_RESPONSE")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown action | \"value\": \"replace\" | \"value\": \"swap\" | product action must be",
            "unknown property | cds-suggestion-propose | cds-suggestion-proposal | unknown product property",
            "text missing | \"value\": \"replace\" | \"value\": \"withdraw-and-request\" | product http://primum.org/fhir/cds-suggestion-alternative is required",
            "not from the catalogue | \"source\": \"urn:primum:guidance-catalogue\" | \"source\": \"http://snomed.info/sct\" | group.source must be",
            "withdrawal with a code | \"equivalence\": \"unmatched\" | \"code\": \"1\", \"equivalence\": \"unmatched\" | a withdrawal proposes no order",
            "placeholder in a shared text | Request a multidisciplinary tumour-board discussion | Request a discussion of the {order} | is not about one order",
            "no description | \"description\": | \"descr\": | description is required",
            "not JSON | \"resourceType\": \"ConceptMap\", | \"resourceType\": \"ConceptMap\" | is not valid JSON"})
    void aBrokenConceptMapStopsStartUp(String what, String from, String to, String message, @TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        edit(dir, OrderSuggestionMap.FILE, from, to);
        assertThatThrownBy(() -> CdsProfiles.load(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OrderSuggestionMap.FILE).hasMessageContaining(message);
    }

    @Test
    void aMissingOrBrokenFileStopsStartUp(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        edit(dir, OverrideReasons.FILE, "\"display\": \"Within a clinical trial protocol\"", "\"display\": \"\"");
        assertThatThrownBy(() -> CdsProfiles.load(dir)).hasMessageContaining(OverrideReasons.FILE).hasMessageContaining("clinical-trial");
        Files.delete(dir.resolve(OverrideReasons.FILE));
        assertThatThrownBy(() -> CdsProfiles.load(dir)).hasMessageContaining(OverrideReasons.FILE).hasMessageContaining("not found");
        Files.delete(dir.resolve(OrderSuggestionMap.FILE));
        assertThatThrownBy(() -> CdsProfiles.load(dir)).hasMessageContaining(OrderSuggestionMap.FILE).hasMessageContaining("not found");
    }

    /**
     * The proposal is written as JSON without HAPI: it must be the resource HAPI writes for the same order
     * (element order, primitive extensions, references to contained resources), and valid FHIR R4.
     */
    @Test
    void aReplacementIsTheOrderAFhirWriterWouldWrite() throws Exception {
        ServiceRequest o = new ServiceRequest();
        o.setId("sr-1");
        o.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        o.addCategory(new CodeableConcept(new Coding("http://snomed.info/sct", "387713003", "Surgical procedure")));
        o.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "172043006", "Simple mastectomy")));
        o.setSubject(new Reference("Patient/p-1")).setEncounter(new Reference("Encounter/e-1").setDisplay("Clinic"));
        DateTimeType when = new DateTimeType("2030-03-04");
        when.addExtension("http://example.org/when", new StringType("morning"));
        o.setOccurrence(when).setAuthoredOnElement(new DateTimeType("2030-01-01"));
        o.setRequester(new Reference("Practitioner/x"));
        o.addReasonCode().setText("Breast cancer");
        o.addContained(new Condition().setSubject(new Reference("Patient/p-1")).setId("c1"));
        o.addReasonReference(new Reference("#c1"));
        o.addBodySite(new CodeableConcept(new Coding("http://snomed.info/sct", "80248007", "Left breast structure")));
        o.addNote().setText("the surgeon's note");

        FhirContext fhir = FhirContext.forR4Cached();
        JsonNode ours = ProposedOrders.replacement(new DraftOrder("ServiceRequest/sr-1", "Simple mastectomy",
                        (ObjectNode) JSON.readTree(fhir.newJsonParser().encodeResourceToString(o))),
                new org.primum.cdshooks.model.Coding("http://snomed.info/sct", "64368001", "Partial mastectomy"), "Partial mastectomy");

        ServiceRequest expected = new ServiceRequest();
        expected.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT).setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        expected.setCategory(o.getCategory());
        expected.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "64368001", "Partial mastectomy")).setText("Partial mastectomy"));
        expected.setSubject(o.getSubject()).setEncounter(o.getEncounter()).setRequester(o.getRequester()).setBodySite(o.getBodySite());
        expected.setReasonCode(o.getReasonCode()).setReasonReference(o.getReasonReference()).setOccurrence(o.getOccurrence());
        expected.addNote().setText("Proposed by Primum CDS in place of ServiceRequest/sr-1.");
        String hapi = fhir.newJsonParser().encodeResourceToString(expected);

        assertThat(JSON.writeValueAsString(ours)).isEqualTo(JSON.writeValueAsString(JSON.readTree(hapi)));
        // valid R4, but for the reference to the order's contained Condition, which is copied (as it always was)
        // without the contained resource itself
        ObjectNode valid = (ObjectNode) ours.deepCopy();
        valid.remove("reasonReference");
        fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(ServiceRequest.class, valid.toString());
    }
}
