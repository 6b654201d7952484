package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.primum.core.FhirInput;
import org.primum.core.Pipeline;
import org.primum.facts.ProposedOrder;
import org.primum.fhir.FhirJsonReader;
import org.primum.fhir.mapping.ResourceIndex;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a hook call without HTTP: what goes to the core as JSON, and how draft orders are named. */
class HookCallTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** fullUrl, id of each draft order (the name HAPI gives each is checked below against HAPI itself). */
    private static final String[][] DRAFTS = {
            {null, "sr-1"},
            {"urn:uuid:4f8e", "sr-2"},
            {"https://ehr.example/fhir/ServiceRequest/77", "sr-3"},
            {"https://ehr.example/fhir/ServiceRequest/78/_history/3", null},
            {"urn:uuid:a1b2", null},
            {null, null},
            {null, null},
    };

    private static ObjectNode drafts() {
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        for (String[] d : DRAFTS) {
            ObjectNode entry = entries.addObject();
            if (d[0] != null) entry.put("fullUrl", d[0]);
            ObjectNode sr = entry.putObject("resource").put("resourceType", "ServiceRequest");
            if (d[1] != null) sr.put("id", d[1]);
            sr.put("status", "draft").put("intent", "order").putObject("subject").put("reference", "Patient/p");
        }
        return bundle;
    }

    private static ObjectNode request(String hook, ObjectNode drafts) {
        ObjectNode body = JSON.createObjectNode().put("hook", hook).put("hookInstance", "i-1");
        ObjectNode context = body.putObject("context").put("patientId", "p");
        if (drafts != null) context.set("draftOrders", drafts);
        return body;
    }

    @Test
    void draftOrdersAreNamedAsHapiNamesThemAndIdLessOnesGetADraftId() {
        ObjectNode given = drafts();
        HookCall call = HookCall.read(request("order-sign", given), "order-sign");

        // an own id beats a urn fullUrl (the EHR selects the order by it), an unsaved order is named by its uuid
        List<String> expected = List.of("ServiceRequest/sr-1", "ServiceRequest/sr-2", "ServiceRequest/77", "ServiceRequest/78",
                "ServiceRequest/a1b2", "ServiceRequest/draft-5", "ServiceRequest/draft-6");
        assertThat(call.selections()).containsExactlyElementsOf(expected);
        assertThat(call.draftOrders()).extracting(HookCall::reference).containsExactlyElementsOf(expected);
        // the core names the orders of the Bundle it is given the same way (its facts are what the cards match)
        FhirInput input = call.draftOrderInput().orElseThrow();
        Bundle parsed = (Bundle) new FhirJsonReader().read((ObjectNode) input.json()).resource();
        for (int i = 0; i < expected.size(); i++) {
            Bundle.BundleEntryComponent e = parsed.getEntry().get(i);
            assertThat("ServiceRequest/" + ResourceIndex.idOf(e.getResource(), e.getFullUrl())).isEqualTo(expected.get(i));
        }
        // the client's JSON is not changed; the core gets a copy with the draft ids written in
        assertThat(given.path("entry").get(5).path("resource").has("id")).isFalse();
        assertThat(given.path("entry").get(1).path("fullUrl").asText()).isEqualTo("urn:uuid:4f8e");
        assertThat(input.location()).isEqualTo("context.draftOrders");
        assertThat(input.json().path("entry").get(5).path("resource").path("id").asText()).isEqualTo("draft-5");
        assertThat(input.json().path("entry").get(6).path("resource").path("id").asText()).isEqualTo("draft-6");
    }

    /** What the cards match the recommendations' facts with: the core must name an id-less draft order as the selections do. */
    @Test
    void theCoreNamesAnIdLessDraftOrderAsTheSelectionsDo() {
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ObjectNode sr = bundle.putArray("entry").addObject().putObject("resource").put("resourceType", "ServiceRequest")
                .put("status", "draft").put("intent", "order");
        sr.putObject("subject").put("reference", "Patient/p");
        sr.putObject("code").putArray("coding").addObject().put("system", "http://snomed.info/sct").put("code", "172043006");
        HookCall call = HookCall.read(request("order-sign", bundle), "order-sign");
        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        var record = pipeline.evaluate(List.of(call.draftOrderInput().orElseThrow()), "p", LocalDate.now()).record();
        assertThat(record.orders()).extracting(ProposedOrder::sourceId).containsExactly("ServiceRequest/draft-0");
        assertThat(call.selections()).containsExactly("ServiceRequest/draft-0");
    }

    @Test
    void anEmptyIdIsLeftForTheCoreToRefuse() {
        ObjectNode given = drafts();
        ((ObjectNode) given.path("entry").get(0).path("resource")).put("id", "");
        FhirInput input = HookCall.read(request("order-sign", given), "order-sign").draftOrderInput().orElseThrow();
        assertThatThrownBy(() -> new FhirJsonReader().read((ObjectNode) input.json())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.location()).isEqualTo("Bundle.entry[0].resource.id"));
    }

    @Test
    void orderSelectSelectionsMustNameDraftOrders() {
        ObjectNode body = request("order-select", drafts());
        ((ObjectNode) body.get("context")).putArray("selections").add("ServiceRequest/draft-5").add("ServiceRequest/77");
        assertThat(HookCall.read(body, "order-select").selections()).containsExactly("ServiceRequest/draft-5", "ServiceRequest/77");

        ((ObjectNode) body.get("context")).putArray("selections").add("ServiceRequest/nope");
        assertThatThrownBy(() -> HookCall.read(body, "order-select")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.location()).isEqualTo("context.selections"));
    }

    @Test
    void draftOrdersMustBeABundle() {
        ObjectNode notABundle = JSON.createObjectNode().put("resourceType", "ServiceRequest");
        assertThatThrownBy(() -> HookCall.read(request("order-sign", notABundle), "order-sign")).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.location()).isEqualTo("context.draftOrders"));
        assertThatThrownBy(() -> HookCall.read(request("order-sign", null), "order-sign")).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.location()).isEqualTo("context.draftOrders"));
    }

    @Test
    void prefetchValuesGoToTheCoreAsLocatedJson() throws Exception {
        ObjectNode body = request("patient-view", null);
        JsonNode conditions = JSON.readTree("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}");
        body.putObject("prefetch")
                .putNull("procedures")
                .<ObjectNode>set("conditions", conditions)
                .<ObjectNode>set("observations", JSON.readTree("{\"resourceType\":\"OperationOutcome\",\"issue\":[]}"))
                .<ObjectNode>set("somethingElse", JSON.readTree("{\"resourceType\":\"Patient\"}"));
        HookCall call = HookCall.read(body, "patient-view");

        Map<String, List<FhirInput>> prefetch = call.prefetch();
        assertThat(prefetch).containsOnlyKeys("procedures", "conditions"); // OperationOutcome: not prefetched; unknown keys ignored
        assertThat(prefetch.get("procedures")).isEmpty();
        assertThat(prefetch.get("conditions")).singleElement().satisfies(i -> {
            assertThat(i.location()).isEqualTo("prefetch.conditions");
            assertThat(i.json()).isSameAs(conditions);
        });
        assertThat(call.draftOrderInput()).isEmpty();
        assertThat(call.draftOrders()).isEmpty();
    }

    @Test
    void aPrefetchValueThatIsNoResourceIsRefusedWhenRead() {
        ObjectNode body = request("patient-view", null);
        body.putObject("prefetch").put("conditions", "Condition?patient=p");
        assertThatThrownBy(() -> HookCall.read(body, "patient-view")).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
            assertThat(e.location()).isEqualTo("prefetch.conditions");
        });
    }
}
