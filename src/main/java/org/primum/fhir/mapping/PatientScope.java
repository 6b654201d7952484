package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Who the record is about, and which resources are about them: a resource whose subject is another
 * patient (by reference, or by an identifier the Patient does not carry) is ignored; a resource without
 * subject (Medication...) is kept.
 */
final class PatientScope {
    private final Patient patient;
    private final String id;
    private final String sourceId;
    private final ResourceIndex index;

    private PatientScope(Patient patient, String id, String sourceId, ResourceIndex index) {
        this.patient = patient;
        this.id = id;
        this.sourceId = sourceId;
        this.index = index;
    }

    /** The Patient resource of the request (already in {@code index}). */
    static PatientScope of(Patient p, ResourceIndex index) {
        String sourceId = index.sourceId(p);
        return new PatientScope(p, sourceId.substring("Patient/".length()), sourceId, index);
    }

    /** No Patient resource: the id the caller named (CDS Hooks context). */
    static PatientScope withoutResource(String patientId, ResourceIndex index) {
        return new PatientScope(null, patientId, "Patient/" + patientId, index);
    }

    boolean includes(Resource r) {
        Reference subject = subject(r);
        if (subject == null) return true;
        if (!subject.hasReference()) return !subject.hasIdentifier() || carries(subject.getIdentifier());
        Resource target = index.resolve(subject, null);
        if (target != null) return target == patient || (target instanceof Patient && sourceId.equals(index.sourceId(target)));
        String ref = subject.getReference();
        String tail = ResourceIndex.typeIdTail(ref);
        if (tail != null) return tail.equals(sourceId);
        if (ref.startsWith("urn:uuid:")) return ref.substring("urn:uuid:".length()).equals(id);
        return true;
    }

    /**
     * A subject given by identifier only (a logical reference, FHIR R4 Reference.identifier) is the patient when the
     * Patient carries that identifier (same value; same system when both name one); an identifier the Patient does not
     * carry names someone else. Without a Patient resource, or a Patient without identifiers, nothing tells: kept.
     */
    private boolean carries(Identifier named) {
        if (patient == null || !patient.hasIdentifier() || !named.hasValue()) return true;
        for (Identifier own : patient.getIdentifier()) {
            if (named.getValue().equals(own.getValue())
                    && (!named.hasSystem() || !own.hasSystem() || named.getSystem().equals(own.getSystem()))) return true;
        }
        return false;
    }

    private static Reference subject(Resource r) {
        if (r instanceof Condition c) return c.getSubject();
        if (r instanceof Observation o) return o.getSubject();
        if (r instanceof MedicationRequest m) return m.getSubject();
        if (r instanceof MedicationStatement m) return m.getSubject();
        if (r instanceof MedicationAdministration m) return m.getSubject();
        if (r instanceof MedicationDispense m) return m.getSubject();
        if (r instanceof Procedure p) return p.getSubject();
        if (r instanceof ServiceRequest s) return s.getSubject();
        if (r instanceof CarePlan c) return c.getSubject();
        if (r instanceof Encounter e) return e.getSubject();
        if (r instanceof Communication c) return c.getSubject();
        return null;
    }
}
