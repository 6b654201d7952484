package org.primum.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.primum.facts.InvalidElement;
import org.primum.facts.InvalidElement.LeftOut;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient reading of an input strict reading refused (see {@link FhirJsonReader}): on a copy of the JSON,
 * each problem HAPI reports is left out — the element, or its whole resource ({@link LeftOutPolicy}) — and
 * the JSON is parsed again, until it parses. Each entry of a Bundle is first read on its own, so that a
 * record with many invalid elements costs about two parses, not one per element. What cannot be left out
 * stays an error: the top-level resource unreadable (an unknown resource type, no resourceType), the Bundle's
 * {@code type} or {@code entry} wrong, a problem HAPI reports without a place to find it.
 *
 * <p>A left-out resource's entry stays in the Bundle without its resource, so that every later location
 * keeps the entry index of the input. One instance per input.
 */
final class LenientReading {

    /** Problems one resource may have before it is left out whole; bounds the work on a pathological input. */
    private static final int MAX_ROUNDS_PER_RESOURCE = 50;
    /** Problems left in the whole input once its entries were read one by one (elements of the Bundle itself). */
    private static final int MAX_ROUNDS = 50;
    private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)](\\.resource)?(.*)$");

    private enum Outcome {
        /** Nothing could be left out: the problem stays an error. */
        REFUSED,
        /** An element or a resource inside the input was left out. */
        LEFT_OUT,
        /** The input, one resource, was left out whole. */
        INPUT_LEFT_OUT
    }

    private final FhirJsonReader reader;
    private final List<InvalidElement> leftOut = new ArrayList<>();

    LenientReading(FhirJsonReader reader) {
        this.reader = reader;
    }

    FhirJsonReader.Parsed read(ObjectNode original) {
        ObjectNode copy = original.deepCopy();
        String type = copy.path("resourceType").asText("");
        if (type.equals("Bundle") && copy.get("entry") != null && copy.get("entry").isArray()) {
            JsonNode entries = copy.get("entry");
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) instanceof ObjectNode entry) readEntryAlone(entry, i);
            }
        }
        FhirJsonReader.Attempt attempt = reader.attempt(copy);
        for (int round = 0; attempt.failure() != null && round < MAX_ROUNDS; round++) {
            Outcome outcome = leaveOut(copy, attempt.failure());
            if (outcome == Outcome.REFUSED) break;
            if (outcome == Outcome.INPUT_LEFT_OUT) return new FhirJsonReader.Parsed(null, type, List.of(), 0, leftOut);
            attempt = reader.attempt(copy);
        }
        if (attempt.failure() != null) throw attempt.failure().error();
        return FhirJsonReader.parsed(attempt, leftOut);
    }

    /** Reads the resource of one Bundle entry on its own, leaving out what it must, until it parses or is gone. */
    private void readEntryAlone(ObjectNode entry, int index) {
        String prefix = "Bundle.entry[" + index + "].resource";
        for (int round = 0; round < MAX_ROUNDS_PER_RESOURCE; round++) {
            JsonNode resource = entry.get("resource");
            if (resource == null) return;
            if (!(resource instanceof ObjectNode object)) {
                leaveOutResource(entry, prefix, "not a resource", null);
                return;
            }
            FhirJsonReader.Attempt attempt = reader.attempt(object);
            if (attempt.failure() == null) return;
            JsonLocator.Hit hit = attempt.failure().hit();
            String path = hit == null ? prefix : InputLocation.path(prefix, hit.path());
            if (leaveOutOfEntry(entry, path, "", attempt.failure()) == Outcome.REFUSED) {
                leaveOutResource(entry, path, attempt.failure().problem(), null);
                return;
            }
        }
        leaveOutResource(entry, prefix, "too many invalid elements", null);
    }

    /** Leaves out what {@code failure}, from parsing the whole input {@code root}, names. */
    private Outcome leaveOut(ObjectNode root, ReadFailure failure) {
        JsonLocator.Hit hit = failure.hit();
        if (hit == null) return Outcome.REFUSED;
        String path = hit.path();
        Matcher entry = ENTRY.matcher(path);
        if (entry.matches()) {
            ObjectNode entryNode = entryAt(root, Integer.parseInt(entry.group(1)));
            if (entryNode == null) return Outcome.REFUSED;
            return leaveOutOfEntry(entryNode, path, entry.group(2) == null ? "entry" : "", failure);
        }
        String type = root.path("resourceType").asText("");
        int dot = path.indexOf('.');
        if (dot < 0 || failure.unreadableResource() || hit.owner() == null) return Outcome.REFUSED;
        String element = LeftOutPolicy.topElement(path.substring(dot + 1));
        if (type.equals("Bundle")) {
            // the type says what the record is, the entries are the record: neither can be done without
            if (element.equals("type") || element.equals("entry")) return Outcome.REFUSED;
            return leaveOutElement(hit, path, failure.problem(), root, null);
        }
        if (LeftOutPolicy.wholeResource(type, element)) {
            leftOut.add(new InvalidElement(path, type, failure.problem(), LeftOut.RESOURCE, sourceIds(root, null)));
            return Outcome.INPUT_LEFT_OUT;
        }
        return leaveOutElement(hit, path, failure.problem(), root, null);
    }

    /**
     * Leaves out what {@code failure} names inside one Bundle entry; {@code path} is its full location.
     * {@code level}: "entry" when the element is one of the entry's own ({@code fullUrl}, {@code request}…),
     * "" when it is inside the entry's resource.
     */
    private Outcome leaveOutOfEntry(ObjectNode entry, String path, String level, ReadFailure failure) {
        JsonLocator.Hit hit = failure.hit();
        Matcher m = ENTRY.matcher(path);
        String inside = m.matches() ? m.group(3) : "";
        String element = inside.isEmpty() ? "" : LeftOutPolicy.topElement(inside.substring(1));
        if (level.equals("entry")) {
            if (element.isEmpty()) return Outcome.REFUSED;
            // the fullUrl may be the resource's only name: without it the resource is not the one referenced
            if (element.equals("fullUrl")) return leaveOutResource(entry, path, failure.problem(), hit);
            return leaveOutElement(hit, path, failure.problem(), entry.get("resource"), entry);
        }
        JsonNode resource = entry.get("resource");
        if (resource == null) return Outcome.REFUSED;
        if (element.isEmpty() || failure.unreadableResource() || hit == null || hit.owner() == null
                || LeftOutPolicy.wholeResource(resource.path("resourceType").asText(""), element)) {
            return leaveOutResource(entry, path, failure.problem(), hit);
        }
        return leaveOutElement(hit, path, failure.problem(), resource, entry);
    }

    private Outcome leaveOutResource(ObjectNode entry, String location, String problem, JsonLocator.Hit hit) {
        JsonNode resource = entry.get("resource");
        String type = resource != null && resource.path("resourceType").isTextual() ? resource.path("resourceType").asText() : null;
        leftOut.add(new InvalidElement(location, type, problem, LeftOut.RESOURCE, sourceIds(resource, entry)));
        entry.remove("resource");
        if (hit != null && hit.owner() == entry) entry.remove(hit.fields());
        return Outcome.LEFT_OUT;
    }

    private Outcome leaveOutElement(JsonLocator.Hit hit, String location, String problem, JsonNode resource, ObjectNode entry) {
        if (hit == null || hit.owner() == null || hit.fields().isEmpty()) return Outcome.REFUSED;
        String type = resource != null && resource.path("resourceType").isTextual() ? resource.path("resourceType").asText() : null;
        leftOut.add(new InvalidElement(location, type, problem, LeftOut.ELEMENT, sourceIds(resource, entry)));
        hit.owner().remove(hit.fields());
        return Outcome.LEFT_OUT;
    }

    private static ObjectNode entryAt(ObjectNode bundle, int index) {
        JsonNode entries = bundle.get("entry");
        return entries != null && entries.isArray() && entries.get(index) instanceof ObjectNode entry ? entry : null;
    }

    private static final Pattern TYPE_ID_TAIL = Pattern.compile("([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(/_history/[^/]+)?$");

    /** {@code Type/id} of the resource, from its id or its entry's fullUrl (as the mapping names it), when known. */
    private static List<String> sourceIds(JsonNode resource, ObjectNode entry) {
        if (resource == null || !resource.path("resourceType").isTextual()) return List.of();
        String type = resource.path("resourceType").asText();
        String id = resource.path("id").isTextual() ? resource.path("id").asText() : null;
        if ((id == null || id.isBlank()) && entry != null && entry.path("fullUrl").isTextual()) {
            String fullUrl = entry.path("fullUrl").asText();
            if (fullUrl.startsWith("urn:uuid:")) id = fullUrl.substring("urn:uuid:".length());
            else if (fullUrl.startsWith("urn:oid:")) id = fullUrl.substring("urn:oid:".length());
            else {
                Matcher tail = TYPE_ID_TAIL.matcher(fullUrl);
                if (tail.find() && tail.group(1).equals(type)) id = tail.group(2);
            }
        }
        return id == null || id.isBlank() ? List.of() : List.of(type + "/" + id);
    }
}
