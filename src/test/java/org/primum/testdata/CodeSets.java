package org.primum.testdata;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Expected code sets of table-driven tests, written with named groups of codes ({@code "ALWAYS"}, {@code "LRT_ORDER"}). */
public final class CodeSets {
    private CodeSets() {
    }

    /** The codes, each group name replaced by its codes; sorted. */
    public static Set<String> expand(Map<String, String[]> groups, String... codes) {
        return Arrays.stream(codes).flatMap(c -> groups.containsKey(c) ? Arrays.stream(groups.get(c)) : Stream.of(c))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The codes as written; sorted. */
    public static Set<String> of(String... codes) {
        return new TreeSet<>(List.of(codes));
    }
}
