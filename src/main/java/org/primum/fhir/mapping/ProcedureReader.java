package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.primum.facts.DrugClass;
import org.primum.facts.Laterality;
import org.primum.facts.Metastasis;
import org.primum.facts.ProcedureDone;
import org.primum.facts.ProcedureKind;
import org.primum.facts.ProposedOrder;
import org.primum.facts.SystemicTherapy;
import org.primum.fhir.terminology.Profiles;
import org.primum.fhir.terminology.SiteMapping;
import org.primum.fhir.terminology.Terminology;

import java.time.LocalDate;
import java.util.List;

import static org.primum.fhir.mapping.Codings.allText;

/**
 * Pass 4, Procedures (done: completed or in progress; proposed: in preparation) and ServiceRequests (proposed: draft,
 * active or on hold)
 * → procedure kind, side and prophylactic flag. A chemotherapy procedure is a systemic therapy.
 * Radiotherapy is locoregional only when aimed at the breast, chest wall or regional nodes, and is
 * aimed at a metastasis when its site or its reason (a metastasis Condition of pass 1) says so. The target
 * region a detail extension names (the MII radiotherapy's Zielgebiet, {@link ProcedureDetails}) is a body site.
 */
final class ProcedureReader {
    /** {@code site}: the metastatic organ site a treatment of a metastasis targets, or null. */
    private record Kind(ProcedureKind kind, Coding coding, String site) {
        Kind(ProcedureKind kind, Coding coding) {
            this(kind, coding, null);
        }

        String code() { return coding == null ? null : coding.getCode(); }
    }

    private final MappingContext ctx;
    private final Terminology t;
    private final ConditionRoles roles;
    private final Lateralities lateralities;

    ProcedureReader(MappingContext ctx, ConditionRoles roles) {
        this.ctx = ctx;
        this.t = ctx.t;
        this.roles = roles;
        this.lateralities = new Lateralities(ctx.t);
    }

    void read(Procedure p) {
        Procedure.ProcedureStatus s = p.getStatus();
        if (s == Procedure.ProcedureStatus.PREPARATION) {
            planned(p);
            return;
        }
        // stopped: begun and ended early (a radiotherapy course cut short for toxicity): given in part, as in progress
        if (s != Procedure.ProcedureStatus.COMPLETED && s != Procedure.ProcedureStatus.INPROGRESS
                && s != Procedure.ProcedureStatus.STOPPED) return;
        String id = ctx.id(p);
        LocalDate date = ctx.dates.effective(p.getPerformed());
        for (Coding k : p.getCode().getCoding()) {
            DrugClass systemic = t.systemicTherapyProcedure(k.getSystem(), k.getCode());
            if (systemic != null) {
                String name = systemic == DrugClass.CHEMOTHERAPY ? "chemotherapy" : Codings.display(k, p.getCode());
                ctx.out.therapies.add(new SystemicTherapy(id, systemic, name + " (procedure)", date));
                return;
            }
        }
        if (planningOnly(p.getCode())) {
            ctx.report.note("radiotherapy planning", "A radiotherapy planning or simulation was recorded: it prepares a radiotherapy, it is none.", id);
            return;
        }
        Sided read = sided(p, id);
        if (read == null) return;
        Kind kind = read.kind();
        Laterality side = read.side();
        ctx.out.procedures.add(new ProcedureDone(id, kind.kind(), kind.code(), side, prophylactic(p.getCode(), p.getReasonCode()), date, kind.site()));
        // a modified radical mastectomy (or CPT 19302, 19307...) is also an axillary dissection: one procedure, two acts
        if (kind.kind().breastSurgery() && p.getCode().getCoding().stream().anyMatch(k -> t.includesAxillaryDissection(k.getSystem(), k.getCode()))) {
            ctx.out.procedures.add(new ProcedureDone(id, ProcedureKind.AXILLARY_DISSECTION, kind.code(), side, false, date));
        }
    }

    void read(ServiceRequest r) {
        ServiceRequest.ServiceRequestStatus s = r.getStatus();
        // on hold: suspended, expected to resume, so still proposed (a safety check must not miss it)
        if (s != ServiceRequest.ServiceRequestStatus.DRAFT && s != ServiceRequest.ServiceRequestStatus.ACTIVE
                && s != ServiceRequest.ServiceRequestStatus.ONHOLD) return;
        if (Boolean.TRUE.equals(r.getDoNotPerformElement().getValue())) return;
        String id = ctx.id(r);
        ProcedureDetails details = ProcedureDetails.of(r, t);
        Kind kind = kind(r, r.getCode(), details.withSites(r.getBodySite()), r.getReasonReference(), details);
        if (kind == null) kind = orderKindByWords(r, details);
        if (kind == null) {
            unrecognised(id, "ServiceRequest.code", r.getCode());
            return;
        }
        Laterality side = lateralities.ofProcedure(details.withSitesAndSides(r.getBodySite()), r.getCode());
        if (side == null) side = lateralityByWords(r);
        // when it was ordered: authoredOn only. occurrence[x] is when it is to happen, usually after it was ordered: an
        // order scheduled for next week is under review today, and leaving it out would silence its safety checks
        LocalDate authored = r.hasAuthoredOn() ? ctx.dates.date(r.getAuthoredOnElement()) : null;
        ctx.out.orders.add(new ProposedOrder(id, kind.kind(), kind.code(), side, prophylactic(r.getCode(), r.getReasonCode()), s.toCode(),
                authored));
    }

