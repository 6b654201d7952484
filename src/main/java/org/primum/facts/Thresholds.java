package org.primum.facts;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configurable numbers of the catalogue's definitions, inserted as a fact so that rules compare
 * against configuration, not literals. Their values are defined once, in the knowledge base
 * ({@code rules/thresholds.properties}, read by the engine); an operator may override some of them.
 * The component names are the names everywhere: the keys of that file, the {@code {name}}
 * placeholders of rule texts ({@link #fill}), and (kebab-cased) the {@code primum.thresholds.*} overrides.
 */
public record Thresholds(int deNovoWindowDays, int responseWindowMinWeeks, int responseWindowMaxWeeks,
                         int responseAssessmentMinWeeks, int oligometastaticMaxLesions, int poorEcogMin,
                         int poorKarnofskyMax, int therapyHistoryMarginDays, int progressionGrowthMinPercent,
                         int radiotherapyCourseGapDays) implements Fact {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final List<RecordComponent> COMPONENTS = List.of(Thresholds.class.getRecordComponents());

    /** A window whose start lies after its end, or a negative count, is a configuration error, not a threshold. */
    public Thresholds {
        if (responseWindowMinWeeks > responseWindowMaxWeeks) {
            throw new IllegalArgumentException("responseWindowMinWeeks (" + responseWindowMinWeeks
                    + ") is after responseWindowMaxWeeks (" + responseWindowMaxWeeks + ")");
        }
        for (int v : new int[]{deNovoWindowDays, responseWindowMinWeeks, responseWindowMaxWeeks, responseAssessmentMinWeeks,
                oligometastaticMaxLesions, poorEcogMin, poorKarnofskyMax, therapyHistoryMarginDays, progressionGrowthMinPercent,
                radiotherapyCourseGapDays}) {
            if (v < 0) throw new IllegalArgumentException("a threshold is negative: " + v);
        }
    }

    /** Every threshold's name, in declaration order. */
    public static List<String> names() {
        return COMPONENTS.stream().map(RecordComponent::getName).toList();
    }

    /** Thresholds from a value for every name; a missing or unknown name is an {@link IllegalArgumentException}. */
    public static Thresholds of(Map<String, Integer> values) {
        List<String> problems = new ArrayList<>();
        names().stream().filter(n -> values.get(n) == null).forEach(n -> problems.add("no value for " + n));
        unknown(values.keySet()).forEach(n -> problems.add("unknown threshold " + n));
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        try {
            Class<?>[] types = COMPONENTS.stream().map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<Thresholds> canonical = Thresholds.class.getDeclaredConstructor(types);
            return canonical.newInstance(names().stream().map(values::get).toArray());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) throw invalid;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Name → value, in declaration order. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> values = new LinkedHashMap<>();
        for (RecordComponent c : COMPONENTS) {
            try {
                values.put(c.getName(), (Integer) c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    /** These thresholds with some replaced (name → value); an unknown name is an {@link IllegalArgumentException}. */
    public Thresholds with(Map<String, Integer> overrides) {
        List<String> unknown = unknown(overrides.keySet());
        if (!unknown.isEmpty()) throw new IllegalArgumentException("unknown threshold " + String.join(", ", unknown));
        Map<String, Integer> values = asMap();
        values.putAll(overrides);
        return of(values);
    }

    /**
     * The text with every {@code {name}} replaced by that threshold's value, so that a text quoting a
     * number follows the configuration; an unknown name is an {@link IllegalArgumentException}.
     */
    public String fill(String text) {
        if (text == null) return null;
        Map<String, Integer> values = asMap();
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            Integer value = values.get(m.group(1));
            if (value == null) throw new IllegalArgumentException("unknown threshold {" + m.group(1) + "}; known: " + names());
            m.appendReplacement(filled, value.toString());
        }
        return m.appendTail(filled).toString();
    }

    private static List<String> unknown(Collection<String> names) {
        return names.stream().filter(n -> !names().contains(n)).sorted().toList();
    }

    public List<String> sourceIds() { return List.of(); }

    public String describe() {
        return "thresholds: de novo window " + deNovoWindowDays + " d, response window " + responseWindowMinWeeks
                + "–" + responseWindowMaxWeeks + " wk, response assessment ≥ " + responseAssessmentMinWeeks
                + " wk after the start, therapy history before " + therapyHistoryMarginDays + " d ahead of the diagnosis, oligometastatic ≤ " + oligometastaticMaxLesions
                + " lesions, poor performance ECOG ≥ " + poorEcogMin + " / Karnofsky ≤ " + poorKarnofskyMax
                + ", distant progression by growth ≥ " + progressionGrowthMinPercent + " % of the longest diameter";
    }
}
