package org.primum.fhir.terminology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An O(1) lookup of codes (system → code → value), built once from a ValueSet or ConceptMap. Codes of
 * ICD-10 (CM, GM, WHO: {@link CodeSystems#isIcd10}), ICD-O-3 topography and OPS are hierarchical by their dotted prefix
 * (C50.911 is-a C50.91 is-a C50.9 is-a C50; 5-401.11 is-a 5-401.1 is-a 5-401), ICD-10-PCS by its character prefix
 * (0HBT0ZZ is-a 0HBT0Z ... is-a 0HB): a code not listed itself takes the value of its nearest listed ancestor, and an
 * excluded ancestor (or the code itself) excludes it.
 * A ValueSet may also name codes by a pattern (FHIR's {@code regex} filter on the code: ICD-O-3 {@code \d{4}/6}, every
 * morphology of behaviour 6): a code neither listed nor below a listed ancestor is matched against the patterns of its
 * system, whole code against whole pattern. An excluding pattern excludes whatever else would include the code.
 * Keyed by system, then code, so that a lookup hashes the strings it is given (each hashes once, the JDK
 * keeps the hash) instead of building and hashing a "system|code" string per lookup: the mapping asks
 * every coding of a record against a dozen value sets.
 */
final class CodeIndex<T> {
    /** No code of any system read here is this long: a longer "code" is never matched against a pattern (fuzzing). */
    private static final int LONGEST_PATTERN_MATCHED = 64;

    private record Included<T>(Pattern pattern, T value) {
    }

    private final Map<String, Map<String, T>> values = new HashMap<>();
    private final Map<String, Set<String>> excluded = new HashMap<>();
    private final Map<String, List<Included<T>>> patterns = new HashMap<>();
    private final Map<String, List<Pattern>> excludedPatterns = new HashMap<>();
    private final Set<String> hierarchicalSystems = new HashSet<>();
    /** The longest hierarchical code listed or excluded: no longer ancestor can decide, so the walk starts there. */
    private int longestHierarchical;

    void put(String system, String code, T value) {
        String c = normalise(system, code);
        values.computeIfAbsent(system, k -> new HashMap<>()).put(c, value);
        noteHierarchy(system, c);
    }

    void exclude(String system, String code) {
        String c = normalise(system, code);
        excluded.computeIfAbsent(system, k -> new HashSet<>()).add(c);
        noteHierarchy(system, c);
    }

    /** Every code of {@code system} that the pattern matches whole (after normalisation) has this value. */
    void putPattern(String system, Pattern pattern, T value) {
        patterns.computeIfAbsent(system, k -> new ArrayList<>()).add(new Included<>(pattern, value));
    }

    /** Every code of {@code system} that the pattern matches whole is excluded, whatever includes it. */
    void excludePattern(String system, Pattern pattern) {
        excludedPatterns.computeIfAbsent(system, k -> new ArrayList<>()).add(pattern);
    }

    private void noteHierarchy(String system, String c) {
        if (CodeSystems.isHierarchical(system)) {
            hierarchicalSystems.add(system);
            if (CodeSystems.isHierarchicalCode(system, c)) longestHierarchical = Math.max(longestHierarchical, c.length());
        }
    }

    T get(String system, String code) {
        if (system == null || code == null || code.isBlank()) return null;
        Map<String, T> listed = values.get(system);
        Set<String> unlisted = excluded.get(system);
        List<Included<T>> included = patterns.get(system);
        List<Pattern> unincluded = excludedPatterns.get(system);
        if (listed == null && unlisted == null && included == null && unincluded == null) return null;
        String c = normalise(system, code);
        if (unincluded != null && anyMatches(unincluded, c)) return null;
        if (!hierarchicalSystems.contains(system) || !CodeSystems.isHierarchicalCode(system, c)) {
            if (unlisted != null && unlisted.contains(c)) return null;
            T v = listed == null ? null : listed.get(c);
            if (v == null && listed != null && CodeSystems.takesModifiers(system)) v = withModifiers(listed, unlisted, c);
            return v != null ? v : byPattern(included, c);
        }
        // the code itself, then its ancestors: the nearest listed or excluded one decides. Ancestors longer than any
        // listed code are skipped: walking each prefix of a megabyte-long "code" took minutes (found by fuzzing)
        String start = c.length() <= longestHierarchical ? c : trimDot(c.substring(0, longestHierarchical));
        for (String a = start; a != null; a = parentIcd(a)) {
            if (unlisted != null && unlisted.contains(a)) return null;
            T v = listed == null ? null : listed.get(a);
            if (v != null) return v;
        }
        return byPattern(included, c);
    }

    private static boolean anyMatches(List<Pattern> patterns, String c) {
        if (c.length() > LONGEST_PATTERN_MATCHED) return false;
        for (Pattern p : patterns) {
            if (p.matcher(c).matches()) return true;
        }
        return false;
    }

    private static <T> T byPattern(List<Included<T>> included, String c) {
        if (included == null || c.length() > LONGEST_PATTERN_MATCHED) return null;
        for (Included<T> i : included) {
            if (i.pattern().matcher(c).matches()) return i.value();
        }
        return null;
    }

    /**
     * A CPT or HCPCS code written with its modifiers appended (19303-RT, 19303-LT-50), as some EHRs store an order's
     * code: each modifier, then the base code; the first listed decides. A side map lists the modifiers (RT, LT, 50),
     * a kind map the base codes, so each reads its part. At most the four modifiers a claim line carries are read.
     */
    private static <T> T withModifiers(Map<String, T> listed, Set<String> unlisted, String c) {
        String[] parts = c.split("-", 6);
        if (parts.length < 2 || parts.length > 5) return null;
        for (int i = 1; i < parts.length; i++) {
            T v = listed.get(parts[i].trim().toUpperCase(java.util.Locale.ROOT));
            if (v != null) return v;
        }
        String base = parts[0].trim();
        if (unlisted != null && unlisted.contains(base)) return null;
        return listed.get(base);
    }

    boolean contains(String system, String code) {
        return get(system, code) != null;
    }

    /** Listed codes and patterns (an index of nothing is a broken file). */
    int size() {
        return values.values().stream().mapToInt(Map::size).sum() + patterns.values().stream().mapToInt(List::size).sum();
    }

    static String key(String system, String code) {
        return system + "|" + code;
    }

    /**
     * ICD-10 codes are compared upper-case with their dot (C50911 → C50.911), without the dagger/asterisk/exclamation
     * marks ICD-10-GM may append (C79.5*, C50.4†); ICD-O-3 codes as {@link IcdO3Codes} writes them (C504 → C50.4,
     * 85003 → 8500/3).
     */
    static String normalise(String system, String code) {
        if (CodeSystems.ICDO3.equals(system)) return IcdO3Codes.normalise(code);
        String c = code.trim();
        // PCS codes are upper-case letters and digits; exports sometimes lower-case them
        if (CodeSystems.ICD10PCS.equals(system)) return c.toUpperCase(java.util.Locale.ROOT);
        if (CodeSystems.isIcd10(system)) {
            c = c.toUpperCase(java.util.Locale.ROOT);
            while (!c.isEmpty() && "!*+\u2020".indexOf(c.charAt(c.length() - 1)) >= 0) c = c.substring(0, c.length() - 1).trim();
            if (c.length() > 3 && c.indexOf('.') < 0) c = c.substring(0, 3) + "." + c.substring(3);
        }
        return c;
    }

    /** C50.911 → C50.91 → C50.9 → C50 → null; 5-401.11 → 5-401.1 → 5-401 → 5-40 → 5-4 → null; 0HBT0ZZ → ... → 0HB → null. */
    static String parentIcd(String code) {
        if (code.length() <= 3) return null;
        return trimDot(code.substring(0, code.length() - 1));
    }

    private static String trimDot(String code) {
        return code.endsWith(".") ? code.substring(0, code.length() - 1) : code;
    }
}
