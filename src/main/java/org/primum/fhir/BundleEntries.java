package org.primum.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.JsonParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.primum.fhir.links.BundleLinks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A valid Bundle read the cheaper way: the Bundle without its entries' resources, then each resource as a resource of
 * its own, then what HAPI does after reading a whole Bundle, done the same way ({@code ParserState} and
 * {@code JsonParser.parseResource} of HAPI 8.12.1): an entry's resource takes a {@code urn:} {@code request.url} as id
 * when it has none, then its {@code fullUrl} as id (keeping a version it had). HAPI also links every reference
 * inside the Bundle to the entry it names ({@code Reference.resource}: ≈ 15 % of its parse, most references never
 * followed); here the links are computed once ({@link BundleLinks}, kept with each entry resource) and a reference is
 * resolved when the mapping follows it.
 *
 * <p>Only for input HAPI reads without a word: any error or warning, or a shape this does not reproduce exactly (an
 * entry resource that holds resources of its own — a Bundle, Parameters —, an entry keyed by HAPI with a {@code #}
 * like a contained resource, see {@link BundleLinks#of(Bundle)}), and the answer is null: the caller reads the whole Bundle as before,
 * with its errors, warnings and lenient reading. A valid input is therefore read into the same resources, ids and
 * references; {@code BundleEntriesTest} compares both ways on every fixture. The price: an input that is not read
 * cleanly is read up to its first problem here before it is read whole (at most one reading more, for input that is
 * refused or repaired anyway).
 */
final class BundleEntries {

    /** Entry resources that hold resources other than contained ones, whose reading inside a Bundle HAPI does differently. */
    static final Set<String> HOLDING_RESOURCES = Set.of("Bundle", "Parameters");

    private final FhirContext fhir;

    BundleEntries(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** {@code object} read as a Bundle entry by entry, or null when it must be read whole (see above). */
    Bundle read(ObjectNode object) {
        if (!isResource(object, "Bundle")) return null;
        if (!(object.get("entry") instanceof ArrayNode entries) || entries.isEmpty()) return null;
        List<ObjectNode> resources = new ArrayList<>(entries.size());
        ObjectNode shell = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("entry")) {
                shell.set(field.getKey(), field.getValue());
                continue;
            }
            ArrayNode shellEntries = shell.putArray("entry");
            for (JsonNode entry : entries) {
                if (!(entry instanceof ObjectNode entryObject)) return null;
                ObjectNode shellEntry = shellEntries.addObject();
                ObjectNode resource = null;
                for (Iterator<Map.Entry<String, JsonNode>> e = entryObject.fields(); e.hasNext(); ) {
                    Map.Entry<String, JsonNode> entryField = e.next();
                    if (!entryField.getKey().equals("resource")) {
                        shellEntry.set(entryField.getKey(), entryField.getValue());
                    } else if (entryField.getValue() instanceof ObjectNode r && isResource(r, null)) {
                        resource = r;
                    } else {
                        return null;
                    }
                }
                resources.add(resource);
            }
        }
        if (!(parse(shell) instanceof Bundle bundle) || bundle.getEntry().size() != resources.size()) return null;
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i) == null) continue;
            if (!(parse(resources.get(i)) instanceof Resource r)) return null;
            bundle.getEntry().get(i).setResource(r);
        }
        return linked(bundle);
    }

    /** Whether {@code object} names its type, {@code type} if given, else one that holds no resources of its own. */
    private static boolean isResource(ObjectNode object, String type) {
        JsonNode resourceType = object.get("resourceType");
        if (resourceType == null || !resourceType.isTextual()) return false;
        return type != null ? type.equals(resourceType.textValue()) : !HOLDING_RESOURCES.contains(resourceType.textValue());
    }

    /** One resource read strictly; null on any error or warning. */
    private IBaseResource parse(ObjectNode object) {
        StrictErrorHandler handler = new StrictErrorHandler();
        JsonParser parser = (JsonParser) fhir.newJsonParser().setParserErrorHandler(handler);
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject(object);
        try {
            IBaseResource resource = parser.parseResource(structure);
            return handler.warnings().isEmpty() ? resource : null;
        } catch (RuntimeException e) {
            return null; // the whole Bundle's reading says what and where
        }
    }

    /** HAPI's steps after a whole Bundle's parse, in its order; null where the links could differ from HAPI's. */
    private static Bundle linked(Bundle bundle) {
        // the links are keyed by the ids as parsed, before the two steps below change them
        BundleLinks links = BundleLinks.of(bundle);
        if (links == null) return null;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource r = entry.getResource();
            String url = entry.hasRequest() ? entry.getRequest().getUrl() : null;
            if (r != null && url != null && !url.isBlank() && r.getIdElement().isEmpty() && url.startsWith("urn:")) r.setId(url);
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource r = entry.getResource();
            if (r == null) continue;
            if (entry.hasFullUrlElement()) {
                String versionId = r.getIdElement().getVersionIdPart();
                r.setId(entry.getFullUrl());
                if (versionId != null && !versionId.isBlank() && !r.getIdElement().hasVersionIdPart()) {
                    r.setIdElement(r.getIdElement().withVersion(versionId));
                }
            }
            links.attachTo(r);
        }
        return bundle;
    }
}
