package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.primum.facts.DateBasis;
import org.primum.facts.Metastasis;
import org.primum.facts.NodalDisease;
import org.primum.facts.PrimarySymptom;
import org.primum.facts.PrimaryTumour;
import org.primum.facts.ReceptorStatus;
import org.primum.facts.TnmAxis;
import org.primum.facts.TnmCategory;
import org.primum.fhir.terminology.AjccCodes;
import org.primum.fhir.terminology.Profiles;
import org.primum.fhir.terminology.Terminology;
import org.primum.fhir.mapping.ConditionRoles.Classified;
import org.primum.fhir.terminology.SiteMapping;
import org.primum.fhir.terminology.StatedReceptor;

import java.time.LocalDate;
import java.util.List;

import static org.primum.fhir.mapping.Codings.code;
import static org.primum.fhir.mapping.Codings.display;
import static org.primum.fhir.mapping.Codings.nz;
import static org.primum.fhir.mapping.Codings.text;

/**
 * Pass 3: Conditions → facts, by the role pass 1 gave each. A primary breast cancer (with its side and
 * any stage summary), a distant metastasis (with its site and lesion count), a note for regional nodal
 * disease; any other Condition may be a symptom of the breast tumour, or is reported when it looks like
 * a neoplasm or is coded in a system no file knows.
 */
final class ConditionReader {
    static final String REGIONAL_NODES = "Secondary cancer in the regional (axillary, internal mammary or supraclavicular) nodes "
            + "is nodal (N) disease, not a distant metastasis.";

    private final MappingContext ctx;
    private final Terminology t;
    private final LesionCounts lesionCounts;
    private final Lateralities lateralities;
    private final Symptoms symptoms;

    ConditionReader(MappingContext ctx, LesionCounts lesionCounts) {
        this.ctx = ctx;
        this.t = ctx.t;
        this.lesionCounts = lesionCounts;
        this.lateralities = new Lateralities(ctx.t);
        this.symptoms = new Symptoms(ctx.t);
    }

    void read(Condition c, Classified k) {
        switch (k.role()) {
            case PRIMARY -> primary(c, k.coding());
            case METASTASIS -> metastasis(c, k);
            case REGIONAL -> nodes(c, k, false);
            case AMBIGUOUS_NODE -> nodes(c, k, true);
            case OTHER_CANCER_SECONDARY -> { }
            case OTHER -> other(c);
        }
    }

    private void primary(Condition c, Coding coding) {
        String id = ctx.id(c);
        LocalDate d = ctx.dates.onset(c);
        String display = coding == null ? text(c.getCode()) : display(coding, c.getCode());
        // a date from recordedDate alone is when the Condition was entered: the definitions settle it
        DateBasis dateBasis = d != null && !ctx.dates.hasOnset(c) ? DateBasis.RECORDED_ONLY : basis(d);
        ctx.out.primaries.add(new PrimaryTumour(id, coding == null ? null : coding.getCode(), display, d, dateBasis,
                lateralities.of(c.getBodySite(), c.getCode())));
        if (d == null) ctx.report.note("dates", "The primary breast cancer has no onset or recorded date.", id);
        stageSummary(c);
        statedReceptors(c);
    }

    private void stageSummary(Condition c) {
        // a code that names the stage ("infiltrating ductal carcinoma of breast, stage 4") is a summary of its own
        for (Coding k : c.getCode().getCoding()) {
            String named = t.get(Profiles.PRIMARY_STAGE_GROUP, k.getSystem(), k.getCode());
            if (named != null) {
                ctx.out.staging.add(new TnmCategory(ctx.id(c), TnmAxis.STAGE_GROUP, named, false, ctx.dates.onset(c)));
                break;
            }
        }
        for (Condition.ConditionStageComponent st : c.getStage()) {
            String cat = null;
            for (Coding k : st.getSummary().getCoding()) {
                cat = t.tnmCategory(k.getSystem(), k.getCode(), TnmAxis.STAGE_GROUP);
                if (cat != null) break;
            }
            // a summary written only as text ("Stage IV"), as the Observations' values may be
            if (cat == null && st.getSummary().getCoding().isEmpty() && st.getSummary().hasText()) {
                cat = AjccCodes.normalise(st.getSummary().getText(), TnmAxis.STAGE_GROUP);
            }
            if (cat != null) ctx.out.staging.add(new TnmCategory(ctx.id(c), TnmAxis.STAGE_GROUP, cat, false, ctx.dates.onset(c)));
        }
    }

