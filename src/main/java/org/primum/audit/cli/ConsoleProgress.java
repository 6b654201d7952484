package org.primum.audit.cli;

import org.primum.audit.model.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The audit's progress for a person: on a terminal a bar redrawn in place (patients done, rate, ETA); when the
 * output is not a terminal (a log, CI), a plain line every few seconds. Counts only: no patient data.
 */
final class ConsoleProgress implements ProgressListener {

    private static final long LINE_EVERY_NANOS = 5_000_000_000L, BAR_EVERY_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long judgingStart;
    private long last;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void reading(long lines, long bytesRead, long totalBytes) {
        if (!due()) return;
        String text = String.format(Locale.ROOT, "reading: %,d lines, %d%% of %s", lines,
                totalBytes == 0 ? 100 : Math.min(100, bytesRead * 100 / totalBytes), size(totalBytes));
        print(text);
    }

    @Override
    public synchronized void judging(long done, long total) {
        long now = System.nanoTime();
        if (judgingStart == 0) judgingStart = now;
        if (!due() && done < total) return;
        double seconds = Math.max(1e-3, (now - judgingStart) / 1e9);
        double rate = done / seconds;
        long eta = rate <= 0 ? 0 : (long) ((total - done) / rate);
        String counts = String.format(Locale.ROOT, "%,d/%,d patients, %,.0f/s, ETA %d:%02d", done, total, rate, eta / 60, eta % 60);
        if (terminal) {
            int filled = total == 0 ? WIDTH : (int) (WIDTH * Math.min(1.0, (double) done / total));
            print("[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + counts);
        } else {
            print("judging: " + counts);
        }
    }

    /** Ends the bar's line, with the total time. */
    synchronized void finish() {
        if (terminal) out.println();
        out.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    private boolean due() {
        long now = System.nanoTime();
        if (now - last < (terminal ? BAR_EVERY_NANOS : LINE_EVERY_NANOS)) return false;
        last = now;
        return true;
    }

    private void print(String text) {
        if (terminal) out.print("\r" + text + "   ");
        else out.println(text);
        out.flush();
    }

    private static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
}
