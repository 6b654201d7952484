package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file of {@code fhir-profiles/} read as plain JSON (the CDS Hooks service needs no FHIR library for
 * it): it must exist, parse, be of the expected resource type and carry url, name, status and
 * description like every file there. Any defect is an {@link IllegalStateException} naming the file, so
 * that start-up fails instead of cards going out with a wrong code.
 */
final class ProfileFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final JsonNode root;

    private ProfileFile(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    static ProfileFile read(Path dir, String name, String resourceType) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("fhir-profiles: " + name + " not found in " + dir.toAbsolutePath());
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("fhir-profiles: " + name + " is not valid JSON: " + e.getMessage(), e);
        }
        ProfileFile f = new ProfileFile(name, root);
        if (root == null || !root.isObject()) throw f.fail("not a JSON object");
        if (!resourceType.equals(root.path("resourceType").asText())) throw f.fail("resourceType must be " + resourceType);
        for (String field : new String[]{"url", "name", "status", "description"}) f.text(root, field, field);
        return f;
    }

    JsonNode root() {
        return root;
    }

    /** A required non-blank string; {@code where} names it in the error. */
    String text(JsonNode node, String field, String where) {
        String value = optionalText(node, field, where);
        if (value == null) throw fail(where + " is required");
        return value;
    }

    /** A string that may be absent, but not blank or of another JSON type. */
    String optionalText(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual() || v.asText().isBlank()) throw fail(where + " must be a non-empty string");
        return v.asText();
    }

    /** The elements of a JSON array field; absent is empty, another type is an error. */
    Iterable<JsonNode> array(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return java.util.List.of();
        if (!v.isArray()) throw fail(where + " must be an array");
        return v;
    }

    IllegalStateException fail(String message) {
        return new IllegalStateException("fhir-profiles: " + name + ": " + message);
    }
}
