package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.primum.facts.PerformanceScale;
import org.primum.facts.PerformanceStatus;

import org.hl7.fhir.r4.model.Type;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.primum.fhir.mapping.Numbers.integer;

/**
 * An ECOG or Karnofsky performance status: the score as a number (or as the bare code of a coding without
 * system), or (ECOG) an answer code in the value or the interpretation; in the Observation's value, or in a
 * component of its own. A score outside the scale is left out with a note rather than guessed.
 */
final class PerformanceReader {
    private static final Pattern BARE_SCORE = Pattern.compile("\\s*(\\d{1,3})\\s*%?\\s*");
    private final MappingContext ctx;

    PerformanceReader(MappingContext ctx) {
        this.ctx = ctx;
    }

    void read(Observation o, PerformanceScale scale) {
        read(o, o.getValue(), o.getInterpretation(), scale);
    }

    /** A score recorded as a component of a broader Observation (German MII: ECOG and Karnofsky under one "general condition"). */
    void read(Observation o, Observation.ObservationComponentComponent component, PerformanceScale scale) {
        read(o, component.getValue(), component.getInterpretation(), scale);
    }

    private void read(Observation o, Type value, List<CodeableConcept> interpretation, PerformanceScale scale) {
        String id = ctx.id(o);
        Integer score = integer(value);
        if (score == null && value instanceof CodeableConcept cc) score = bare(cc);
        if (score == null && scale == PerformanceScale.ECOG) {
            if (value instanceof CodeableConcept cc) score = ecog(cc);
            if (score == null) for (CodeableConcept i : interpretation) if ((score = ecog(i)) != null) break;
        }
        if (score == null) {
            if (value instanceof CodeableConcept cc) for (Coding k : cc.getCoding()) ctx.report.unrecognised(id, "Observation.value", k);
            return;
        }
        int max = scale == PerformanceScale.ECOG ? 5 : 100;
        if (score < 0 || score > max) {
            ctx.report.note("performance status", scale + " score " + score + " is out of range and was not used.", id);
            return;
        }
        ctx.out.performance.add(new PerformanceStatus(id, scale, score, ctx.dates.effective(o)));
    }

    /** The score written as the code of a coding without a system ("3", "30%"), as German MII records do. */
    private static Integer bare(CodeableConcept cc) {
        for (Coding k : cc.getCoding()) {
            if (k.getSystem() != null || k.getCode() == null) continue;
            Matcher m = BARE_SCORE.matcher(k.getCode());
            if (m.matches()) return Integer.valueOf(m.group(1));
        }
        return null;
    }

    private Integer ecog(CodeableConcept cc) {
        for (Coding k : cc.getCoding()) {
            Integer s = ctx.t.ecogAnswer(k.getSystem(), k.getCode());
            if (s != null) return s;
        }
        return null;
    }
}
