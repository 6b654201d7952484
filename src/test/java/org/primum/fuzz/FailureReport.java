package org.primum.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A failing case made small and written out: the smallest subset of its mutations that still fails (each
 * mutation keeps its details), the full and the minimised input in {@code target/fuzz-failures/}, and a text
 * saying the seed, target, case, seed input, what each mutation did, the answer, and how to run it again.
 */
final class FailureReport {
    static final Path DIR = Path.of("target", "fuzz-failures");

    private FailureReport() {
    }

    /** The report's text (also written beside the inputs). */
    static String write(Target target, long runSeed, FuzzCase c, Seeds.Seed seed) {
        Mutant full = c.apply(seed.tree(), target.shape());
        Answer fullAnswer = FuzzRunner.sendSafely(target, seed, c, full.bytes());
        List<Integer> minimal = null;
        Mutant min = full;
        Answer minAnswer = fullAnswer;
        for (List<Integer> subset : subsets(c.mutations().size())) {
            Mutant m = c.apply(seed.tree(), target.shape(), subset);
            Answer a = FuzzRunner.sendSafely(target, seed, c, m.bytes());
            if (!a.allowed()) {
                minimal = subset;
                min = m;
                minAnswer = a;
                break;
            }
        }
        try {
            Files.createDirectories(DIR);
            String base = target.name() + "-" + c.number();
            String ext = target.shape() == Mutant.Shape.NDJSON ? ".ndjson" : ".json";
            Path fullFile = DIR.resolve(base + ext);
            Path minFile = DIR.resolve(base + ".min" + ext);
            Files.write(fullFile, full.bytes());
            Files.write(minFile, min.bytes());
            String text = "fuzz failure: seed " + runSeed + ", target " + target.name() + ", case " + c.number() + "\n"
                    + "  seed input: " + seed.name() + (seed.asOf() == null ? "" : " (asOf " + seed.asOf() + ")") + "\n"
                    + (target.variant(c).isEmpty() ? "" : "  headers: " + target.variant(c) + "\n")
                    + "  mutations: " + c.mutations() + " → " + full.log + "\n"
                    + "  answer: " + describe(fullAnswer) + "\n"
                    + "  minimised: " + (minimal == null ? "not reproduced with fewer mutations" : minimal.stream().map(c.mutations()::get).toList()
                    + " → " + min.log + ", answer: " + describe(minAnswer)) + "\n"
                    + "  input: " + fullFile.toAbsolutePath() + "\n"
                    + "  minimised input: " + minFile.toAbsolutePath() + "\n"
                    + "  again: ./mvnw -B -o test -Dtest='*FuzzTest' -Dfuzz.seed=" + runSeed + " -Dfuzz.target=" + target.name()
                    + " -Dfuzz.case=" + c.number() + "\n";
            Files.writeString(DIR.resolve(base + ".txt"), text, StandardCharsets.UTF_8);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Answer a) {
        return a.allowed() ? "allowed (" + a.status() + "): not reproduced" : a.detail();
    }

    /** The proper, non-empty subsets of {@code 0..n-1}, smallest first. */
    static List<List<Integer>> subsets(int n) {
        List<List<Integer>> out = new ArrayList<>();
        for (int mask = 1; mask < (1 << n) - 1; mask++) {
            int bits = mask;
            out.add(IntStream.range(0, n).filter(i -> (bits & (1 << i)) != 0).boxed().toList());
        }
        out.sort(Comparator.comparingInt(List::size));
        return out;
    }
}
