package org.primum.fhir.terminology;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.ValueSet;

import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static org.primum.fhir.terminology.ProfileLoader.fail;

/**
 * Builds the {@link CodeIndex} of one {@link Feed} from its file, checking the codes: every concept has
 * a code and a display, filters are only {@code concept is-a} on ICD-10 and ICD-O-3 topography (the dotted-code
 * hierarchy) and {@code code regex} (a pattern the whole code matches), a ConceptMap element has
 * exactly one target, that target is in its CodeSystem (when the CodeSystem is one of ours) and its
 * reader understands it (or is {@code unmatched}, without code, in a hierarchical system: an exclusion), and no code is mapped twice. Records every code system it meets in
 * {@code knownSystems} (an unknown system in a record is worth reporting).
 */
final class IndexBuilder {
    private final ProfileSet files;
    private final Set<String> knownSystems;

    IndexBuilder(ProfileSet files, Set<String> knownSystems) {
        this.files = files;
        this.knownSystems = knownSystems;
    }

    CodeIndex<?> build(Feed<?> feed) {
        if (feed instanceof Membership m) return membership(m);
        return classification((Classification<?>) feed);   // Feed is sealed: Membership or Classification
    }

    /** A ValueSet's include (concepts, is-a and regex filters) and exclude as a membership index. */
    private CodeIndex<Boolean> membership(Membership feed) {
        ValueSet v = files.valueSet(feed.url());
        String file = files.fileOf(feed.url());
        CodeIndex<Boolean> index = new CodeIndex<>();
        for (ValueSet.ConceptSetComponent inc : v.getCompose().getInclude()) compose(file, inc, index, true);
        for (ValueSet.ConceptSetComponent exc : v.getCompose().getExclude()) compose(file, exc, index, false);
        if (index.size() == 0) throw fail(file, "the value set includes no code");
        return index;
    }

    private void compose(String file, ValueSet.ConceptSetComponent set, CodeIndex<Boolean> index, boolean include) {
        String system = set.getSystem();
        if (system == null || system.isBlank()) throw fail(file, "compose.include/exclude without system");
        if (!set.getValueSet().isEmpty()) throw fail(file, "compose.include.valueSet is not supported: list the codes");
        knownSystems.add(system);
        BiConsumer<String, String> sink = include ? (s, code) -> index.put(s, code, Boolean.TRUE) : index::exclude;
        for (ValueSet.ConceptReferenceComponent c : set.getConcept()) {
            if (c.getCode() == null || c.getCode().isBlank()) throw fail(file, "concept without code");
            if (c.getDisplay() == null || c.getDisplay().isBlank()) throw fail(file, "concept " + c.getCode() + " has no display");
            sink.accept(system, c.getCode());
        }
        for (ValueSet.ConceptSetFilterComponent f : set.getFilter()) {
            if (isA(f) && CodeSystems.takesIsAFilter(system)
                    && CodeSystems.isHierarchicalCode(system, CodeIndex.normalise(system, f.getValue()))) {
                sink.accept(system, f.getValue());
            } else if (f.getOp() == ValueSet.FilterOperator.REGEX && "code".equals(f.getProperty())) {
                Pattern p = pattern(file, f.getValue());
                if (include) index.putPattern(system, p, Boolean.TRUE);
                else index.excludePattern(system, p);
            } else {
                throw fail(file, "unsupported filter " + f.getProperty() + " " + f.getOp() + " " + f.getValue()
                        + " on " + system + " (only concept is-a on ICD-10 and ICD-O-3 topography, the dotted-code hierarchy, "
                        + "and code regex)");
            }
        }
    }

    private static boolean isA(ValueSet.ConceptSetFilterComponent f) {
        return f.getOp() == ValueSet.FilterOperator.ISA && "concept".equals(f.getProperty());
    }

    /**
     * FHIR's {@code regex} filter on the code: the code (normalised as the index compares it) must match the pattern
     * whole. A pattern that does not compile fails the load.
     */
    private static Pattern pattern(String file, String regex) {
        if (regex == null || regex.isBlank()) throw fail(file, "regex filter without a pattern");
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw fail(file, "regex filter " + regex + " does not compile: " + e.getDescription());
        }
    }

    /** A ConceptMap's elements as an index source code → value read from the (single) target. */
    private <T> CodeIndex<T> classification(Classification<T> feed) {
        ConceptMap c = files.conceptMap(feed.url());
        String file = files.fileOf(feed.url());
        CodeIndex<T> index = new CodeIndex<>();
        for (ConceptMap.ConceptMapGroupComponent g : c.getGroup()) {
            String system = g.getSource();
            if (system == null || system.isBlank()) throw fail(file, "group without source system");
            knownSystems.add(system);
            CodeSystem targets = files.codeSystem(g.getTarget());
            for (ConceptMap.SourceElementComponent e : g.getElement()) {
                if (e.getCode() == null || e.getCode().isBlank()) throw fail(file, "element without code");
                if (e.getDisplay() == null || e.getDisplay().isBlank()) throw fail(file, "element " + e.getCode() + " has no display");
                if (e.getTarget().size() != 1) throw fail(file, "element " + e.getCode() + " must have exactly one target");
                ConceptMap.TargetElementComponent tg = e.getTargetFirstRep();
                if (tg.getEquivalence() == Enumerations.ConceptMapEquivalence.UNMATCHED) {
                    unmatched(file, system, e, tg, index);
                    continue;
                }
                if (tg.getCode() == null || tg.getCode().isBlank()) throw fail(file, "element " + e.getCode() + ": target without code");
                if (targets != null && targets.getConcept().stream().noneMatch(k -> k.getCode().equals(tg.getCode()))) {
                    throw fail(file, "element " + e.getCode() + ": target " + tg.getCode() + " is not in " + g.getTarget());
                }
                T value;
                try {
                    value = feed.read(tg, e.getDisplay());
                } catch (RuntimeException ex) {
                    throw fail(file, "element " + e.getCode() + ": target " + tg.getCode() + " not understood: " + ex.getMessage());
                }
                // hierarchical codes (ICD-10, OPS) may repeat a listed ancestor's answer; any other code listed twice is a mistake
                if (index.contains(system, e.getCode()) && !CodeSystems.isHierarchical(system)) {
                    throw fail(file, "element " + e.getCode() + " is mapped twice");
                }
                index.put(system, e.getCode(), value);
            }
        }
        if (index.size() == 0) throw fail(file, "the concept map has no element");
        return index;
    }

    /**
     * {@code equivalence: unmatched} without a target code: the code maps to nothing, although a listed ancestor
     * maps (0HBT0ZX, a diagnostic excision of the breast, is a biopsy under 0HBT, the excisions of the breast).
     * Only meaningful in a hierarchical system; elsewhere leaving the code out says the same.
     */
    private static void unmatched(String file, String system, ConceptMap.SourceElementComponent e, ConceptMap.TargetElementComponent tg, CodeIndex<?> index) {
        if (tg.getCode() != null && !tg.getCode().isBlank()) throw fail(file, "element " + e.getCode() + ": an unmatched target has no code");
        if (!CodeSystems.isHierarchical(system)) throw fail(file, "element " + e.getCode() + ": unmatched is only read in a hierarchical code system");
        index.exclude(system, e.getCode());
    }
}