    /**
     * A Procedure in preparation is planned, not done: a proposal like a draft ServiceRequest (some EHRs send their
     * surgical orders as such Procedures in CDS Hooks draftOrders). Ignored, it silenced every order check of it,
     * a contralateral mastectomy's included.
     */
    private void planned(Procedure p) {
        String id = ctx.id(p);
        Sided read = sided(p, id);
        if (read == null) return;
        ctx.out.orders.add(new ProposedOrder(id, read.kind().kind(), read.kind().code(), read.side(),
                prophylactic(p.getCode(), p.getReasonCode()), p.getStatus().toCode()));
    }

    private record Sided(Kind kind, Laterality side) {
    }

    /** A Procedure's kind (its code, body sites, reasons and detail extensions) and side; null when its code is not recognised (reported). */
    private Sided sided(Procedure p, String id) {
        ProcedureDetails details = ProcedureDetails.of(p, t);
        Kind kind = kind(p, p.getCode(), details.withSites(p.getBodySite()), p.getReasonReference(), details);
        if (kind == null) {
            unrecognised(id, "Procedure.code", p.getCode());
            return null;
        }
        return new Sided(kind, lateralities.ofProcedure(details.withSitesAndSides(p.getBodySite()), p.getCode()));
    }

    /**
     * An order written as text, or coded only in a local system ("Lumpectomy, left breast", "Whole breast
     * radiotherapy"), is common in EHRs; left unrecognised it silenced every order check. Its words name the kind
     * (mapping-settings order-kind-word); a radiotherapy's body site still decides whether it is locoregional.
     */
    private Kind orderKindByWords(ServiceRequest r, ProcedureDetails details) {
        String named = t.orderKindByText(allText(r.getCode()));
        if (named == null) return null;
        ctx.report.note("order", "An order was recognised by its name, not by its code.", ctx.id(r));
        Coding first = r.getCode().getCoding().isEmpty() ? null : r.getCode().getCodingFirstRep();
        Kind kind = resolve(named, first, r, r.getCode(), details.withSites(r.getBodySite()), r.getReasonReference(), details);
        // no coded site, but the words name the breast or chest wall ("whole breast radiotherapy")
        if (kind.kind() == ProcedureKind.RADIOTHERAPY_UNSPECIFIED_SITE && t.mentionsBreastSite(allText(r.getCode()))) {
            return new Kind(ProcedureKind.LOCOREGIONAL_RADIOTHERAPY, first);
        }
        return kind;
    }

    /** The kind a code or a word names ({@link Profiles#RADIOTHERAPY_BY_SITE}: the body site decides), with its target site. */
    private Kind resolve(String kind, Coding k, DomainResource r, CodeableConcept code, List<CodeableConcept> bodySites, List<Reference> reasons,
                         ProcedureDetails details) {
        if (ProcedureKind.METASTASIS_ABLATION.name().equals(kind)) return new Kind(ProcedureKind.METASTASIS_ABLATION, k, targetSite(r, code, bodySites, reasons));
        if (!Profiles.RADIOTHERAPY_BY_SITE.equals(kind)) return new Kind(ProcedureKind.valueOf(kind), k);
        ProcedureKind rt = radiotherapyKind(r, code, bodySites, reasons);
        if (rt != ProcedureKind.METASTASIS_RADIOTHERAPY) return new Kind(rt, k);
        // catalogue "ablated metastasis": stereotactic radiotherapy of a metastasis, or one meant to eradicate it, ablates
        // it; conventional or palliative radiotherapy does not. A generic code says which only in its words or details
        // (technique, intention); a palliative intention outweighs the technique
        boolean ablative = !details.palliative() && (details.ablative() || t.mentionsAblation(allText(code)));
        return new Kind(ablative ? ProcedureKind.METASTASIS_ABLATION : rt, k, targetSite(r, code, bodySites, reasons));
    }

    /**
     * A Procedure coded only as radiotherapy planning (CPT 77261-77263, simulation, dosimetry): the plan is made, the
     * treatment may never follow, so it is no radiotherapy done (it was read as one, an LRT when the breast was its site).
     * An order so coded still proposes the radiotherapy it plans. Another coding naming a treatment decides instead.
     */
    private boolean planningOnly(CodeableConcept code) {
        boolean planning = false;
        for (Coding k : code.getCoding()) {
            if (t.isRadiotherapyPlanning(k.getSystem(), k.getCode())) planning = true;
            else if (t.procedureKind(k.getSystem(), k.getCode()) != null) return false;
        }
        return planning;
    }

