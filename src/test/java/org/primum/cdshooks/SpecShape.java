package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.*;
import java.util.regex.Pattern;

/**
 * Checks CDS Hooks JSON against HL7's logical models (FHIR Tools IG StructureDefinitions in
 * {@code src/test/resources/cdshooks/fhir-tools-ig}): every element's cardinality, JSON name, primitive
 * type and required binding, plus the models' invariants (cds-resp-1..6), and the specification's
 * "&lt;140-character summary". Returns the list of violations (empty = conformant).
 */
public final class SpecShape {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID_RE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CODE_RE = Pattern.compile("[^\\s]+( [^\\s]+)*");
    private static final Pattern ID_RE = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    /** Expansions of the IG's required value sets (CDSIndicator, CDSActionType, CDSSelectionBehavior, CDSLinkType). */
    private static final Map<String, Set<String>> BINDINGS = Map.of(
            "http://hl7.org/fhir/tools/ValueSet/CDSIndicator", Set.of("info", "warning", "critical"),
            "http://hl7.org/fhir/tools/ValueSet/CDSActionType", Set.of("create", "update", "delete"),
            "http://hl7.org/fhir/tools/ValueSet/CDSSelectionBehavior", Set.of("at-most-one", "any"),
            "http://hl7.org/fhir/tools/ValueSet/CDSLinkType", Set.of("absolute", "smart"));

    record Element(String path, int min, String max, List<String> types, String jsonName, boolean propertyKey,
                   String emptyBehavior, String binding) {
    }

    private final String root;
    private final List<Element> elements;

    private SpecShape(String root, List<Element> elements) {
        this.root = root;
        this.elements = elements;
    }

