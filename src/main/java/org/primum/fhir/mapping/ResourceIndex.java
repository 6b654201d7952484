package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The resources of one request, findable by any way a reference may name them: the entry's fullUrl
 * ({@code urn:uuid:…} or absolute), {@code Type/id}, an absolute {@code …/Type/id[/_history/n]} URL, and
 * {@code Type/<uuid>} for urn:uuid entries (so a relative {@code Condition/<id>} resolves against a
 * {@code urn:uuid:<id>} fullUrl, as real data does). Contained resources resolve with {@code #id} but have
 * no source id of their own. Public for {@link #idOf}, which FhirMapper uses to find the patient.
 */
public final class ResourceIndex {
    private final Map<String, Resource> byKey = new HashMap<>();
    private final Map<Resource, String> sourceIds = new IdentityHashMap<>();
    /** Resources without an id so far: they are numbered in the order of the request (never by object identity), so
     *  the same input always gives the same answer, decision-log digest and replay. */
    private int withoutId;

    /** Registers a resource with its fullUrl (may be null) and returns its "Type/id". */
    String add(Resource r, String fullUrl) {
        String type = r.fhirType();
        String id = idOf(r, fullUrl);
        String sourceId = type + "/" + (id == null ? "(no id " + (++withoutId) + ")" : id);
        sourceIds.put(r, sourceId);
        if (fullUrl != null && !fullUrl.isBlank()) {
            byKey.putIfAbsent(fullUrl, r);
            String tail = typeIdTail(fullUrl);
            if (tail != null) byKey.putIfAbsent(tail, r);
        }
        if (id != null) {
            byKey.putIfAbsent(type + "/" + id, r);
            byKey.putIfAbsent("urn:uuid:" + id, r);
        }
        return sourceId;
    }

    String sourceId(Resource r) {
        return sourceIds.get(r);
    }

    /** The resource a reference points to (bundled, or contained in {@code from}), or null. */
    Resource resolve(Reference ref, DomainResource from) {
        if (ref == null) return null;
        if (ref.getResource() instanceof Resource r && sourceIds.containsKey(r)) return r;
        String s = ref.getReference();
        if (s == null || s.isBlank()) return null;
        if (s.startsWith("#")) {
            if (from == null) return null;
            String local = s.substring(1);
            for (Resource c : from.getContained()) {
                String cid = c.getIdElement().getIdPart();
                if (cid != null && (cid.equals(local) || cid.equals(s))) return c;
                if (c.getId() != null && (c.getId().equals(s) || c.getId().equals(local))) return c;
            }
            return null;
        }
        Resource r = byKey.get(s);
        if (r != null) return r;
        String tail = typeIdTail(s);
        return tail == null ? null : byKey.get(tail);
    }

    /** The plain id: the resource's own id, a urn:uuid's uuid, or the last id segment of a URL. */
    public static String idOf(Resource r, String fullUrl) {
        IdType idType = r.getIdElement();
        String value = idType == null ? null : idType.getValue();
        if (value != null && !value.isBlank()) {
            if (value.startsWith("urn:uuid:")) return value.substring("urn:uuid:".length());
            if (value.startsWith("urn:oid:")) return value.substring("urn:oid:".length());
            String part = idType.getIdPart();
            if (part != null && !part.isBlank()) return part;
        }
        if (fullUrl != null) {
            if (fullUrl.startsWith("urn:uuid:")) return fullUrl.substring("urn:uuid:".length());
            if (fullUrl.startsWith("urn:oid:")) return fullUrl.substring("urn:oid:".length());
            String tail = typeIdTail(fullUrl);
            if (tail != null) return tail.substring(tail.indexOf('/') + 1);
        }
        return null;
    }

    /** "Type/id" from "Type/id", "http://x/fhir/Type/id" or ".../Type/id/_history/2"; null otherwise. */
    public static String typeIdTail(String s) {
        if (s == null || s.startsWith("urn:") || s.startsWith("#")) return null;
        String[] parts = s.split("/");
        int n = parts.length;
        if (n >= 4 && "_history".equals(parts[n - 2])) n -= 2;
        if (n < 2) return null;
        String type = parts[n - 2], id = parts[n - 1];
        if (type.isEmpty() || id.isEmpty() || !Character.isUpperCase(type.charAt(0))) return null;
        return type + "/" + id;
    }
}
