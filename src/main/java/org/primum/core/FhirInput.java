package org.primum.core;

import com.fasterxml.jackson.databind.JsonNode;
import org.primum.fhir.FhirJson;

import java.util.Objects;

/**
 * One piece of a patient's record given as loose FHIR R4 JSON: a resource, or a Bundle whose entries are
 * resources (a searchset page, a CDS Hooks prefetch value), with where it came from. {@code location}
 * prefixes the locations of its errors: a bad date in the first entry of the input
 * {@code prefetch.conditions} is reported at {@code prefetch.conditions.entry[0].resource.onsetDateTime}.
 * {@code null}: errors are located inside the resource alone ({@code Condition.onsetDateTime}).
 */
public record FhirInput(JsonNode json, String location) {

    public FhirInput {
        Objects.requireNonNull(json, "json");
    }

    /** A resource or Bundle already read as JSON (e.g. a value of a CDS Hooks request). */
    public static FhirInput of(JsonNode json, String location) {
        return new FhirInput(json, location);
    }

    /**
     * Reads JSON text (UTF-8), as FHIR wants it read: exact decimals, one value. Broken JSON is an
     * {@link org.primum.input.InvalidInputException} located under {@code location} at once.
     */
    public static FhirInput read(byte[] json, String location) {
        return new FhirInput(FhirJson.object(json, location), location);
    }
}
