package org.primum.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** One read of {@code /q/metrics} (Prometheus text format), as samples with their labels. */
final class Scrape {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    final List<Sample> samples;

    private Scrape(List<Sample> samples) {
        this.samples = samples;
    }

    static Scrape read() {
        return parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line.trim());
            if (!m.matches()) throw new AssertionError("not a Prometheus sample line: " + line);
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                int end = 0;
                while (l.find() && l.start() == end) {
                    labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
                    end = l.end();
                }
                if (end != m.group(3).length()) throw new AssertionError("labels not read in full: " + line);
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return new Scrape(samples);
    }

    /** The value of the one sample of {@code name} with these labels (others it may have ignored); 0 when none. */
    double value(String name, String... labelPairs) {
        double found = 0;
        int matches = 0;
        for (Sample s : samples) {
            if (!s.name().equals(name) || !has(s, labelPairs)) continue;
            found = s.value();
            matches++;
        }
        if (matches > 1) throw new AssertionError(matches + " samples of " + name + " with " + List.of(labelPairs));
        return found;
    }

    boolean exists(String name, String... labelPairs) {
        return samples.stream().anyMatch(s -> s.name().equals(name) && has(s, labelPairs));
    }

    private static boolean has(Sample s, String... labelPairs) {
        for (int i = 0; i < labelPairs.length; i += 2) {
            if (!labelPairs[i + 1].equals(s.labels().get(labelPairs[i]))) return false;
        }
        return true;
    }
}
