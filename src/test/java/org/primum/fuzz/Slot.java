package org.primum.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A place in a JSON tree that a mutation can change: a field of an object or an element of an array, named by
 * its path ({@code entry[3].resource.onsetDateTime}) so that a failure says where the input was damaged.
 */
record Slot(JsonNode parent, String field, int index, String path) {

    JsonNode value() {
        return field != null ? parent.get(field) : parent.get(index);
    }

    void set(JsonNode value) {
        if (field != null) ((ObjectNode) parent).set(field, value);
        else ((ArrayNode) parent).set(index, value);
    }

    void remove() {
        if (field != null) ((ObjectNode) parent).remove(field);
        else ((ArrayNode) parent).remove(index);
    }

    /** Every slot under {@code root}, parents before children. The seeds are shallow, so recursion is safe. */
    static List<Slot> all(JsonNode root) {
        List<Slot> out = new ArrayList<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, List<Slot> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                out.add(new Slot(node, e.getKey(), -1, p));
                collect(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = path + "[" + i + "]";
                out.add(new Slot(node, null, i, p));
                collect(node.get(i), p, out);
            }
        }
    }
}
