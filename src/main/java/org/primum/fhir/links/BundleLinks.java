package org.primum.fhir.links;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.HashMap;
import java.util.Map;

/**
 * Which entry of a Bundle each reference inside it names, as HAPI decides it when it parses the whole Bundle
 * (its {@code ParserState.stitchBundleCrossReferences}, which sets {@code Reference.resource}), computed for a Bundle
 * read entry by entry ({@link BundleEntries}) and asked per reference, only for the references the mapping follows.
 *
 * <p>HAPI's rule, kept exactly: the keys are each entry's {@code fullUrl}, then each resource's id as it was parsed,
 * {@code Type/id} without version (a later key replaces an earlier one: the last entry of a duplicate wins); a
 * reference names the resource under its own value made {@code Type/id} without base or version, and only when
 * the parse did not already give it one (a contained resource, {@code #id}). The Bundle itself and contained
 * resources are keys to HAPI too, but never the entries the mapping registers: a Bundle whose entries could collide
 * with them ({@code #} keys) gets no links ({@link #of(Bundle)}), and is read whole instead.
 *
 * <p>A package of its own: the reading ({@code org.primum.fhir}) computes the links, the mapping
 * ({@code org.primum.fhir.mapping}) follows them, and the mapping must not depend on the reading.
 */
public final class BundleLinks {

    /** Where each entry resource of a Bundle read entry by entry carries its Bundle's links (HAPI user data). */
    private static final String USER_DATA = BundleLinks.class.getName();

    private final Map<String, Resource> byKey = new HashMap<>();

    private BundleLinks() {
    }

    /**
     * The links of {@code bundle}'s entries; call before any id of an entry changes (HAPI keys the ids as parsed). Null
     * when an entry's key starts with {@code #}, a contained resource's key, which HAPI could link to instead.
     */
    public static BundleLinks of(Bundle bundle) {
        BundleLinks links = new BundleLinks();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            String fullUrl = entry.getFullUrl();
            if (fullUrl != null && !fullUrl.isBlank() && entry.getResource() != null && !links.put(fullUrl, entry.getResource())) return null;
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource r = entry.getResource();
            if (r == null) continue;
            IdType id = r.getIdElement();
            if (id != null && !id.isEmpty() && !links.put(id.withResourceType(r.fhirType()).toUnqualifiedVersionless().getValueAsString(), r)) {
                return null;
            }
        }
        return links;
    }

    private boolean put(String key, Resource r) {
        byKey.put(key, r);
        return !key.startsWith("#");
    }

    /** Gives {@code r}, an entry resource of the Bundle these links are of, its Bundle's links ({@link #of(Resource)}). */
    public void attachTo(Resource r) {
        r.setUserData(USER_DATA, this);
    }

    /** The links of the Bundle {@code r} was read from entry by entry; null when it was read otherwise. */
    public static BundleLinks of(Resource r) {
        return r.getUserData(USER_DATA) instanceof BundleLinks links ? links : null;
    }

    /**
     * What {@code ref}'s {@code resource} would be had HAPI read the Bundle whole: the one the parse gave it, else
     * the entry its value names, else null.
     */
    public Resource target(Reference ref) {
        if (ref.getResource() instanceof Resource given) return given;
        if (ref.isEmpty() || ref.getReferenceElement() == null) return null;
        return byKey.get(ref.getReferenceElement().toUnqualifiedVersionless().getValueAsString());
    }
}
