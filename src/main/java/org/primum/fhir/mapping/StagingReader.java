package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StringType;
import org.primum.facts.TnmCategory;
import org.primum.fhir.terminology.AjccCodes;
import org.primum.fhir.terminology.TnmAxisMapping;

/**
 * A TNM category or stage group Observation: the value coded (SNOMED, AJCC), or AJCC-like text ("cM1",
 * "Stage IV" as "IV"). A value that cannot be read as a category of this axis is reported unrecognised;
 * a staging panel without a value says nothing.
 */
final class StagingReader {
    private final MappingContext ctx;

    StagingReader(MappingContext ctx) {
        this.ctx = ctx;
    }

    void read(Observation o, TnmAxisMapping axis) {
        String id = ctx.id(o);
        String category = null;
        if (o.getValue() instanceof CodeableConcept cc) {
            for (Coding k : cc.getCoding()) {
                category = ctx.t.tnmCategory(k.getSystem(), k.getCode(), axis.axis());
                if (category != null) break;
            }
            if (category == null && cc.getCoding().isEmpty() && cc.hasText()) category = AjccCodes.normalise(cc.getText(), axis.axis());
            if (category == null) {
                for (Coding k : cc.getCoding()) ctx.report.unrecognised(id, "Observation.value", k);
                if (cc.getCoding().isEmpty()) ctx.report.unrecognisedText(id, "Observation.value", cc.getText());
                return;
            }
        } else if (o.getValue() instanceof StringType s && s.getValue() != null) {
            category = AjccCodes.normalise(s.getValue(), axis.axis());
            if (category == null) {
                ctx.report.unrecognisedText(id, "Observation.value", s.getValue());
                return;
            }
        } else {
            return; // a staging panel without a value, or a value absent (data-absent-reason)
        }
        ctx.out.staging.add(new TnmCategory(id, axis.axis(), category, axis.pathological(), ctx.dates.effective(o)));
    }
}
