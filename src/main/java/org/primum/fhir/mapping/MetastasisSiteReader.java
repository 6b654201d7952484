package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.primum.facts.Metastasis;
import org.primum.fhir.terminology.SiteMapping;

import java.time.LocalDate;

import static org.primum.fhir.mapping.Codings.display;

/**
 * "Site of distant metastasis" (LOINC 44667-4) with a body structure as value is a metastasis record of
 * its own; "None" is no finding, and regional nodes are N disease (a note), never distant.
 */
final class MetastasisSiteReader {
    private final MappingContext ctx;
    private final LesionCounts lesionCounts;

    MetastasisSiteReader(MappingContext ctx, LesionCounts lesionCounts) {
        this.ctx = ctx;
        this.lesionCounts = lesionCounts;
    }

    void read(Observation o) {
        if (!(o.getValue() instanceof CodeableConcept cc)) return;
        String id = ctx.id(o);
        for (Coding k : cc.getCoding()) {
            if (ctx.t.isNoFinding(k.getSystem(), k.getCode())) return;
            if (ctx.t.isRegionalNodeStructure(k.getSystem(), k.getCode())) {
                ctx.report.note("regional nodes", ConditionReader.REGIONAL_NODES, id);
                return;
            }
            SiteMapping s = ctx.t.bodyStructureSite(k.getSystem(), k.getCode());
            if (s != null) {
                LocalDate d = ctx.dates.effective(o);
                ctx.out.metastases.add(new Metastasis(id, s.site(), s.specific(), display(k, cc), d, ConditionReader.basis(d),
                        lesionCounts.focusedOn(o)));
                return;
            }
        }
        for (Coding k : cc.getCoding()) ctx.report.unrecognised(id, "Observation.value", k);
        if (cc.getCoding().isEmpty()) ctx.report.unrecognisedText(id, "Observation.value", cc.getText());
    }
}
