package org.primum.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HAPI's parse failures as {@link InvalidInputException}s that say what is wrong in words a client can act on, and where. */
public final class HapiErrors {

    private static final Pattern UNKNOWN_RESOURCE = Pattern.compile("Unknown resource name \"([^\"]*)\"");
    private static final Pattern EXTENSION = Pattern.compile("Extension \\(URL='([^']*)'\\)");
    private static final Pattern LINE_COLUMN = Pattern.compile("\\[line: (\\d+), column: (\\d+)]");
    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+: ");

    private HapiErrors() {
    }

    /** {@code body}: the JSON tree HAPI was reading, searched for the offending element; {@code null} when there is none. */
    public static InvalidInputException translate(DataFormatException e, JsonNode body) {
        return failure(e, body).error();
    }

    /** {@link #translate} with what lenient reading needs to leave the offending part out. */
    static ReadFailure failure(DataFormatException e, JsonNode body) {
        String message = clean(e.getMessage());
        Matcher unknown = UNKNOWN_RESOURCE.matcher(message);
        if (unknown.find()) {
            String name = unknown.group(1);
            JsonLocator.Hit hit = JsonLocator.find(body, (key, node) -> key.equals("resourceType") && node.isTextual() && node.asText().equals(name));
            return new ReadFailure(new InvalidInputException(Problem.MALFORMED, "not-supported", "\"" + name + "\" is not a FHIR R4 resource type"
                    + " (resource types are case-sensitive; Primum accepts FHIR R4 content only)", hit == null ? "resourceType" : hit.path()),
                    hit, "not a FHIR R4 resource type", true);
        }
        if (message.toLowerCase().contains("missing required element") && message.contains("resourceType")) {
            JsonLocator.Hit hit = JsonLocator.find(body, JsonLocator::notAResource);
            return new ReadFailure(new InvalidInputException(Problem.MALFORMED, "required", "a resource without resourceType (or with one that is not a"
                    + " string): it is not a FHIR resource", hit == null ? "resourceType" : hit.path()), hit, "no resourceType", true);
        }
        Matcher extension = EXTENSION.matcher(message);
        if (extension.find()) {
            String url = extension.group(1);
            // the extension is the object holding the url: the element left out is the extension list it is in
            JsonLocator.Hit urlHit = JsonLocator.find(body, (key, node) -> key.equals("url") && node.isTextual() && node.asText().equals(url));
            String where = urlHit != null && urlHit.path().endsWith(".url") ? urlHit.path().substring(0, urlHit.path().length() - 4) : null;
            JsonLocator.Hit hit = where == null ? null : JsonLocator.find(body, (key, node) ->
                    (key.equals("extension") || key.equals("modifierExtension")) && containsSame(node, urlHit.owner()));
            return new ReadFailure(new InvalidInputException(Problem.MALFORMED, "structure", "wrong structure: " + message, where), hit,
                    "invalid extension", false);
        }
        JsonProcessingException json = cause(e, JsonProcessingException.class);
        String where = null;
        if (json != null && json.getLocation() != null && json.getLocation() != JsonLocation.NA) {
            where = "line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
        } else {
            Matcher lc = LINE_COLUMN.matcher(message);
            if (lc.find()) where = "line " + lc.group(1) + ", column " + lc.group(2);
        }
        return new ReadFailure(new InvalidInputException(Problem.MALFORMED, "structure", "the body is not valid FHIR JSON: " + message, where),
                null, "unreadable FHIR JSON", false);
    }

    private static boolean containsSame(JsonNode node, JsonNode item) {
        if (node == item) return true;
        if (node.isArray()) for (JsonNode n : node) if (n == item) return true;
        return false;
    }

    /** HAPI's messages without their "HAPI-1234: " prefixes and the Jackson line break. */
    static String clean(String message) {
        if (message == null) return "unreadable content";
        return HAPI_CODE.matcher(message).replaceAll("").replace("\n", " ").trim();
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }
}
