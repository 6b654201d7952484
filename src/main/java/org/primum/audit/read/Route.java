package org.primum.audit.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Set;

/**
 * What routing needs of one resource, read with a streaming parser without building it: its type, id and
 * the patient it belongs to ({@code subject}, {@code patient} or {@code beneficiary} reference, or its own
 * id for a Patient). The rest of the resource is skipped, not read.
 */
public record Route(String type, String id, String patientId) {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Set<String> PATIENT_FIELDS = Set.of("subject", "patient", "beneficiary");

    /** The route of {@code json[0..length)}; a {@link JsonProcessingException} when it is not one JSON object. */
    public static Route of(byte[] json, int length) throws IOException {
        return of(json, 0, length);
    }

    /** The route of {@code json[offset..offset+length)}. */
    public static Route of(byte[] json, int offset, int length) throws IOException {
        try (JsonParser p = FACTORY.createParser(json, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new JsonProcessingException("not a JSON object") {
            };
            String type = null, id = null, reference = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("resourceType".equals(field) && value == JsonToken.VALUE_STRING) type = p.getText();
                else if ("id".equals(field) && value == JsonToken.VALUE_STRING) id = p.getText();
                else if (reference == null && PATIENT_FIELDS.contains(field) && value == JsonToken.START_OBJECT) reference = reference(p);
                else p.skipChildren();
            }
            if (p.nextToken() != null) throw new JsonProcessingException("more than one JSON value on the line") {
            };
            String patient = "Patient".equals(type) ? id : patientId(reference);
            // a blank id names no patient: reported as such, never a cohort member without an id (found by fuzzing)
            return new Route(type, id, patient == null || patient.isBlank() ? null : patient);
        }
    }

    private static String reference(JsonParser p) throws IOException {
        String ref = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("reference".equals(field) && value == JsonToken.VALUE_STRING) ref = p.getText();
            else p.skipChildren();
        }
        return ref;
    }

    /**
     * The patient's id in a reference: {@code Patient/123}, {@code https://host/fhir/Patient/123},
     * {@code Patient/123/_history/2}, or {@code urn:uuid:…} (a Bundle's own references, taken as the
     * Patient's id, as the Bundles of Synthea and mCODE write them). Null for a reference to anything else.
     */
    public static String patientId(String reference) {
        if (reference == null || reference.isBlank()) return null;
        if (reference.startsWith("urn:uuid:")) return blankToNull(reference.substring("urn:uuid:".length()));
        int at = reference.lastIndexOf("Patient/");
        if (at < 0 || (at > 0 && reference.charAt(at - 1) != '/')) return null;
        String rest = reference.substring(at + "Patient/".length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return blankToNull(id);
    }

    private static String blankToNull(String id) {
        return id.isBlank() ? null : id;
    }

    /** The id of a {@code Medication/…} reference (relative, absolute or urn:uuid), or null. */
    public static String medicationId(String reference) {
        if (reference == null || reference.isBlank()) return null;
        if (reference.startsWith("urn:uuid:")) return blankToNull(reference.substring("urn:uuid:".length()));
        int at = reference.lastIndexOf("Medication/");
        if (at < 0 || (at > 0 && reference.charAt(at - 1) != '/')) return null;
        String rest = reference.substring(at + "Medication/".length());
        int slash = rest.indexOf('/');
        return blankToNull(slash < 0 ? rest : rest.substring(0, slash));
    }
}
