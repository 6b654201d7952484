package org.primum.fhir.terminology;

/**
 * One line of the {@link Profiles} table: a ValueSet or ConceptMap file of {@code fhir-profiles/} (named by
 * its id, the last segment of its canonical URL) and the lookup it feeds. The entry is also the key of
 * that lookup: {@code terminology.contains(Profiles.X, system, code)} / {@code terminology.get(Profiles.Y, ...)}.
 *
 * @param <T> what a code maps to: {@code Boolean} for a ValueSet (member or not), a value for a ConceptMap
 */
public abstract sealed class Feed<T> permits Membership, Classification {
    private final String id;
    private final String url;

    Feed(String id, String type) {
        this.id = id;
        this.url = CodeSystems.BASE + "/" + type + "/" + id;
    }

    /** The resource id, e.g. {@code primary-breast-cancer}. */
    public String id() { return id; }

    /** The canonical URL the file must carry, e.g. {@code http://primum.org/fhir/ValueSet/primary-breast-cancer}. */
    public String url() { return url; }

    @Override
    public String toString() { return url; }
}
