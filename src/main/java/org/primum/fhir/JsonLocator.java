package org.primum.fhir;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Where in a FHIR JSON tree an element is, as a FHIRPath-like pointer ({@code Bundle.entry[2].resource.birthDate}).
 * Only on the error path: HAPI says what is wrong, not where, so the tree is searched for the first
 * element that fits.
 */
final class JsonLocator {

    private JsonLocator() {
    }

    /** The path of the first field (depth first, document order) that {@code matcher} accepts; {@code fallback} if none. */
    static String locate(JsonNode root, BiPredicate<String, JsonNode> matcher, String fallback) {
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
    static boolean notAResource(String key, JsonNode node) {
        if (key.equals("resource")) return !isResource(node);
        if (key.equals("contained") && node.isArray()) {
            for (JsonNode item : node) if (!isResource(item)) return true;
        }
        return false;
    }

    private static boolean isResource(JsonNode node) {
        return node.isObject() && node.path("resourceType").isTextual();
    }
}
