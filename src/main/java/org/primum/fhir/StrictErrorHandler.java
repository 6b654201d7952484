package org.primum.fhir;

import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The strictness of {@link FhirJsonReader}, one instance per parse: refuses what would silently change an
 * answer (invalid primitive values, a JSON type where FHIR expects another, a repeated non-repeating
 * element, a choice element written twice) by throwing {@link Rejected}, with how to find the element in the
 * JSON tree; collects what it tolerates (unknown elements and attributes, missing required elements) as
 * warnings, element names only. Lenient reading uses it too: it leaves the element found out of the JSON and
 * parses again, so that what is left out is exactly what the answer reports, not whatever HAPI would keep.
 */
final class StrictErrorHandler implements IParserErrorHandler {

    private static final int MAX_WARNINGS = 20;

    private final Set<String> warnings = new LinkedHashSet<>();

    /**
     * A problem the handler refuses: the issue type, a message naming the element (never its value), a short
     * name of the problem for the answer, and how to find the element in the JSON tree.
     */
    static final class Rejected extends RuntimeException {
        final String issueCode;
        final String element;
        final String problem;
        final transient Function<JsonNode, JsonLocator.Hit> locator;

        Rejected(String issueCode, String message, String element, String problem, Function<JsonNode, JsonLocator.Hit> locator) {
            super(message, null, false, false);
            this.issueCode = issueCode;
            this.element = element;
            this.problem = problem;
            this.locator = locator;
        }
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void warn(String text) {
        if (warnings.size() < MAX_WARNINGS) warnings.add(text);
    }

    private static String name(IParseLocation location, String fallback) {
        return location == null || location.getParentElementName() == null ? fallback : location.getParentElementName();
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
        String element = name(location, "value");
        throw new Rejected("value", "invalid value for " + element + ": " + HapiErrors.clean(error), element, "invalid value",
                root -> JsonLocator.find(root, (key, node) -> key.equals(element) && sameText(node, value)));
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String element, BaseJsonLikeValue.ValueType expected,
                                  BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                  BaseJsonLikeValue.ScalarType foundScalar) {
        String what = expected == null ? "another JSON type" : "a JSON " + expected.name().toLowerCase();
        String got = found == null ? "something else" : "a JSON " + found.name().toLowerCase();
        throw new Rejected("structure", "wrong structure: " + element + " must be " + what + ", found " + got, element,
                "wrong JSON type (" + what + " expected)", root -> JsonLocator.find(root, (key, node) -> key.equals(element) && jsonType(node, found)));
    }

    /**
     * HAPI names a choice element written twice ({@code valueQuantity} and {@code valueString}) by its base
     * name, {@code value}: it is located as {@code value[x]} in the object that holds both.
     */
    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String element) {
        throw new Rejected("structure", "wrong structure: " + element + " may appear only once", element, "repeated element", root -> {
            JsonLocator.Hit array = JsonLocator.find(root, (key, node) -> key.equals(element) && node.isArray());
            return array != null ? array : JsonLocator.findChoice(root, element);
        });
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
}
