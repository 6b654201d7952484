package org.primum.spark;

import java.util.Arrays;

/**
 * One NDJSON line as the one-machine audit reads it ({@code org.primum.audit.read.LineSource}): the raw bytes
 * between two {@code \n} (the text reader splits on {@code \n} only), one trailing {@code \r} dropped, leading
 * spaces and tabs dropped; a line left empty is blank (skipped, but counted for line numbers). Raw bytes, not a
 * decoded String: a line that is not UTF-8 must fail to parse here as it does there.
 */
final class NdjsonLine {
    private NdjsonLine() {
    }

    /** The JSON of the line, or null when it is blank. */
    static byte[] json(byte[] raw) {
        int end = raw.length;
        if (end > 0 && raw[end - 1] == '\r') end--;
        int start = 0;
        while (start < end && (raw[start] == ' ' || raw[start] == '\t')) start++;
        if (start == end) return null;
        return start == 0 && end == raw.length ? raw : Arrays.copyOfRange(raw, start, end);
    }

    /** A quick test before parsing: only a line that mentions it can be a Medication. */
    static boolean mayBeMedication(byte[] json) {
        byte[] word = MEDICATION;
        outer:
        for (int i = 0; i + word.length <= json.length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (json[i + j] != word[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    private static final byte[] MEDICATION = "\"Medication\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
}