    /** The side an order names in words only (its code's or body site's text: "Right mastectomy"), when no code gives it. */
    private Laterality lateralityByWords(ServiceRequest r) {
        StringBuilder text = new StringBuilder(allText(r.getCode()));
        for (CodeableConcept b : r.getBodySite()) text.append(' ').append(allText(b));
        return t.lateralityByText(text.toString());
    }

    private void unrecognised(String id, String element, CodeableConcept code) {
        for (Coding k : code.getCoding()) ctx.report.unrecognised(id, element, k);
        if (code.getCoding().isEmpty() && code.hasText()) ctx.report.unrecognisedText(id, element, code.getText());
    }

    private Kind kind(DomainResource r, CodeableConcept code, List<CodeableConcept> bodySites, List<Reference> reasons, ProcedureDetails details) {
        for (Coding k : code.getCoding()) {
            String kind = t.procedureKind(k.getSystem(), k.getCode());
            if (kind != null) return resolve(kind, k, r, code, bodySites, reasons, details);
        }
        // a metastasectomy or ablation known by its words alone, aimed at a metastasis
        String site = targetSite(r, code, bodySites, reasons);
        if (site != null && t.mentionsAblation(allText(code))) {
            ctx.report.note("ablation", "An ablation of a metastasis was recognised by its name, not by its code.", ctx.id(r));
            return new Kind(ProcedureKind.METASTASIS_ABLATION, code.getCoding().isEmpty() ? null : code.getCodingFirstRep(), site);
        }
        if (t.mentionsTumourBoard(allText(code))) {
            ctx.report.note("tumour board", "A tumour board review was recognised by its name, not by its code.", ctx.id(r));
            return new Kind(ProcedureKind.TUMOUR_BOARD_REVIEW, code.getCoding().isEmpty() ? null : code.getCodingFirstRep());
        }
        return null;
    }

    /**
     * The metastatic organ site a procedure targets: its body site, else the site its code names (ICD-10-PCS
     * stereotactic radiosurgery of the brain, CPT ablation of liver tumours), else the metastasis its reason names; or null.
     */
    private String targetSite(DomainResource r, CodeableConcept code, List<CodeableConcept> bodySites, List<Reference> reasons) {
        for (CodeableConcept b : bodySites) {
            for (Coding k : b.getCoding()) {
                SiteMapping s = t.bodyStructureSite(k.getSystem(), k.getCode());
                if (s != null) return s.site();
            }
        }
        String named = siteOfCode(code);
        if (named != null) return named;
        for (Reference ref : reasons) {
            Resource target = ctx.index.resolve(ref, r);
            if (roles.isMetastasis(target) && target instanceof Condition c && roles.of(c).site() != null) {
                String site = roles.of(c).site().site();
                if (!Metastasis.UNSPECIFIED.equals(site)) return site;
            }
        }
        return null;
    }

    /** The metastatic site the procedure code itself names (ICD-10-PCS DP0: beam radiation of a bone), or null. */
    private String siteOfCode(CodeableConcept code) {
        for (Coding k : code.getCoding()) {
            String site = t.procedureTargetSite(k.getSystem(), k.getCode());
            if (site != null) return site;
        }
        return null;
    }

    /** Radiotherapy is locoregional only when aimed at the breast, chest wall or regional nodes. */
    private ProcedureKind radiotherapyKind(DomainResource r, CodeableConcept code, List<CodeableConcept> bodySites, List<Reference> reasons) {
        boolean metastatic = false;
        for (CodeableConcept b : bodySites) {
            for (Coding k : b.getCoding()) {
                if (t.locoregionalRegion(k.getSystem(), k.getCode()) != null) return ProcedureKind.LOCOREGIONAL_RADIOTHERAPY;
                if (t.bodyStructureSite(k.getSystem(), k.getCode()) != null) metastatic = true;
            }
        }
        if (metastatic || siteOfCode(code) != null) return ProcedureKind.METASTASIS_RADIOTHERAPY;
        for (Reference ref : reasons) {
            Resource target = ctx.index.resolve(ref, r);
            if (roles.isMetastasis(target)) return ProcedureKind.METASTASIS_RADIOTHERAPY;
            // aimed at the primary's disease without a site: still not proven locoregional
            if (roles.isPrimary(target) && bodySites.isEmpty()) break;
        }
        for (CodeableConcept b : bodySites) for (Coding k : b.getCoding()) ctx.report.unrecognised(ctx.id(r), r.fhirType() + ".bodySite", k);
        return ProcedureKind.RADIOTHERAPY_UNSPECIFIED_SITE;
    }

    private boolean prophylactic(CodeableConcept code, List<CodeableConcept> reasons) {
        for (Coding k : code.getCoding()) if (t.isProphylacticMastectomy(k.getSystem(), k.getCode())) return true;
        if (t.mentionsProphylactic(allText(code))) return true;
        for (CodeableConcept r : reasons) {
            // a reason coded as prophylactic removal (ICD-10-CM Z40.01), as US orders give it, often without a display
            for (Coding k : r.getCoding()) if (t.isProphylacticMastectomy(k.getSystem(), k.getCode())) return true;
            if (t.mentionsProphylactic(allText(r))) return true;
        }
        return false;
    }
}
