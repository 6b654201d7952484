package org.primum.audit;

import org.primum.audit.model.*;
import java.util.*;
import java.util.function.Consumer;

/**
 * Input problems as they are found, from any thread: every one counted by kind, the first
 * {@link #KEPT} kept with their location (a broken export could hold millions of bad lines; the counts say
 * how many there were).
 */
final class InputProblems implements Consumer<InputProblem> {

    static final int KEPT = 10_000;

    private final Map<InputProblem.Kind, Long> counts = new EnumMap<>(InputProblem.Kind.class);
    private final List<InputProblem> kept = new ArrayList<>();

    @Override
    public synchronized void accept(InputProblem p) {
        counts.merge(p.kind(), 1L, Long::sum);
        if (kept.size() < KEPT) kept.add(p);
    }

    synchronized Map<InputProblem.Kind, Long> counts() {
        return new EnumMap<>(counts);
    }

    /** The problems kept, in file and line order. */
    synchronized List<InputProblem> kept() {
        List<InputProblem> sorted = new ArrayList<>(kept);
        sorted.sort(Comparator.comparing(InputProblem::file).thenComparingLong(InputProblem::line)
                .thenComparing(InputProblem::kind));
        return sorted;
    }
}
