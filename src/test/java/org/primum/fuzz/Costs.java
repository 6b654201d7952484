package org.primum.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Where a run's time went: milliseconds per mutation kind (a case counts for each of its mutations) and the slowest cases. */
final class Costs {
    private static final int SLOWEST = 5;
    private final Map<Mutation, long[]> byMutation = new TreeMap<>();
    private final List<Map.Entry<Long, String>> slowest = new ArrayList<>();

    synchronized void add(FuzzCase c, long millis) {
        for (Mutation m : c.mutations()) {
            long[] sum = byMutation.computeIfAbsent(m, k -> new long[2]);
            sum[0] += millis;
            sum[1]++;
        }
        slowest.add(Map.entry(millis, c.toString()));
        slowest.sort(Map.Entry.<Long, String>comparingByKey().reversed());
        if (slowest.size() > SLOWEST) slowest.remove(SLOWEST);
    }

    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder("  mean ms per case with each mutation:");
        byMutation.forEach((m, sum) -> sb.append(' ').append(m).append('=').append(sum[0] / Math.max(1, sum[1])));
        sb.append("\n  slowest:");
        slowest.forEach(e -> sb.append("\n    ").append(e.getKey()).append(" ms ").append(e.getValue()));
        return sb.toString();
    }
}
