package org.primum.fhir;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.io.IOException;

/**
 * FHIR JSON text → a Jackson tree, read the way HAPI reads it: exact decimals (a {@code 1.10} stays
 * {@code 1.10}), nothing after the resource, no source excerpt in error locations. Every defect is an
 * {@link InvalidInputException} ({@link Problem#MALFORMED}) saying where: {@code line 4, column 9}.
 * Reading from the UTF-8 bytes is faster than the Reader HAPI would use.
 */
public final class FhirJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private FhirJson() {
    }

    /** One FHIR resource as JSON: a JSON object (whether it is a FHIR resource is for {@link FhirJsonReader} to say). */
    public static ObjectNode object(byte[] body) {
        if (isBlank(body)) {
            throw new InvalidInputException(Problem.MALFORMED, "required", "the request body is empty: send a FHIR R4 resource in JSON", "request body");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            throw syntax(e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new InvalidInputException(Problem.MALFORMED, "structure", "the body is not a FHIR resource: FHIR JSON is a JSON object"
                    + " with a resourceType, found " + (tree == null ? "nothing" : "a JSON " + tree.getNodeType().name().toLowerCase()), "line 1, column 1");
        }
        return object;
    }

    /** {@link #object(byte[])} for a part of something larger: its errors are located under {@code location}. */
    public static ObjectNode object(byte[] json, String location) {
        try {
            return object(json);
        } catch (InvalidInputException e) {
            throw InputLocation.under(location, e);
        }
    }

    private static boolean isBlank(byte[] body) {
        if (body == null) return true;
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return false;
        }
        return true;
    }

    private static InvalidInputException syntax(IOException e) {
        String where = null;
        String message = e.getMessage();
        if (e instanceof JsonProcessingException json) {
            message = json.getOriginalMessage();
            JsonLocation at = json.getLocation();
            if (at != null && at != JsonLocation.NA) where = "line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
        return new InvalidInputException(Problem.MALFORMED, "structure", "the body is not valid JSON: " + HapiErrors.clean(message), where);
    }
}
