package org.primum.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A captured log, searchable for values as whole tokens: "Eve" is found in "name Eve," but not in "Event"; a value of
 * several words is found where its words follow one another. Tokens are runs of letters, digits and {@code @ + _ . -}
 * (so a date, a phone number or an e-mail address is one token), without leading or trailing dots and dashes.
 * Indexed once: thousands of values are looked up in a log of megabytes.
 */
public final class LogText {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}@+_.\\-]+");

    private final List<String> tokens;
    private final Map<String, List<Integer>> positions = new HashMap<>();

    public LogText(String text) {
        this.tokens = tokens(text);
        for (int i = 0; i < tokens.size(); i++) positions.computeIfAbsent(tokens.get(i), t -> new ArrayList<>()).add(i);
    }

    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : SEPARATORS.split(text)) {
            String t = raw.replaceAll("^[.\\-]+|[.\\-]+$", "");
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** Whether {@code value}'s tokens occur in this log, one after the other. */
    public boolean holds(String value) {
        List<String> wanted = tokens(value);
        if (wanted.isEmpty()) return false;
        for (int start : positions.getOrDefault(wanted.get(0), List.of())) {
            if (start + wanted.size() > tokens.size()) continue;
            boolean all = true;
            for (int i = 1; i < wanted.size() && all; i++) all = wanted.get(i).equals(tokens.get(start + i));
            if (all) return true;
        }
        return false;
    }
}
