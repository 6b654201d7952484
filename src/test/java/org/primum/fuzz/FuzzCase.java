package org.primum.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * One generated input: the target and case number, the seed input it damages, 1–3 mutations (repeats
 * allowed) and a salt for their details. Everything follows from the run's seed, the target and the number,
 * so a failure is reproduced with {@code -Dfuzz.seed=<seed> -Dfuzz.case=<number>}.
 */
record FuzzCase(String target, int number, String seedName, List<Mutation> mutations, long salt) {

    /** The case {@code number} of {@code target}, choosing among {@code seeds} seed inputs. */
    static FuzzCase generate(long runSeed, String target, int number, int seeds, IntFunction<String> seedName, IntToDoubleFunction weight) {
        // java.util.Random's first numbers from nearby seeds are alike: the seed is mixed first
        Random r = new Random(mix(mix(mix(runSeed) + target.hashCode()) + number));
        int seed = weighted(r, seeds, weight);
        Mutation[] all = Mutation.values();
        int n = 1 + r.nextInt(3);
        List<Mutation> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) ops.add(all[weighted(r, all.length, k -> all[k].weight)]);
        return new FuzzCase(target, number, seedName.apply(seed), List.copyOf(ops), r.nextLong());
    }

    /** MurmurHash3's finaliser: nearby inputs, unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static int weighted(Random r, int n, IntToDoubleFunction weight) {
        double total = 0;
        for (int i = 0; i < n; i++) total += weight.applyAsDouble(i);
        double x = r.nextDouble() * total;
        for (int i = 0; i < n; i++) {
            x -= weight.applyAsDouble(i);
            if (x < 0) return i;
        }
        return n - 1;
    }

    /** The same case with only the mutations at these positions (each keeps the details it had). */
    Mutant apply(JsonNode seed, Mutant.Shape shape, List<Integer> positions) {
        Mutant m = new Mutant(seed, shape);
        // tree mutations first, then the bytes; each with its own Random, so that leaving one out keeps the others' details
        for (boolean bytes : new boolean[]{false, true}) {
            for (int i : positions) {
                Mutation op = mutations.get(i);
                if (op.onBytes == bytes) op.apply(m, new Random(mix(salt + i)));
            }
        }
        m.bytes();
        return m;
    }

    Mutant apply(JsonNode seed, Mutant.Shape shape) {
        return apply(seed, shape, IntStream.range(0, mutations.size()).boxed().toList());
    }

    @Override
    public String toString() {
        return target + " #" + number + " (" + seedName + ") " + mutations;
    }
}
