package org.primum.testdata;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import static org.primum.testdata.Codes.*;

/** Systemic therapy of a test record, in each of the resources EHRs record it with. */
public final class Medications {
    private Medications() {
    }

    enum Kind { REQUEST, REQUEST_REFERENCE, STATEMENT, ADMINISTRATION, PROCEDURE }

    /** Options of a therapy. Default: an active MedicationRequest with the RxNorm code, no start date. */
    public static final class Therapy {
        private String start;
        private Kind kind = Kind.REQUEST;

        /** ISO start date: authoredOn, effective[x] or performed[x], as the resource has it. */
        public Therapy start(String iso) { this.start = iso; return this; }
        /** A MedicationRequest whose drug is a contained Medication (medicationReference "#med"). */
        public Therapy containedMedication() { this.kind = Kind.REQUEST_REFERENCE; return this; }
        public Therapy statement() { this.kind = Kind.STATEMENT; return this; }
        public Therapy administration() { this.kind = Kind.ADMINISTRATION; return this; }
        /** A chemotherapy Procedure (SNOMED 367336001), which names no drug: evidence of systemic therapy too. */
        public Therapy chemotherapyProcedure() { this.kind = Kind.PROCEDURE; return this; }
    }

    /** {@code drug}: a name of {@link Codes#DRUGS}. */
    static Resource therapy(String id, String drug, Reference subject, Therapy o) {
        Drug d = known(DRUGS, drug, "drug");
        CodeableConcept med = cc(RXNORM, d.rxnorm(), d.display());
        return switch (o.kind) {
            case STATEMENT -> {
                MedicationStatement s = new MedicationStatement();
                s.setId(id);
                s.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
                s.setSubject(subject);
                s.setMedication(med);
                if (o.start != null) s.setEffective(new Period().setStartElement(new DateTimeType(o.start)));
                yield s;
            }
            case ADMINISTRATION -> {
                MedicationAdministration a = new MedicationAdministration();
                a.setId(id);
                a.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
                a.setSubject(subject);
                a.setMedication(med);
                if (o.start != null) a.setEffective(new DateTimeType(o.start));
                yield a;
            }
            case PROCEDURE -> {
                Procedure p = new Procedure();
                p.setId(id);
                p.setStatus(Procedure.ProcedureStatus.COMPLETED);
                p.setSubject(subject);
                p.setCode(cc(SCT, "367336001", "Chemotherapy"));
                if (o.start != null) p.setPerformed(new DateTimeType(o.start));
                yield p;
            }
            case REQUEST_REFERENCE -> {
                MedicationRequest r = request(id, subject, o.start);
                Medication m = new Medication();
                m.setId("med");
                m.setCode(med);
                r.addContained(m);
                r.setMedication(new Reference("#med"));
                yield r;
            }
            case REQUEST -> {
                MedicationRequest r = request(id, subject, o.start);
                r.setMedication(med);
                yield r;
            }
        };
    }

    private static MedicationRequest request(String id, Reference subject, String start) {
        MedicationRequest r = new MedicationRequest();
        r.setId(id);
        r.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        r.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        r.setSubject(subject);
        if (start != null) r.setAuthoredOnElement(new DateTimeType(start));
        return r;
    }
}
