package org.primum.spark;

import java.util.Objects;

/**
 * Which block (file and split start) the rows of a partition are in: a task reads its blocks one after the other,
 * each from its first line to its last, so a row's place in its block is a count since the block changed.
 */
final class BlockCursor {
    private String path, previousPath;
    private long start = -1, previousStart = -1;

    /** True when the row at ({@code path}, {@code start}) opens a new block. */
    boolean moveTo(String path, long start) {
        if (start == this.start && Objects.equals(path, this.path)) return false;
        previousPath = this.path;
        previousStart = this.start;
        this.path = path;
        this.start = start;
        return true;
    }

    String path() { return path; }
    long start() { return start; }
    String previousPath() { return previousPath; }
    long previousStart() { return previousStart; }
}
