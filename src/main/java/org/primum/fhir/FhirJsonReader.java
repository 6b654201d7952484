package org.primum.api;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.JsonParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a FHIR R4 JSON request body with HAPI, turning every problem into an
 * {@link InvalidInputException} that says what is wrong and where ({@code Bundle.entry[2].resource.birthDate},
 * or {@code line 4, column 9} for broken JSON). Thread-safe; one shared {@link FhirContext}.
 *
 * <p>Strictness: a custom {@link IParserErrorHandler} rather than HAPI's {@code StrictErrorHandler}.
 * It <em>rejects</em> what would silently change an answer: invalid primitive values (an unreadable
 * date would move a record across the evaluation date or the de novo window; an unknown code in a
 * required binding would be dropped), a JSON type where FHIR expects another (an object where an
 * array is due), a repeated non-repeating element, and (HAPI always rejects these) unknown resource
 * types and a missing {@code resourceType}. It <em>tolerates</em>, and reports as notes of the answer,
 * unknown elements and attributes: real exports carry vendor additions, {@code fhir_comments} or
 * elements of later FHIR versions beside valid R4 content, the mapping never reads them, and
 * refusing a whole patient record for them would make the service useless on real data (every
 * public fixture we hold parses with neither kind). It also tolerates unresolvable references,
 * contained resources without ids and extensions with both a value and nested extensions, which HAPI
 * handles and the mapping does not depend on. {@code StrictErrorHandler} would reject the tolerated
 * cases too and gives no location to report.
 *
 * <p>Content that is not FHIR R4 is refused: a {@code fhirVersion} media-type parameter other than 4.0,
 * the DSTU2/STU3 media type {@code application/json+fhir}, and resource types that R4 does not know
 * (for example R5's {@code SubscriptionTopic}) each get a message saying that only FHIR R4 is accepted.
 */
public final class FhirJsonReader {

    public static final String R4_VERSION = "4.0";
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    /**
     * Reads the body into a JSON tree for HAPI, from the UTF-8 bytes (Jackson's byte parser is faster than
     * the Reader HAPI would use), configured as HAPI configures its own: exact decimals, nothing after
     * the resource, no source excerpt in error locations.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final Pattern UNKNOWN_RESOURCE = Pattern.compile("Unknown resource name \"([^\"]*)\"");
    private static final Pattern EXTENSION = Pattern.compile("Extension \\(URL='([^']*)'\\)");
    private static final Pattern LINE_COLUMN = Pattern.compile("\\[line: (\\d+), column: (\\d+)]");
    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+: ");
    private static final int MAX_WARNINGS = 20;

    /** The parsed resource, what the parser tolerated (element names only), and the number of resources read. */
    public record Parsed(IBaseResource resource, List<String> warnings, int resourceCount) {
    }

    /**
     * Refuses media types that do not announce FHIR R4 JSON: {@code application/fhir+json} or
     * {@code application/json}, with an optional {@code fhirVersion=4.0} parameter.
     */
    public static void checkMediaType(MediaType type) {
        if (type == null) {
            throw new InvalidInputException(Problem.UNSUPPORTED_MEDIA_TYPE, "not-supported",
                    "no Content-Type: send the FHIR R4 resource as application/fhir+json", "Content-Type");
        }
        String subtype = type.getSubtype().toLowerCase();
        if (!"application".equalsIgnoreCase(type.getType()) || !(subtype.equals("fhir+json") || subtype.equals("json"))) {
            String hint = subtype.equals("json+fhir")
                    ? " (application/json+fhir is the DSTU2/STU3 media type; Primum accepts FHIR R4 only)" : "";
            throw new InvalidInputException(Problem.UNSUPPORTED_MEDIA_TYPE, "not-supported", "unsupported media type " + type.getType() + "/" + type.getSubtype()
                    + hint + ": send FHIR R4 JSON as application/fhir+json", "Content-Type");
        }
        for (Map.Entry<String, String> p : type.getParameters().entrySet()) {
            if (p.getKey().equalsIgnoreCase("fhirVersion")) {
                String v = p.getValue() == null ? "" : p.getValue().trim();
                if (!(v.equals(R4_VERSION) || v.startsWith(R4_VERSION + "."))) {
                    throw new InvalidInputException(Problem.UNSUPPORTED_MEDIA_TYPE, "not-supported", "fhirVersion=" + v
                            + " is not supported: Primum accepts FHIR R4 (fhirVersion=4.0) only", "Content-Type");
                }
            }
        }
    }

    /** Parses {@code body} as one FHIR R4 resource in JSON (the media type is checked first). */
    public Parsed read(byte[] body, MediaType type) {
        checkMediaType(type);
        return read(body);
    }

    public Parsed read(byte[] body) {
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
        return read(object);
    }

    /**
     * Parses a resource already read as JSON (e.g. a CDS Hooks prefetch value), with the same strictness and
     * error locations as a request body; no second serialisation.
     */
    public Parsed read(ObjectNode object) {
        Handler handler = new Handler();
        IParser parser = FHIR.newJsonParser().setParserErrorHandler(handler);
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject(object);
        IBaseResource resource;
        try {
            resource = ((JsonParser) parser).parseResource(structure);
        } catch (Rejected r) {
            throw new InvalidInputException(Problem.MALFORMED, r.issueCode, r.getMessage(), locate(object, r.matcher, r.element));
        } catch (DataFormatException e) {
            throw translate(e, object);
        } catch (RuntimeException e) {
            // HAPI fails with its own NullPointerException or ClassCastException on some malformed structures
            // (a string where a resource is due): the input's fault, so a 400 that points at the place
            throw new InvalidInputException(Problem.MALFORMED, "structure", "wrong structure: a resource must be a JSON object with a"
                    + " resourceType", locate(object, FhirJsonReader::notAResource, null));
        }
        int count = resource instanceof Bundle b ? b.getEntry().size() : 1;
        return new Parsed(resource, List.copyOf(handler.warnings), count);
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
        return new InvalidInputException(Problem.MALFORMED, "structure", "the body is not valid JSON: " + clean(message), where);
    }

    static InvalidInputException translate(DataFormatException e, JsonNode body) {
        String message = clean(e.getMessage());
        Matcher unknown = UNKNOWN_RESOURCE.matcher(message);
        if (unknown.find()) {
            String name = unknown.group(1);
            String where = locate(body, (key, node) -> key.equals("resourceType") && node.isTextual() && node.asText().equals(name), "resourceType");
            return new InvalidInputException(Problem.MALFORMED, "not-supported", "\"" + name + "\" is not a FHIR R4 resource type"
                    + " (resource types are case-sensitive; Primum accepts FHIR R4 content only)", where);
        }
        if (message.toLowerCase().contains("missing required element") && message.contains("resourceType")) {
            String where = locate(body, FhirJsonReader::notAResource, "resourceType");
            return new InvalidInputException(Problem.MALFORMED, "required", "a resource without resourceType (or with one that is not a"
                    + " string): it is not a FHIR resource", where);
        }
        Matcher extension = EXTENSION.matcher(message);
        if (extension.find()) {
            String url = extension.group(1);
            String where = locate(body, (key, node) -> key.equals("url") && node.isTextual() && node.asText().equals(url), null);
            return new InvalidInputException(Problem.MALFORMED, "structure", "wrong structure: " + message,
                    where != null && where.endsWith(".url") ? where.substring(0, where.length() - 4) : where);
        }
        JsonProcessingException json = cause(e, JsonProcessingException.class);
        String where = null;
        if (json != null && json.getLocation() != null && json.getLocation() != JsonLocation.NA) {
            where = "line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
        } else {
            Matcher lc = LINE_COLUMN.matcher(message);
            if (lc.find()) where = "line " + lc.group(1) + ", column " + lc.group(2);
        }
        return new InvalidInputException(Problem.MALFORMED, "structure", "the body is not valid FHIR JSON: " + message, where);
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }

    /** HAPI's messages without their "HAPI-1234: " prefixes and the Jackson line break. */
    static String clean(String message) {
        if (message == null) return "unreadable content";
        return HAPI_CODE.matcher(message).replaceAll("").replace("\n", " ").trim();
    }

    // ---- where: only on the error path, the JSON tree is searched for the offending element

    private static String locate(JsonNode root, BiPredicate<String, JsonNode> matcher, String fallback) {
        if (root != null && root.isObject()) {
            String rootName = root.path("resourceType").asText("");
            String found = find(root, rootName.isEmpty() ? "$" : rootName, matcher);
            if (found != null) return found;
        }
        return fallback;
    }

    private static String find(JsonNode node, String path, BiPredicate<String, JsonNode> matcher) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String here = path + "." + field.getKey();
                if (matcher.test(field.getKey(), field.getValue())) {
                    return field.getKey().equals("resourceType") ? path : here;
                }
                String deeper = find(field.getValue(), here, matcher);
                if (deeper != null) return deeper;
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                // an array of primitives: the value is matched against the array's field by the caller's predicate
                String deeper = find(item, path + "[" + i + "]", matcher);
                if (deeper != null) return deeper;
            }
        }
        return null;
    }

    /** A place where FHIR JSON has a resource ({@code resource}, {@code contained}) holding something else. */
    private static boolean notAResource(String key, JsonNode node) {
        if (key.equals("resource")) return !isResource(node);
        if (key.equals("contained") && node.isArray()) {
            for (JsonNode item : node) if (!isResource(item)) return true;
        }
        return false;
    }

    private static boolean isResource(JsonNode node) {
        return node.isObject() && node.path("resourceType").isTextual();
    }

    private static boolean sameText(JsonNode node, String value) {
        if (node.isValueNode()) return node.asText().equals(value);
        if (node.isArray()) {
            for (JsonNode item : node) if (item.isValueNode() && item.asText().equals(value)) return true;
        }
        return false;
    }

    private static boolean jsonType(JsonNode node, BaseJsonLikeValue.ValueType type) {
        if (type == null) return true;
        if (node.isArray() && type != BaseJsonLikeValue.ValueType.ARRAY) {
            // HAPI reports the items of a repeating element under the element's name
            for (JsonNode item : node) if (jsonType(item, type)) return true;
            return false;
        }
        return switch (type) {
            case ARRAY -> node.isArray();
            case OBJECT -> node.isObject();
            case SCALAR -> node.isValueNode() && !node.isNull();
            case NULL -> node.isNull();
        };
    }

    /** A problem the handler refuses, with how to find its element in the JSON tree. */
    private static final class Rejected extends RuntimeException {
        final String issueCode;
        final String element;
        final transient BiPredicate<String, JsonNode> matcher;

        Rejected(String issueCode, String message, String element, BiPredicate<String, JsonNode> matcher) {
            super(message, null, false, false);
            this.issueCode = issueCode;
            this.element = element;
            this.matcher = matcher;
        }
    }

    private static final class Handler implements IParserErrorHandler {
        final Set<String> warnings = new LinkedHashSet<>();

        private void warn(String text) {
            if (warnings.size() < MAX_WARNINGS) warnings.add(text);
        }

        private static String name(IParseLocation location, String fallback) {
            return location == null || location.getParentElementName() == null ? fallback : location.getParentElementName();
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            String element = name(location, "value");
            throw new Rejected("value", "invalid value for " + element + ": " + clean(error), element,
                    (key, node) -> key.equals(element) && sameText(node, value));
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String element, BaseJsonLikeValue.ValueType expected,
                                      BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                      BaseJsonLikeValue.ScalarType foundScalar) {
            String what = expected == null ? "another JSON type" : "a JSON " + expected.name().toLowerCase();
            String got = found == null ? "something else" : "a JSON " + found.name().toLowerCase();
            throw new Rejected("structure", "wrong structure: " + element + " must be " + what + ", found " + got, element,
                    (key, node) -> key.equals(element) && jsonType(node, found));
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String element) {
            throw new Rejected("structure", "wrong structure: " + element + " may appear only once", element,
                    (key, node) -> key.equals(element) && node.isArray());
        }

        @Override
        public void unknownElement(IParseLocation location, String element) {
            warn("unknown element '" + element + "' ignored");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attribute) {
            warn("unknown attribute '" + attribute + "' ignored");
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String element) {
            warn("required element '" + element + "' missing in " + name(location, "an element"));
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            // HAPI keeps it; nothing references it, so nothing is lost
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
            // references are resolved (or not) by the mapping, which reports what it cannot use
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
        }
    }
}
