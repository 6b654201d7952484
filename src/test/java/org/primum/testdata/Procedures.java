package org.primum.testdata;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.util.List;

import static org.primum.testdata.Codes.*;

/** Procedures done (Procedure) and proposed (ServiceRequest) of a test record; kinds are the names of {@link Codes#PROCEDURES}. */
public final class Procedures {
    private Procedures() {
    }

    /** Options of a procedure or an order. Default: SNOMED-coded, side not recorded, undated, an order in draft. */
    public static final class Options {
        private String side;
        private String date;
        private boolean prophylactic;
        private boolean cpt;
        private boolean active;
        private String requester;

        /** left | right: the breast's side (breast procedures only; the axilla and metastases take none). */
        public Options side(String side) { this.side = side; return this; }
        /** ISO date: performed for a procedure, authoredOn for an order. */
        public Options on(String iso) { this.date = iso; return this; }
        /** Risk-reducing: said in the code's text and as reason, as records write it. */
        public Options prophylactic() { this.prophylactic = true; return this; }
        /** The CPT code instead of SNOMED, where the kind has one. */
        public Options cpt() { this.cpt = true; return this; }
        /** An order already signed (status active) rather than a draft. */
        public Options active() { this.active = true; return this; }
        /** The practitioner ordering, e.g. "Practitioner/surgeon-1". */
        public Options requester(String reference) { this.requester = reference; return this; }
    }

    private static CodeableConcept code(String kind, Options o) {
        ProcedureCode k = known(PROCEDURES, kind, "procedure kind");
        CodeableConcept code = (o.cpt || k.snomed() == null) && k.cpt() != null ? cc(CPT, k.cpt(), k.display()) : cc(SCT, k.snomed(), k.display());
        if (o.prophylactic) code.setText("Prophylactic " + k.display().toLowerCase());
        return code;
    }

    private static List<CodeableConcept> bodySites(String kind, String side) {
        return switch (kind) {
            case "bone-radiotherapy", "bone-sbrt" -> List.of(cc(SCT, "272673000", "Bone structure"));
            case "liver-ablation" -> List.of(cc(SCT, "10200004", "Liver structure"));
            case "brain-radiotherapy" -> List.of(cc(SCT, "12738006", "Brain structure"));
            case "bilateral-mastectomy" -> List.of();
            // the axilla's side follows the breast's; records name it on the breast procedures only
            case "axillary-dissection", "sentinel-node-biopsy" -> List.of();
            default -> List.of(breast(side));
        };
    }

    static Procedure done(String id, String kind, Reference subject, Options o) {
        Procedure p = new Procedure();
        p.setId(id);
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.setSubject(subject);
        p.setCode(code(kind, o));
        bodySites(kind, o.side).forEach(p::addBodySite);
        if (o.date != null) p.setPerformed(new DateTimeType(o.date));
        if (o.prophylactic) p.addReasonCode().setText("prophylactic");
        return p;
    }

    static ServiceRequest proposed(String id, String kind, Reference subject, Options o) {
        ServiceRequest r = new ServiceRequest();
        r.setId(id);
        r.setStatus(o.active ? ServiceRequest.ServiceRequestStatus.ACTIVE : ServiceRequest.ServiceRequestStatus.DRAFT);
        r.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        r.setSubject(subject);
        if (o.requester != null) r.setRequester(new Reference(o.requester));
        r.setCode(code(kind, o));
        bodySites(kind, o.side).forEach(r::addBodySite);
        if (o.date != null) r.setAuthoredOnElement(new DateTimeType(o.date));
        if (o.prophylactic) r.addReasonCode().setText("prophylactic");
        return r;
    }
}
