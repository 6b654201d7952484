package org.primum.fhir.terminology;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lookup structures built once at start-up from {@code fhir-profiles/}: one {@link CodeIndex} per
 * {@link Feed}, the {@link IngredientIndex}, and the code systems the files use. Every lookup is a
 * hash-map probe (ICD-10-CM: plus a walk up the dotted prefix), so mapping stays cheap next to parsing
 * the Bundle. Immutable and thread-safe once built.
 */
public final class Indexes {
    /** Keyed by the entry itself (entries are singletons and keep identity equality). */
    private final Map<Feed<?>, CodeIndex<?>> byFeed;
    private final IngredientIndex ingredients;
    private final Set<String> knownSystems;

    private Indexes(Map<Feed<?>, CodeIndex<?>> byFeed, IngredientIndex ingredients, Set<String> knownSystems) {
        this.byFeed = byFeed;
        this.ingredients = ingredients;
        this.knownSystems = knownSystems;
    }

    /** Indexes every entry of {@code feeds} (in order) and the drug files; a broken or missing file fails start-up. */
    public static Indexes build(ProfileSet files, List<Feed<?>> feeds) {
        Set<String> knownSystems = new HashSet<>();
        IndexBuilder builder = new IndexBuilder(files, knownSystems);
        Map<Feed<?>, CodeIndex<?>> byFeed = new HashMap<>();
        for (Feed<?> feed : feeds) byFeed.put(feed, builder.build(feed));
        IngredientIndex ingredients = IngredientIndex.build(files, knownSystems);
        // AJCC codes are recognised by their pattern, not listed in a file
        knownSystems.add(CodeSystems.AJCC);
        // a HashSet, not Set.copyOf: knowsSystem(null) must answer false, not throw
        return new Indexes(Map.copyOf(byFeed), ingredients, Collections.unmodifiableSet(knownSystems));
    }

    public boolean contains(Membership set, String system, String code) {
        return index(set).contains(system, code);
    }

    /** The value the ConceptMap gives this code (or its nearest listed ICD-10-CM ancestor), or null. */
    public <T> T get(Classification<T> map, String system, String code) {
        return index(map).get(system, code);
    }

    /** The ingredient of an RxNorm ingredient, clinical drug or product, or of a SNOMED CT substance; or null. */
    public Ingredient ingredient(String system, String code) {
        return ingredients.get(system, code);
    }

    /** The ingredient named in free text (display, code.text, Medication text): longest name first; or null. */
    public Ingredient ingredientByText(String text) {
        return ingredients.byText(text);
    }

    /** True when some loaded file uses this code system. */
    public boolean knowsSystem(String system) {
        return knownSystems.contains(system);
    }

    @SuppressWarnings("unchecked") // build() stores a CodeIndex<T> under each Feed<T>
    private <T> CodeIndex<T> index(Feed<T> feed) {
        CodeIndex<T> index = (CodeIndex<T>) byFeed.get(feed);
        if (index == null) throw new IllegalArgumentException("not an entry these indexes were built from: " + feed);
        return index;
    }
}
