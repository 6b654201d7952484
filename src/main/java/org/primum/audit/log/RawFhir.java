package org.primum.audit.log;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.primum.core.Evaluated;
import org.primum.core.FhirInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The FHIR input of an evaluation as the decision log keeps it when {@code primum.decision-log.raw-fhir=true},
 * in a small envelope that says how to evaluate it again: {@code {"form":"bundle","bundle":{…}}} or
 * {@code {"form":"loose","patient":"Patient/…","inputs":[{"location":…,"json":{…}}]}}. Decimals stay exact.
 */
public final class RawFhir {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** How the input is evaluated again: a Bundle, or loose inputs of {@code patientId}. */
    public record Input(byte[] bundleJson, String patientId, List<FhirInput> looseInputs) {
        public boolean bundle() {
            return bundleJson != null;
        }
    }

    private RawFhir() {
    }

    public static String write(Evaluated evaluated) {
        if (evaluated.fromBundle()) {
            // the Bundle was read strictly as JSON: its bytes can stand inside the envelope as they are
            return "{\"form\":\"bundle\",\"bundle\":" + new String(evaluated.bundleJson(), StandardCharsets.UTF_8) + "}";
        }
        ObjectNode envelope = JSON.createObjectNode().put("form", "loose").put("patient", evaluated.patientReference());
        ArrayNode inputs = envelope.putArray("inputs");
        for (FhirInput in : evaluated.looseInputs()) inputs.addObject().put("location", in.location()).set("json", in.json());
        return envelope.toString();
    }

    public static Input read(String raw) {
        try {
            JsonNode envelope = JSON.readTree(raw);
            if ("bundle".equals(envelope.path("form").asText())) {
                return new Input(JSON.writeValueAsBytes(envelope.get("bundle")), null, List.of());
            }
            List<FhirInput> inputs = new ArrayList<>();
            for (JsonNode in : envelope.path("inputs")) {
                String location = in.path("location").isNull() ? null : in.path("location").asText();
                inputs.add(FhirInput.read(JSON.writeValueAsBytes(in.get("json")), location));
            }
            String patient = envelope.path("patient").asText();
            return new Input(null, patient.substring(patient.indexOf('/') + 1), inputs);
        } catch (IOException e) {
            throw new UncheckedIOException("the logged FHIR input cannot be read", e);
        }
    }
}
