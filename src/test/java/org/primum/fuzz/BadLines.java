package org.primum.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;

/**
 * How many lines of an NDJSON upload no reader can take as a resource: not JSON, or JSON that is not an object.
 * The audit must report at least this many input problems. Decoded with replacement, so invalid UTF-8 alone
 * does not count (a reader may decode it so), which keeps the bound safe.
 */
final class BadLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BadLines() {
    }

    static int count(byte[] ndjson) {
        int bad = 0;
        for (String line : new String(ndjson, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isBlank()) continue;
            try {
                JsonNode n = JSON.readTree(line);
                if (n == null || !n.isObject()) bad++;
            } catch (Exception e) {
                bad++;
            }
        }
        return bad;
    }
}
