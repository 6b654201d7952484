package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.primum.facts.PerformanceScale;
import org.primum.facts.PerformanceStatus;

import static org.primum.fhir.mapping.Numbers.integer;

/**
 * An ECOG or Karnofsky performance status: the score as a number, or (ECOG) an answer code in the value
 * or the interpretation. A score outside the scale is left out with a note rather than guessed.
 */
final class PerformanceReader {
    private final MappingContext ctx;

    PerformanceReader(MappingContext ctx) {
        this.ctx = ctx;
    }

    void read(Observation o, PerformanceScale scale) {
        String id = ctx.id(o);
        Integer score = integer(o.getValue());
        if (score == null && scale == PerformanceScale.ECOG) {
            if (o.getValue() instanceof CodeableConcept cc) score = ecog(cc);
            if (score == null) for (CodeableConcept i : o.getInterpretation()) if ((score = ecog(i)) != null) break;
        }
        if (score == null) {
            if (o.getValue() instanceof CodeableConcept cc) for (Coding k : cc.getCoding()) ctx.report.unrecognised(id, "Observation.value", k);
            return;
        }
        int max = scale == PerformanceScale.ECOG ? 5 : 100;
        if (score < 0 || score > max) {
            ctx.report.note("performance status", scale + " score " + score + " is out of range and was not used.", id);
            return;
        }
        ctx.out.performance.add(new PerformanceStatus(id, scale, score, ctx.dates.effective(o)));
    }

    private Integer ecog(CodeableConcept cc) {
        for (Coding k : cc.getCoding()) {
            Integer s = ctx.t.ecogAnswer(k.getSystem(), k.getCode());
            if (s != null) return s;
        }
        return null;
    }
}
