package org.primum.fuzz;

import java.util.stream.IntStream;

/**
 * How much to fuzz: {@code -Dfuzz.seed} (fixed by default, so every CI run sends the same inputs),
 * {@code -Dfuzz.count} (inputs across all targets, 10,000 by default; {@code -Dfuzz.count=100000} for a long
 * run), and, to reproduce a failure, {@code -Dfuzz.target} and {@code -Dfuzz.case}.
 */
record FuzzSettings(long seed, int total, String onlyTarget, Integer onlyCase) {

    static final long DEFAULT_SEED = 20261127L;
    static final int DEFAULT_COUNT = 10_000;

    static FuzzSettings fromSystemProperties() {
        String c = System.getProperty("fuzz.case");
        return new FuzzSettings(Long.getLong("fuzz.seed", DEFAULT_SEED), Integer.getInteger("fuzz.count", DEFAULT_COUNT),
                blankToNull(System.getProperty("fuzz.target")), c == null || c.isBlank() ? null : Integer.valueOf(c.trim()));
    }

    /** The case numbers to run for a target that gets {@code share} of the inputs. */
    IntStream cases(String target, double share) {
        if (onlyTarget != null && !onlyTarget.equals(target)) return IntStream.empty();
        if (onlyCase != null) return IntStream.of(onlyCase);
        return IntStream.range(0, Math.max(1, (int) Math.round(total * share)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
