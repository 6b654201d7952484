package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.primum.facts.DiseaseFocus;
import org.primum.facts.DiseaseStatus;
import org.primum.facts.Response;
import org.primum.fhir.terminology.Profiles;
import org.primum.fhir.terminology.StatusPart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A disease status (response) Observation. Its focus says what it is about: the locoregional disease (the
 * primary or a regional or ambiguous node record), the distant disease, or (no focus, or both) the whole
 * disease; the roles of pass 1 tell which Condition is which. A status about another disease only (another
 * cancer's metastasis, any other Condition) is left out, with a note.
 *
 * <p>A status may also assess the parts of the cancer one by one, in components (the German MII "Verlauf": the
 * primary, the regional nodes, the distant metastases; ConceptMap disease-status-component): each component
 * stands for its own part only. Its value is then the overall assessment of the whole tumour disease (ValueSet
 * whole-disease-status-observation: the focus names the diagnosis, not a part), read for the parts no component
 * assessed: for the whole disease when none did, else for the distant disease when no component assessed it (the
 * overall assessment says progression whenever any part progresses, so the progression checks stay on), never for
 * the primary beside a component (the primary may then be "not assessed", never assessed by inference).
 */
final class DiseaseStatusReader {
    /** What the focus names: the primary itself, node records (locoregional until the definitions say otherwise), metastases. */
    private record Focus(boolean primary, boolean distant, boolean primaryItself, List<String> nodes, List<String> metastases) {
        DiseaseFocus of() {
            return primary == distant ? DiseaseFocus.WHOLE : primary ? DiseaseFocus.PRIMARY : DiseaseFocus.DISTANT;
        }
    }

    private final MappingContext ctx;
    private final ConditionRoles roles;

    DiseaseStatusReader(MappingContext ctx, ConditionRoles roles) {
        this.ctx = ctx;
        this.roles = roles;
    }

    void read(Observation o) {
        String id = ctx.id(o);
        Map<StatusPart, Response> parts = parts(o, id);
        Response overall = o.getValue() instanceof CodeableConcept cc ? response(cc, id, "Observation.value") : null;
        if (parts.isEmpty() && overall == null) return;
        Focus focus = focus(o, id);
        if (focus == null) return;
        LocalDate date = ctx.dates.effective(o);
        for (Map.Entry<StatusPart, Response> part : parts.entrySet()) {
            Response r = part.getValue();
            switch (part.getKey()) {
                case PRIMARY -> add(new DiseaseStatus(id, DiseaseFocus.PRIMARY, r, date, List.of(), true, List.of()));
                // the regional nodes: locoregional disease, but not the primary tumour itself
                case REGIONAL_NODES -> add(new DiseaseStatus(id, DiseaseFocus.PRIMARY, r, date, List.of(), false, List.of()));
                case DISTANT -> add(new DiseaseStatus(id, DiseaseFocus.DISTANT, r, date, List.of(), false, focus.metastases()));
            }
        }
        if (overall == null) return;
        boolean wholeByCode = Codings.anyCoding(o.getCode(), (s, c) -> ctx.t.contains(Profiles.WHOLE_DISEASE_STATUS_OBSERVATION, s, c));
        if (!wholeByCode || focus.distant() && !focus.primary()) {
            add(new DiseaseStatus(id, focus.of(), overall, date, focus.nodes(), focus.primaryItself(), focus.metastases()));
            return;
        }
        boolean assessed = parts.values().stream().anyMatch(r -> r != Response.UNDETERMINED);
        Response distant = parts.get(StatusPart.DISTANT);
        if (!assessed) {
            add(new DiseaseStatus(id, DiseaseFocus.WHOLE, overall, date, focus.nodes(), focus.primaryItself(), focus.metastases()));
        } else if (distant == null || distant == Response.UNDETERMINED) {
            add(new DiseaseStatus(id, DiseaseFocus.DISTANT, overall, date, List.of(), false, focus.metastases()));
        }
    }

    private void add(DiseaseStatus s) {
        ctx.out.diseaseStatuses.add(s);
    }

    /** The focus, or null (with a note) when it names another disease only. */
    private Focus focus(Observation o, String id) {
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
            return null;
        }
        return new Focus(primary, distant, primaryItself, nodes, metastases);
    }

    /** The components that assess one part each, with their response (a part assessed twice: the least favourable). */
    private Map<StatusPart, Response> parts(Observation o, String id) {
        Map<StatusPart, Response> parts = new EnumMap<>(StatusPart.class);
        for (Observation.ObservationComponentComponent component : o.getComponent()) {
            StatusPart part = null;
            for (Coding k : component.getCode().getCoding()) {
                part = ctx.t.get(Profiles.DISEASE_STATUS_COMPONENT, k.getSystem(), k.getCode());
                if (part != null) break;
            }
            if (part == null || !(component.getValue() instanceof CodeableConcept cc)) continue;
            Response r = response(cc, id, "Observation.component.value");
            if (r != null) parts.merge(part, r, DiseaseStatusReader::lessFavourable);
        }
        return parts;
    }

    /**
     * The response a value names by code, else by its words (a local code or text only: "Stable disease", RECIST's
     * "partial response"), or null (its codes reported as unrecognised).
     */
    private Response response(CodeableConcept cc, String id, String element) {
        for (Coding k : cc.getCoding()) {
            Response r = ctx.t.response(k.getSystem(), k.getCode());
            if (r != null) return r;
        }
        Response byWords = ctx.t.responseByText(Codings.allText(cc));
        if (byWords != null) {
            ctx.report.note("disease status", "A disease status was recognised by its words, not by its code.", id);
            return byWords;
        }
        for (Coding k : cc.getCoding()) ctx.report.unrecognised(id, element, k);
        if (cc.getCoding().isEmpty()) ctx.report.unrecognisedText(id, element, cc.getText());
        return null;
    }

    /** Fail safe when one record assesses a part twice: an assessment over none, else the less favourable. */
    private static Response lessFavourable(Response a, Response b) {
        if (a == Response.UNDETERMINED) return b;
        if (b == Response.UNDETERMINED) return a;
        return a.unfavourable() >= b.unfavourable() ? a : b;
    }
}
