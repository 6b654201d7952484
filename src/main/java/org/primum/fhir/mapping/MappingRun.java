package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.primum.facts.ClinicalRecord;
import org.primum.fhir.terminology.Terminology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One mapping of one patient's resources to a {@link ClinicalRecord}, in passes whose order is fixed
 * here (see {@link #map}). Each pass hands what it learnt to the later ones as a value of its own, so
 * a reader cannot run before what it needs exists. Every resource is read under the {@link Guard}: bad
 * data costs that resource only (a note); a bug propagates. Not thread-safe: one per request.
 * Public only for {@link org.primum.fhir.FhirMapper}, the API, which checks the input's shape first.
 */
public final class MappingRun {
    private final MappingContext ctx;
    private final Guard guard;
    private final List<Resource> resources = new ArrayList<>();

    /** {@code asOf} null: today. */
    public MappingRun(Terminology terminology, LocalDate asOf) {
        this.ctx = new MappingContext(terminology, asOf == null ? LocalDate.now() : asOf);
        this.guard = new Guard(ctx.index, ctx.report);
    }

    /** A resource of the request; {@code fullUrl} (may be null) is how other resources may reference it. */
    public void add(Resource r, String fullUrl) {
        ctx.index.add(r, fullUrl);
        resources.add(r);
    }

    /**
     * Maps the resources about {@code patient} (added before), or, without a Patient resource, about
     * {@code patientId}.
     */
    public ClinicalRecord map(Patient patient, String patientId) {
        PatientScope scope;
        if (patient != null) {
            scope = PatientScope.of(patient, ctx.index);
            ctx.out.patient = new PatientReader(ctx).read(patient);
        } else {
            scope = PatientScope.withoutResource(patientId, ctx.index);
            ctx.report.note("patient", "No Patient resource was given: age and sex are unknown.");
        }
        DiagnosisCertainty certainty = new DiagnosisCertainty(ctx);
        List<Resource> mine = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Resource r : resources) {
            if (r instanceof Patient) continue;
            if (!scope.includes(r)) {
                others.add(ctx.id(r));
                continue;
            }
            mine.add(r);
            if (r instanceof Condition c && !certainty.leftOut(c)) conditions.add(c);
            else if (r instanceof Observation o && !ignored(o)) observations.add(o);
        }

        // Said, not silent: a record that names another patient may be a producer's slip (a wrong subject) hiding
        // this patient's cancer, or a Bundle that mixes patients; either way the answer is without it.
        if (!others.isEmpty()) {
            ctx.report.note("other patient", others.size() + " resource(s) of the request name another patient as their subject:"
                    + " left out of this patient's record.", others.toArray(String[]::new));
        }

        // 1. What each Condition is (primary, metastasis, regional nodes, other cancer). Needed before any
        //    fact: a disease status, a radiotherapy reason or a lesion count points to a Condition by reference.
        ConditionRoles roles = new ConditionRoles();
        ConditionClassifier classifier = new ConditionClassifier(ctx, roles);
        for (Condition c : conditions) guard.read(c, () -> classifier.read(c));

        // 2. Lesion counts, before the metastases are built: a count Observation focuses on the metastasis.
        LesionCounts lesionCounts = new LesionCounts(ctx);
        for (Observation o : observations) guard.read(o, () -> lesionCounts.read(o));

        // 3. Conditions → primaries, metastases (with their counts), symptoms, unrecognised neoplasms. A count
        //    without focus can be given to the metastases only once they are all known.
        ConditionReader conditionReader = new ConditionReader(ctx, lesionCounts);
        for (Condition c : conditions) {
            ConditionRoles.Classified k = roles.of(c);
            if (k != null) guard.read(c, () -> conditionReader.read(c, k));
        }
        lesionCounts.applyUnfocused();

        // 4. Everything else, in the order of the request, using the roles of pass 1 and counts of pass 2.
        Deaths deaths = new Deaths(ctx);
        ObservationReader observationReader = new ObservationReader(ctx, roles, lesionCounts, deaths);
        MedicationReader medicationReader = new MedicationReader(ctx, roles);
        ProcedureReader procedureReader = new ProcedureReader(ctx, roles);
        CarePlanReader carePlanReader = new CarePlanReader(ctx);
        ReviewReader reviewReader = new ReviewReader(ctx);
        for (Resource r : mine) {
            if (r instanceof Observation o) {
                if (!ignored(o)) guard.read(o, () -> observationReader.read(o));
            } else if (r instanceof MedicationRequest m) {
                guard.read(m, () -> medicationReader.read(m));
            } else if (r instanceof MedicationStatement m) {
                guard.read(m, () -> medicationReader.read(m));
            } else if (r instanceof MedicationAdministration m) {
                guard.read(m, () -> medicationReader.read(m));
            } else if (r instanceof MedicationDispense m) {
                guard.read(m, () -> medicationReader.read(m));
            } else if (r instanceof Procedure p) {
                guard.read(p, () -> procedureReader.read(p));
            } else if (r instanceof ServiceRequest s) {
                guard.read(s, () -> procedureReader.read(s));
            } else if (r instanceof CarePlan c) {
                guard.read(c, () -> carePlanReader.read(c));
            } else if (r instanceof Encounter e) {
                guard.read(e, () -> reviewReader.read(e));
            } else if (r instanceof Communication c) {
                guard.read(c, () -> reviewReader.read(c));
            }
        }
        // a death stated by an Observation (pass 4) is the patient's
        ctx.out.patient = deaths.applyTo(ctx.out.patient);

        ctx.report.writeTo(ctx.out);
        return ctx.out.build();
    }

    private static boolean ignored(Observation o) {
        return o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                || o.getStatus() == Observation.ObservationStatus.CANCELLED;
    }
}
