package org.primum.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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

    /**
     * An element found: its path, the JSON object that holds it and the field(s) it is written as there (one,
     * or every {@code value...} of a choice element written twice), so that lenient reading can leave it out.
     * {@code owner} is null when the element is the resource itself.
     */
    record Hit(String path, ObjectNode owner, List<String> fields) {
        Hit {
            fields = List.copyOf(fields);
        }
    }

    /** The path of the first field (depth first, document order) that {@code matcher} accepts; {@code fallback} if none. */
    static String locate(JsonNode root, BiPredicate<String, JsonNode> matcher, String fallback) {
        Hit hit = find(root, matcher);
        return hit == null ? fallback : hit.path();
    }

    /** The first field (depth first, document order) that {@code matcher} accepts, or null. */
    static Hit find(JsonNode root, BiPredicate<String, JsonNode> matcher) {
        if (root == null || !root.isObject()) return null;
        return find(root, rootName(root), matcher);
    }

    /**
     * The first object (the root included) where the choice element {@code name} ({@code value[x]}) is written
     * more than once ({@code valueQuantity} and {@code valueString}), located as {@code ….value[x]}; or null.
     */
    static Hit findChoice(JsonNode root, String name) {
        if (root == null || !root.isObject()) return null;
        return findChoice(root, rootName(root), name);
    }

    private static String rootName(JsonNode root) {
        String name = root.path("resourceType").asText("");
        return name.isEmpty() ? "$" : name;
    }

    private static Hit find(JsonNode node, String path, BiPredicate<String, JsonNode> matcher) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String here = path + "." + field.getKey();
                if (matcher.test(field.getKey(), field.getValue())) {
                    // a resourceType that does not fit: the resource itself is what is wrong
                    return field.getKey().equals("resourceType") ? new Hit(path, null, List.of())
                            : new Hit(here, object, List.of(field.getKey()));
                }
                Hit deeper = find(field.getValue(), here, matcher);
                if (deeper != null) return deeper;
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                // an array of primitives: the value is matched against the array's field by the caller's predicate
                Hit deeper = find(node.get(i), path + "[" + i + "]", matcher);
                if (deeper != null) return deeper;
            }
        }
        return null;
    }

    private static Hit findChoice(JsonNode node, String path, String name) {
        if (node instanceof ObjectNode object) {
            List<String> variants = new ArrayList<>();
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (field.length() > name.length() && field.startsWith(name) && Character.isUpperCase(field.charAt(name.length()))) {
                    variants.add(field);
                }
            }
            if (variants.size() > 1) return new Hit(path + "." + name + "[x]", object, variants);
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Hit deeper = findChoice(field.getValue(), path + "." + field.getKey(), name);
                if (deeper != null) return deeper;
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Hit deeper = findChoice(node.get(i), path + "[" + i + "]", name);
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

    static boolean isResource(JsonNode node) {
        return node.isObject() && node.path("resourceType").isTextual();
    }
}
