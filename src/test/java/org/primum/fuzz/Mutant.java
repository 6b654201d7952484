package org.primum.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An input being damaged: first as a JSON tree, then as the bytes sent. Text that Jackson would refuse to
 * write (10,000 levels of nesting) is put in as a placeholder string and spliced into the bytes.
 */
final class Mutant {
    /** How the tree becomes bytes: one JSON document, or NDJSON (the tree is an array, one line per element). */
    enum Shape { JSON, NDJSON }

    private static final ObjectMapper JSON = new ObjectMapper();

    JsonNode root;
    final Shape shape;
    private final Map<String, String> splices = new LinkedHashMap<>();
    /** What each mutation did, in order: the failure report. */
    final List<String> log = new ArrayList<>();
    private byte[] bytes;

    Mutant(JsonNode seed, Shape shape) {
        this.root = seed.deepCopy();
        this.shape = shape;
    }

    /** A string node that {@link #bytes()} replaces by {@code rawJson}. */
    TextNode splice(String rawJson) {
        String token = "@@fuzz-splice-" + splices.size() + "@@";
        splices.put(token, rawJson);
        return TextNode.valueOf(token);
    }

    /** The bytes sent: the tree written out (once), then changed by the byte mutations. */
    byte[] bytes() {
        if (bytes == null) bytes = write();
        return bytes;
    }

    void bytes(byte[] changed) {
        bytes = changed;
    }

    private byte[] write() {
        try {
            String text;
            if (shape == Shape.NDJSON && root.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode line : root) sb.append(JSON.writeValueAsString(line)).append('\n');
                text = sb.toString();
            } else {
                text = JSON.writeValueAsString(root);
            }
            // the latest first: a splice may hold the placeholder of an earlier one
            List<Map.Entry<String, String>> latestFirst = new ArrayList<>(splices.entrySet());
            Collections.reverse(latestFirst);
            for (Map.Entry<String, String> s : latestFirst) text = text.replace("\"" + s.getKey() + "\"", s.getValue());
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
