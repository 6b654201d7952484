package org.primum.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a {@code rules/} folder as read once: the DRL sources as Drools compiles them (path in the
 * module → text), which file holds which package, and the bytes of every file for the version's hash. Read the
 * same way by {@link KnowledgeBase#load} at run time and by {@link PrecompileRules} at build time, so that a
 * precompiled module and the folder it is checked against are keyed on identical sources.
 */
record RuleFolder(Path dir, List<Path> files, Map<String, byte[]> bytesByFile, Map<String, String> sources,
                  Map<String, String> fileByPackage, Map<String, String> pathByPackage) {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    static RuleFolder read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (Path file : files) bytes.put(file.getFileName().toString(), Files.readAllBytes(file));
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, String> fileByPackage = new HashMap<>();
        Map<String, String> pathByPackage = new HashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".drl")) continue;
            String text = new String(bytes.get(name), StandardCharsets.UTF_8);
            Matcher m = PACKAGE.matcher(text);
            String path = "src/main/resources/" + (m.find() ? m.group(1).replace('.', '/') + "/" : "") + name;
            if (m.find(0)) {
                fileByPackage.put(m.group(1), name);
                pathByPackage.put(m.group(1), path);
            }
            sources.put(path, text);
        }
        return new RuleFolder(dir, files, bytes, sources, fileByPackage, pathByPackage);
    }

    /**
     * The first 12 hex digits of the SHA-256 of every file (name and bytes) and, when {@code overrides} is
     * not null, of the overridden thresholds: the hash part of the knowledge base's version.
     */
    String hash(String overrides) {
        MessageDigest digest = sha256();
        bytesByFile.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        if (overrides != null) digest.update(("overrides " + overrides).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /**
     * The key of a set of DRL sources (path in the module → text): what a compiled module was built from. Only
     * the DRL is compiled, so a changed citation or threshold file does not make a precompiled module stale
     * (those are read from the folder at every start either way).
     */
    static String key(Map<String, String> sources) {
        MessageDigest digest = sha256();
        new java.util.TreeMap<>(sources).forEach((path, text) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