    public static SpecShape load(String name) {
        try (InputStream in = SpecShape.class.getResourceAsStream("/cdshooks/fhir-tools-ig/StructureDefinition-" + name + ".json")) {
            JsonNode sd = JSON.readTree(Objects.requireNonNull(in, name));
            List<Element> list = new ArrayList<>();
            for (JsonNode e : sd.path("differential").path("element")) {
                String path = e.path("path").asText();
                if (!path.contains(".")) continue;
                List<String> types = new ArrayList<>();
                e.path("type").forEach(t -> types.add(t.path("code").asText()));
                String jsonName = null, empty = null;
                boolean propertyKey = false;
                for (JsonNode x : e.path("extension")) {
                    String url = x.path("url").asText();
                    if (url.endsWith("/json-name")) jsonName = x.path("valueString").asText();
                    if (url.endsWith("/json-property-key")) propertyKey = true;
                    if (url.endsWith("/json-empty-behavior")) empty = x.path("valueCode").asText();
                }
                String binding = e.path("binding").path("strength").asText().equals("required") ? e.path("binding").path("valueSet").asText() : null;
                list.add(new Element(path, e.path("min").asInt(0), e.path("max").asText("1"), types, jsonName, propertyKey, empty, binding));
            }
            return new SpecShape(sd.path("name").asText(), list);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> check(JsonNode instance) {
        List<String> problems = new ArrayList<>();
        if (instance == null || !instance.isObject()) {
            problems.add(root + ": not a JSON object");
            return problems;
        }
        checkObject(root, instance, root, problems);
        if ("CDSHooksResponse".equals(root)) responseInvariants(instance, problems);
        return problems;
    }

    private void checkObject(String modelPath, JsonNode object, String where, List<String> problems) {
        Set<String> known = new HashSet<>();
        for (Element e : children(modelPath)) {
            String name = e.jsonName() != null ? e.jsonName() : e.path().substring(e.path().lastIndexOf('.') + 1);
            known.add(name);
            JsonNode v = object.get(name);
            String at = where + "." + name;
            boolean many = !"1".equals(e.max()) && !"0".equals(e.max());
            if (v == null || v.isNull()) {
                if (e.min() > 0) problems.add(at + ": required (min " + e.min() + ")");
                continue;
            }
            if (e.propertyKey()) {
                if (!v.isObject()) { problems.add(at + ": must be a JSON object (key → value)"); continue; }
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (!CODE_RE.matcher(p.getKey()).matches()) problems.add(at + ": key '" + p.getKey() + "' is not a code");
                    Element valueEl = children(e.path()).stream().filter(c -> c.path().endsWith(".value")).findFirst().orElse(null);
                    if (valueEl != null && !p.getValue().isNull()) checkValue(valueEl, p.getValue(), at + "." + p.getKey(), problems);
                }
                continue;
            }
            if (many) {
                if (!v.isArray()) { problems.add(at + ": must be an array"); continue; }
                if (v.isEmpty() && "absent".equals(e.emptyBehavior())) problems.add(at + ": an empty array must be left out");
                if (v.size() < e.min()) problems.add(at + ": at least " + e.min() + " item(s)");
                for (int i = 0; i < v.size(); i++) checkValue(e, v.get(i), at + "[" + i + "]", problems);
            } else {
                if (v.isArray()) { problems.add(at + ": must not be an array"); continue; }
                checkValue(e, v, at, problems);
            }
        }
    }

    private void checkValue(Element e, JsonNode v, String at, List<String> problems) {
        String type = e.types().isEmpty() ? "Element" : e.types().get(0);
        switch (type) {
            case "string", "markdown" -> { if (!v.isTextual() || v.asText().isEmpty()) problems.add(at + ": must be a non-empty string"); }
            case "code" -> {
                if (!v.isTextual() || !CODE_RE.matcher(v.asText()).matches()) problems.add(at + ": must be a code");
                else if (e.binding() != null && BINDINGS.containsKey(e.binding()) && !BINDINGS.get(e.binding()).contains(v.asText())) {
                    problems.add(at + ": '" + v.asText() + "' is not in " + e.binding());
                }
            }
            case "id" -> { if (!v.isTextual() || !ID_RE.matcher(v.asText()).matches()) problems.add(at + ": must be a FHIR id"); }
            case "uuid" -> { if (!v.isTextual() || !UUID_RE.matcher(v.asText()).matches()) problems.add(at + ": must be a UUID"); }
            case "url", "uri" -> {
                if (!v.isTextual()) { problems.add(at + ": must be a URL string"); break; }
                try {
                    URI u = URI.create(v.asText());
                    if ("url".equals(type) && !u.isAbsolute() && !v.asText().matches("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]+")) {
                        problems.add(at + ": must be an absolute URL (or a relative FHIR reference)");
                    }
                } catch (IllegalArgumentException x) {
                    problems.add(at + ": not a URL");
                }
            }
            case "boolean" -> { if (!v.isBoolean()) problems.add(at + ": must be a boolean"); }
            case "integer" -> { if (!v.isIntegralNumber()) problems.add(at + ": must be an integer"); }
            case "Coding" -> {
                if (!v.isObject()) { problems.add(at + ": must be a Coding object"); break; }
                for (String f : List.of("system", "code", "display")) {
                    if (v.has(f) && !v.get(f).isTextual()) problems.add(at + "." + f + ": must be a string");
                }
            }
            case "Resource", "Bundle" -> {
                if (!v.isObject() || !v.path("resourceType").isTextual()) problems.add(at + ": must be a FHIR resource");
                else if ("Bundle".equals(type) && !"Bundle".equals(v.path("resourceType").asText())) problems.add(at + ": must be a Bundle");
            }
            case "Base" -> { }
            default -> {
                if (!v.isObject()) problems.add(at + ": must be an object");
                else checkObject(e.path(), v, at, problems);
            }
        }
    }

    private List<Element> children(String parent) {
        List<Element> out = new ArrayList<>();
        for (Element e : elements) {
            if (e.path().startsWith(parent + ".") && e.path().indexOf('.', parent.length() + 1) < 0) out.add(e);
        }
        return out;
    }

    /** The CDSHooksResponse invariants, each with its FHIRPath from the IG. */
    private static void responseInvariants(JsonNode response, List<String> problems) {
        JsonNode cards = response.path("cards");
        for (int i = 0; i < cards.size(); i++) {
            JsonNode c = cards.get(i);
            String at = "cards[" + i + "]";
            JsonNode suggestions = c.path("suggestions");
            // cds-resp-6: suggestions.exists() implies selectionBehavior.exists()
            if (suggestions.size() > 0 && !c.has("selectionBehavior")) problems.add(at + ": cds-resp-6 suggestions without selectionBehavior");
            // cds-resp-1: (selectionBehavior = 'at-most-one') implies suggestions.where(isRecommended).count() <= 1
            int recommended = 0;
            for (JsonNode s : suggestions) if (s.path("isRecommended").asBoolean(false)) recommended++;
            if ("at-most-one".equals(c.path("selectionBehavior").asText()) && recommended > 1) problems.add(at + ": cds-resp-1 more than one recommended suggestion");
            for (int j = 0; j < suggestions.size(); j++) {
                for (JsonNode a : suggestions.get(j).path("actions")) {
                    // cds-resp-5: actions.all(description.exists())
                    if (!a.path("description").isTextual()) problems.add(at + ".suggestions[" + j + "]: cds-resp-5 action without description");
                    // cds-resp-2: (type = 'delete') implies (resourceId.exists() and resource.empty())
                    if ("delete".equals(a.path("type").asText()) && (!a.has("resourceId") || a.has("resource"))) {
                        problems.add(at + ".suggestions[" + j + "]: cds-resp-2 delete needs resourceId and no resource");
                    }
                    if (("create".equals(a.path("type").asText()) || "update".equals(a.path("type").asText())) && !a.path("resource").isObject()) {
                        problems.add(at + ".suggestions[" + j + "]: a " + a.path("type").asText() + " action needs a resource");
                    }
                }
            }
            // cds-resp-4: overrideReasons.all(display.exists())
            for (JsonNode r : c.path("overrideReasons")) if (!r.path("display").isTextual()) problems.add(at + ": cds-resp-4 override reason without display");
            // cds-resp-3: (type != 'smart') implies (appContext.empty())
            for (JsonNode l : c.path("links")) if (!"smart".equals(l.path("type").asText()) && l.has("appContext")) problems.add(at + ": cds-resp-3 appContext on a non-smart link");
            // the specification: "One-sentence, <140-character summary"
            if (c.path("summary").asText().length() >= 140) problems.add(at + ": summary has " + c.path("summary").asText().length() + " characters (< 140)");
            // indicator is REQUIRED in the specification's card table (0..1 in the model)
            if (!c.has("indicator")) problems.add(at + ": indicator is required by the specification");
        }
    }
}
