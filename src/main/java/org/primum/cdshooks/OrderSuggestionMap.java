package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.primum.cdshooks.model.Coding;

import java.nio.file.Path;
import java.util.*;

/**
 * What the card of each order check (catalogue section E) proposes in place of the draft orders under
 * review, read from {@code fhir-profiles/ConceptMap-order-suggestion.json}: source = the catalogue code,
 * target = the order proposed (none for a plain withdrawal), products = the kind of suggestion and the
 * texts the clinician reads. A catalogue code not in the map gets no suggestion.
 */
public final class OrderSuggestionMap {
    public static final String FILE = "ConceptMap-order-suggestion.json";
    /** Product properties are this prefix + action, order-text, label, remove, propose, alternative. */
    public static final String PROPERTY = "http://primum.org/fhir/cds-suggestion-";
    /** In a text of one order (labels of per-order suggestions, every remove text): that order's own text. */
    public static final String ORDER_PLACEHOLDER = "{order}";

    public enum Kind {
        /** Per order: delete it and propose the target with the order's details (patient, side, timing...). */
        REPLACE,
        /** Per order: delete it; nothing is proposed instead. */
        WITHDRAW,
        /** All orders together: delete them and request the target (recommended), or only delete them. */
        WITHDRAW_AND_REQUEST;

        static Optional<Kind> of(String value) {
            return Arrays.stream(values()).filter(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(value)).findFirst();
        }
    }

    /**
     * @param order     the order proposed (system, code, display); null for {@link Kind#WITHDRAW}
     * @param orderText the {@code code.text} of the proposed order (default: the display)
     * @param propose   description of the create action; null for {@link Kind#WITHDRAW}
     * @param alternative label of the withdraw-only suggestion; only for {@link Kind#WITHDRAW_AND_REQUEST}
     */
    public record Entry(Kind kind, Coding order, String orderText, String label, String remove, String propose,
                        String alternative) {
    }

    private final Map<String, Entry> byCode;

    public OrderSuggestionMap(Map<String, Entry> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    public Optional<Entry> forCode(String catalogueCode) {
        return Optional.ofNullable(byCode.get(catalogueCode));
    }

    public Set<String> codes() {
        return byCode.keySet();
    }

    /** Reads and checks the ConceptMap; any defect (unknown kind or property, a text missing for the kind) fails. */
    public static OrderSuggestionMap read(Path profilesDir) {
        ProfileFile f = ProfileFile.read(profilesDir, FILE, "ConceptMap");
        Map<String, Entry> out = new LinkedHashMap<>();
        for (JsonNode group : f.array(f.root(), "group", "group")) {
            String source = f.text(group, "source", "group.source");
            if (!CardFactory.CATALOGUE_SYSTEM.equals(source)) throw f.fail("group.source must be " + CardFactory.CATALOGUE_SYSTEM);
            String targetSystem = f.optionalText(group, "target", "group.target");
            for (JsonNode element : f.array(group, "element", "group.element")) {
                String code = f.text(element, "code", "element.code");
                if (element.path("target").size() != 1) throw f.fail("element " + code + " must have exactly one target");
                Entry entry = entry(f, code, targetSystem, element.path("target").get(0));
                if (out.put(code, entry) != null) throw f.fail("element " + code + " is listed twice");
            }
        }
        if (out.isEmpty()) throw f.fail("no element");
        return new OrderSuggestionMap(out);
    }

    private static Entry entry(ProfileFile f, String code, String targetSystem, JsonNode target) {
        String where = "element " + code + ": ";
        Map<String, String> products = new HashMap<>();
        for (JsonNode p : f.array(target, "product", where + "product")) {
            String property = f.text(p, "property", where + "product.property");
            String name = property.startsWith(PROPERTY) ? property.substring(PROPERTY.length()) : "";
            if (!Set.of("action", "order-text", "label", "remove", "propose", "alternative").contains(name)) {
                throw f.fail(where + "unknown product property " + property);
            }
            if (products.put(name, f.text(p, "value", where + "product " + name)) != null) throw f.fail(where + "product " + name + " twice");
        }
        String action = products.get("action");
        Kind kind = Kind.of(action).orElseThrow(() -> f.fail(where + "product action must be replace, withdraw or withdraw-and-request (was " + action + ")"));
        String targetCode = f.optionalText(target, "code", where + "target.code");
        Coding order = null;
        if (kind == Kind.WITHDRAW) {
            if (targetCode != null) throw f.fail(where + "a withdrawal proposes no order: no target code (equivalence unmatched)");
            forbid(f, where, products, "order-text", "propose", "alternative");
        } else {
            if (targetCode == null || targetSystem == null) throw f.fail(where + "the order proposed needs group.target and target.code");
            order = new Coding(targetSystem, targetCode, f.text(target, "display", where + "target.display"));
            require(f, where, products, "propose");
            if (kind == Kind.REPLACE) forbid(f, where, products, "alternative");
            else require(f, where, products, "alternative");
        }
        require(f, where, products, "label", "remove");
        if (kind == Kind.WITHDRAW_AND_REQUEST) {
            // one suggestion for all orders: only the remove text is about one order
            for (String name : List.of("label", "propose", "alternative")) {
                if (products.get(name).contains(ORDER_PLACEHOLDER)) throw f.fail(where + name + " is not about one order: no " + ORDER_PLACEHOLDER);
            }
        }
        String orderText = order == null ? null : products.getOrDefault("order-text", order.display());
        return new Entry(kind, order, orderText, products.get("label"), products.get("remove"), products.get("propose"),
                products.get("alternative"));
    }

    private static void require(ProfileFile f, String where, Map<String, String> products, String... names) {
        for (String n : names) if (!products.containsKey(n)) throw f.fail(where + "product " + PROPERTY + n + " is required");
    }

    private static void forbid(ProfileFile f, String where, Map<String, String> products, String... names) {
        for (String n : names) if (products.containsKey(n)) throw f.fail(where + "product " + PROPERTY + n + " does not apply");
    }
}
