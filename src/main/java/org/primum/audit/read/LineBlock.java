package org.primum.audit.read;

import java.util.Arrays;

/**
 * A run of consecutive lines of one input file, copied out of the reader's buffer so that another thread can
 * route them while the reader goes on: the lines' bytes back to back, with where each starts and its line number.
 */
final class LineBlock {

    /**
     * Handed on once it holds this many bytes (or {@link #MAX_LINES} lines): big enough that handing on is rare, and
     * its array (with room for the line that crosses the mark) under half of G1's smallest region (1 MB): a larger
     * array is a "humongous" allocation, and each of those started a concurrent collection cycle.
     */
    static final int TARGET_BYTES = 256 << 10, MAX_LINES = 4096;

    final int file;
    byte[] data = new byte[TARGET_BYTES + (TARGET_BYTES >> 1)];
    int[] starts = new int[1024];
    long[] lines = new long[1024];
    int count, size;

    LineBlock(int file) {
        this.file = file;
    }

    void add(long line, byte[] json, int length) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lines = Arrays.copyOf(lines, count * 2);
        }
        if (size + length > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, size + length));
        System.arraycopy(json, 0, data, size, length);
        starts[count] = size;
        lines[count] = line;
        count++;
        size += length;
    }

    boolean full() {
        return size >= TARGET_BYTES || count >= MAX_LINES;
    }

    int length(int i) {
        return (i + 1 < count ? starts[i + 1] : size) - starts[i];
    }
}