    private void metastasis(Condition c, Classified k) {
        String id = ctx.id(c);
        LocalDate d = ctx.dates.onset(c);
        SiteMapping s = k.site();
        Integer count = lesionCounts.ofCondition(c);
        String siteDisplay = s.display() != null ? s.display() : display(k.coding(), c.getCode());
        ctx.out.metastases.add(new Metastasis(id, s.site(), s.specific(), siteDisplay, d, basis(d), count));
        if (Metastasis.UNSPECIFIED.equals(s.site())) ctx.report.note("metastatic site", "A metastasis record names no site.", id);
    }

    /** Nodal disease: regional (the note says so) or ambiguous; ClinicalInterpreter decides which of them is distant. */
    private void nodes(Condition c, Classified k, boolean ambiguous) {
        String id = ctx.id(c);
        if (!ambiguous) ctx.report.note("regional nodes", REGIONAL_NODES, id);
        String display = k.coding() == null ? text(c.getCode()) : display(k.coding(), c.getCode());
        ctx.out.nodes.add(new NodalDisease(id, ambiguous, lateralities.of(c.getBodySite(), c.getCode()), display, ctx.dates.onset(c)));
    }

    private void other(Condition c) {
        if (statedReceptors(c)) return;
        if (symptom(c)) return;
        if (symptoms.elsewhere(c.getCode(), c.getBodySite())) {
            // read, and deliberately not counted: say so rather than report it as an unknown code
            ctx.report.note("symptom", "A symptom located away from the breast, chest wall and axilla is not a symptom of the primary.", ctx.id(c));
            return;
        }
        String id = ctx.id(c);
        String text = text(c.getCode());
        for (Coding k : c.getCode().getCoding()) {
            boolean unknownSystem = k.getSystem() != null && !t.knowsSystem(k.getSystem());
            if (unknownSystem || t.looksLikeNeoplasm(k.getSystem(), k.getCode(), text + " " + nz(k.getDisplay()))) {
                ctx.report.unrecognised(id, "Condition.code", k);
            }
        }
        if (c.getCode().getCoding().isEmpty() && t.looksLikeNeoplasm(null, null, text)) {
            ctx.report.unrecognisedText(id, "Condition.code", text);
        }
    }

    /**
     * The receptor results the code states: a status diagnosis (ICD-10-CM Z17.0 "ER+") or a primary named by its
     * subtype (SNOMED 427685000 HER2-positive carcinoma of breast). Dated by the Condition, they are weighed with
     * the marker's Observations (the latest counts). True if the code states any.
     */
    private boolean statedReceptors(Condition c) {
        for (Coding k : c.getCode().getCoding()) {
            List<StatedReceptor> stated = t.statedReceptors(k.getSystem(), k.getCode());
            if (stated == null) continue;
            String id = ctx.id(c);
            LocalDate d = ctx.dates.onset(c);
            for (StatedReceptor s : stated) ctx.out.receptors.add(new ReceptorStatus(id, s.receptor(), s.value(), d));
            return true;
        }
        return false;
    }

    /**
     * A symptom of the breast tumour current on asOf: a resolved one says nothing about asOf, unless its abatement
     * is dated after asOf (it was still there then: the record read on an earlier day, as an audit reads it on the
     * day of each act).
     */
    private boolean symptom(Condition c) {
        String status = code(c.getClinicalStatus());
        boolean over = "resolved".equals(status) || "inactive".equals(status) || "remission".equals(status);
        LocalDate abated = c.hasAbatement() ? ctx.dates.effective(c.getAbatement()) : null;
        if (over && (abated == null || !abated.isAfter(ctx.asOf))) return false;
        String symptom = symptoms.of(c.getCode(), c.getBodySite());
        if (symptom == null) return false;
        ctx.out.symptoms.add(new PrimarySymptom(ctx.id(c), symptom, ctx.dates.onset(c), lateralities.of(c.getBodySite(), c.getCode())));
        return true;
    }

    static DateBasis basis(LocalDate d) {
        return d == null ? DateBasis.UNDATED : DateBasis.RECORDED;
    }
}
