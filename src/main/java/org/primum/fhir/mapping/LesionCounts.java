package org.primum.fhir.mapping;

import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.primum.facts.Metastasis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.primum.fhir.mapping.Codings.anyCoding;
import static org.primum.fhir.mapping.Numbers.integer;

/**
 * Numbers of lesions of a metastasis: an Observation of the lesion-count ValueSet whose focus is the
 * metastasis record (read in pass 2, before the metastases are built in pass 3), or the lesion-count
 * extension on the metastasis Condition itself (which wins). A count without focus speaks for all
 * distant disease: it is applied after pass 3, and only when that disease is one organ site.
 */
final class LesionCounts {
    private final MappingContext ctx;
    private final Map<Resource, Integer> byFocus = new IdentityHashMap<>();
    private Integer unfocused;
    private String unfocusedSource;

    LesionCounts(MappingContext ctx) {
        this.ctx = ctx;
    }

    /** Pass 2: a lesion-count Observation (any other Observation is left to pass 4). */
    void read(Observation o) {
        if (!anyCoding(o.getCode(), ctx.t::isLesionCount)) return;
        Integer n = integer(o.getValue());
        if (n == null) return;
        if (o.getFocus().isEmpty()) {
            unfocused = n;
            unfocusedSource = ctx.id(o);
            return;
        }
        for (Reference f : o.getFocus()) {
            Resource target = ctx.index.resolve(f, o);
            if (target != null) byFocus.put(target, n);
        }
    }

    /** The count an Observation focused on this record (e.g. a metastasis-site Observation) gives, or null. */
    Integer focusedOn(Resource metastasis) {
        return byFocus.get(metastasis);
    }

    /** The count of a metastasis Condition: its own extension, else an Observation focused on it; or null. */
    Integer ofCondition(Condition c) {
        Integer own = extension(c);
        return own != null ? own : byFocus.get(c);
    }

    /**
     * The lesion-count extension (or modifier extension). The extension is 0..1: the same count twice
     * is harmless, two different counts cannot be read.
     */
    private Integer extension(Condition c) {
        String url = ctx.t.lesionCountExtensionUrl();
        List<Extension> found = Stream.concat(c.getExtension().stream(), c.getModifierExtension().stream())
                .filter(e -> url.equals(e.getUrl())).toList();
        if (found.isEmpty()) return null;
        Integer n = integer(found.get(0).getValue());
        for (Extension e : found) {
            if (!Objects.equals(n, integer(e.getValue()))) throw new FHIRException("two different lesion counts on one Condition");
        }
        return n;
    }

    /** After pass 3: a count without focus, given to the metastases of the one organ site there is. */
    void applyUnfocused() {
        if (unfocused == null) return;
        List<Metastasis> metastases = ctx.out.metastases;
        Set<String> organs = new HashSet<>();
        for (Metastasis m : metastases) organs.add(m.site());
        if (organs.size() == 1 && !organs.contains(Metastasis.UNSPECIFIED)) {
            List<Metastasis> updated = new ArrayList<>();
            for (Metastasis m : metastases) {
                updated.add(m.lesionCount() != null ? m : new Metastasis(m.sourceId(), m.site(), m.specificSite(), m.siteDisplay(),
                        m.onset(), m.dateBasis(), unfocused));
            }
            metastases.clear();
            metastases.addAll(updated);
        } else {
            ctx.report.note("lesion count", "A lesion count without focus could not be attributed to one organ site and was not used.",
                    unfocusedSource);
        }
    }
}
