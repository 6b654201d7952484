package org.primum.engine;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The DRL files of a rules folder as the parser sees them (no compilation): for lint-style tests. */
public final class DrlRules {
    private DrlRules() {
    }

    /** {@code comment}: the {@code //} lines right above the {@code rule} line (without the slashes), or "". */
    public record Rule(String file, String packageName, String name, RuleDescr descr, String text, String comment) {
        /** An annotation's value without its quotes, or null. */
        public String annotation(String key) {
            AnnotationDescr a = descr.getAnnotation(key);
            if (a == null) return null;
            Object v = a.getSingleValueStripped();
            return v == null ? null : v.toString();
        }

        public String consequence() { return String.valueOf(descr.getConsequence()).trim(); }
    }

    /** The run of {@code //} lines that ends on the line before {@code offset}; a blank line ends it. */
    static String commentAbove(String text, int offset) {
        List<String> lines = new ArrayList<>(List.of(text.substring(0, text.lastIndexOf('\n', Math.max(offset - 1, 0)) + 1).split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        List<String> comment = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && lines.get(i).strip().startsWith("//"); i--) {
            comment.add(0, lines.get(i).strip().substring(2).strip());
        }
        return String.join("\n", comment);
    }

    public static List<Rule> parse(Path dir) {
        List<Rule> rules = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                String text = Files.readString(file);
                DrlParser parser = new DrlParser();
                PackageDescr pkg = parser.parse(false, text);
                if (parser.hasErrors()) throw new IllegalStateException(file + ": " + parser.getErrors());
                for (RuleDescr r : pkg.getRules()) {
                    int start = r.getStartCharacter() < 0 ? 0 : r.getStartCharacter();
                    int end = r.getEndCharacter() < 0 ? text.length() : Math.min(text.length(), r.getEndCharacter() + 1);
                    rules.add(new Rule(file.getFileName().toString(), pkg.getName(), r.getName(), r, text.substring(start, end),
                            commentAbove(text, start)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DroolsParserException e) {
            throw new IllegalStateException(e);
        }
        return rules;
    }
}
