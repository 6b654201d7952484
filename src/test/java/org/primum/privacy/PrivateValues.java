package org.primum.privacy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of a FHIR input (a Bundle, loose resources, a CDS Hooks call) is about the person and must never reach a log
 * line, found by walking the JSON rather than listed: names ({@code HumanName} given, family, text), birth dates,
 * identifier and telecom values, addresses, and free text (the narrative {@code text.div}, every {@code text} string
 * such as {@code note.text} or {@code CodeableConcept.text}, {@code valueString}, {@code valueMarkdown},
 * {@code comment}, {@code patientInstruction}, {@code conclusion}, a reference's {@code display}).
 * Each value is kept with the element it came from, for the message of a failing test.
 */
public final class PrivateValues {

    private static final Set<String> ADDRESS_PARTS = Set.of("line", "city", "district", "postalCode", "text");
    private static final Set<String> FREE_TEXT = Set.of("text", "valueString", "valueMarkdown", "comment", "patientInstruction",
            "conclusion");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** Shorter than this a name or identifier says too little to be looked for (a family name "M"). */
    private static final int MIN_CHARS = 3;

    private final Map<String, String> values = new LinkedHashMap<>();

    private PrivateValues() {
    }

    public static PrivateValues of(JsonNode... inputs) {
        PrivateValues found = new PrivateValues();
        for (JsonNode input : inputs) found.walk(input, "", null);
        return found;
    }

    /** value → the element it was found in (e.g. {@code Patient.name.given}). */
    public Map<String, String> values() {
        return values;
    }

    public PrivateValues add(PrivateValues other) {
        other.values.forEach(values::putIfAbsent);
        return this;
    }

    private void walk(JsonNode node, String path, String key) {
        if (node.isArray()) {
            node.forEach(n -> walk(n, path, key));
            return;
        }
        if (!node.isObject()) return;
        String here = node.has("resourceType") ? node.path("resourceType").asText() : path;
        if (key != null) {
            switch (key) {
                case "name" -> {
                    identifying(node.path("family"), here + ".name.family");
                    identifying(node.path("text"), here + ".name.text");
                    node.path("given").forEach(g -> identifying(g, here + ".name.given"));
                }
                case "identifier", "telecom" -> identifying(node.path("value"), here + "." + key + ".value");
                case "address", "valueAddress" -> node.fields().forEachRemaining(e -> {
                    if (!ADDRESS_PARTS.contains(e.getKey())) return;
                    if (e.getValue().isArray()) e.getValue().forEach(v -> identifying(v, here + ".address." + e.getKey()));
                    else identifying(e.getValue(), here + ".address." + e.getKey());
                });
                default -> {
                }
            }
        }
        if (node.has("reference") && node.has("display")) freeText(node.path("display").asText(), here + ".reference.display");
        node.fields().forEachRemaining(e -> {
            String child = e.getKey();
            JsonNode value = e.getValue();
            if ("birthDate".equals(child)) identifying(value, here + ".birthDate");
            else if ("text".equals(child) && value.has("div")) narrative(value.path("div").asText(), here + ".text.div");
            else if (FREE_TEXT.contains(child) && value.isTextual() && !"name".equals(key)) freeText(value.asText(), here + "." + child);
            walk(value, here, child);
        });
    }

    private void identifying(JsonNode value, String where) {
        if (value.isTextual() && value.asText().strip().length() >= MIN_CHARS) values.putIfAbsent(value.asText().strip(), where);
    }

    /** Free text of two words or more: a single word ("White", "Active") is not what gives a person away. */
    private void freeText(String text, String where) {
        String t = text.replace('\u00a0', ' ').strip();
        if (LogText.tokens(t).size() >= 2) values.putIfAbsent(t, where);
    }

    /** Each run of text between the narrative's tags, entities resolved. */
    private void narrative(String div, String where) {
        for (String segment : TAG.matcher(div).replaceAll("\n").split("\n")) {
            freeText(segment.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&nbsp;", " ").replace("&amp;", "&"), where);
        }
    }
}
