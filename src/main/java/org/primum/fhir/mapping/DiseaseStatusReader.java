package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.primum.facts.DiseaseFocus;
import org.primum.facts.DiseaseStatus;
import org.primum.facts.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * A disease status (response) Observation. Its focus says what it is about: the locoregional disease (the
 * primary or a regional or ambiguous node record), the distant disease, or (no focus, or both) the whole
 * disease; the roles of pass 1 tell which Condition is which. A status about another disease only (another
 * cancer's metastasis, any other Condition) is left out, with a note.
 */
final class DiseaseStatusReader {
    private final MappingContext ctx;
    private final ConditionRoles roles;

    DiseaseStatusReader(MappingContext ctx, ConditionRoles roles) {
        this.ctx = ctx;
        this.roles = roles;
    }

    void read(Observation o) {
        if (!(o.getValue() instanceof CodeableConcept cc)) return;
        String id = ctx.id(o);
        Response response = null;
        for (Coding k : cc.getCoding()) {
            response = ctx.t.response(k.getSystem(), k.getCode());
            if (response != null) break;
        }
        if (response == null) {
            for (Coding k : cc.getCoding()) ctx.report.unrecognised(id, "Observation.value", k);
            if (cc.getCoding().isEmpty()) ctx.report.unrecognisedText(id, "Observation.value", cc.getText());
            return;
        }
        boolean primary = false, distant = false, primaryItself = false, other = false;
        List<String> nodes = new ArrayList<>(), metastases = new ArrayList<>();
        for (Reference f : o.getFocus()) {
            Resource target = ctx.index.resolve(f, o);
            // the primary or its nodes: locoregional disease, never the distant disease (catalogue "response assessment");
            // the node records are named, so the definitions can tell nodes of the other side (distant) apart
            if (roles.isPrimary(target)) primary = primaryItself = true;
            else if (roles.isNodal(target)) {
                primary = true;
                nodes.add(ctx.id(target));
            } else if (roles.isMetastasis(target)) {
                distant = true;
                metastases.add(ctx.id(target));
            }
            else if (roles.isOtherDisease(target)) other = true;
        }
        if (other && !primary && !distant) {
            // e.g. the status of a colon cancer's liver metastasis: not the breast cancer's, whole or distant
            ctx.report.note("disease status", "A disease status whose focus is another disease (not this breast cancer, "
                    + "its nodes or its metastases) was not read as a status of the breast cancer.", id);
            return;
        }
        DiseaseFocus focus = primary == distant ? DiseaseFocus.WHOLE : primary ? DiseaseFocus.PRIMARY : DiseaseFocus.DISTANT;
        ctx.out.diseaseStatuses.add(new DiseaseStatus(id, focus, response, ctx.dates.effective(o), nodes, primaryItself, metastases));
    }
}
