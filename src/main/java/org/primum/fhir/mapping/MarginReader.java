package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StringType;
import org.primum.facts.MarginStatus;

import java.util.List;

import static org.primum.fhir.mapping.Codings.allText;

/**
 * A surgical margin Observation: involved or clear, by code or by the words of the mapping settings; and the breast
 * its body site (or code) names, which tells the audit which of two breasts operated the same day it reports on.
 */
final class MarginReader {
    private final MappingContext ctx;
    private final Lateralities lateralities;

    MarginReader(MappingContext ctx) {
        this.ctx = ctx;
        this.lateralities = new Lateralities(ctx.t);
    }

    void read(Observation o) {
        String id = ctx.id(o);
        Boolean involved = null;
        if (o.getValue() instanceof CodeableConcept cc) {
            for (Coding k : cc.getCoding()) {
                involved = ctx.t.marginInvolved(k.getSystem(), k.getCode());
                if (involved != null) break;
            }
            if (involved == null) involved = ctx.t.marginByText(allText(cc));
            if (involved == null) {
                for (Coding k : cc.getCoding()) ctx.report.unrecognised(id, "Observation.value", k);
                return;
            }
        } else if (o.getValue() instanceof StringType s) {
            involved = ctx.t.marginByText(s.getValue());
            if (involved == null) {
                ctx.report.unrecognisedText(id, "Observation.value", s.getValue());
                return;
            }
        } else {
            return;
        }
        ctx.out.margins.add(new MarginStatus(id, involved, ctx.dates.effective(o),
                lateralities.of(o.hasBodySite() ? List.of(o.getBodySite()) : List.of(), o.getCode())));
    }
}
