package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Type;
import org.primum.facts.SystemicTherapy;
import org.primum.fhir.terminology.Terminology;
import org.primum.fhir.terminology.Ingredient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.primum.fhir.mapping.Codings.allText;

/**
 * Pass 4, medications (requests, statements, administrations, dispenses) → systemic therapies. The drug is the
 * medication's code, or the code or ingredients of the Medication it references (bundled or contained),
 * else its name; the class comes from the ingredient. Records that are not a therapy given (errors,
 * cancelled, not taken, drafts, proposals and plans) are skipped: weeks on therapy run from a real start.
 * A therapy whose reasons all name another disease (another cancer's Condition, by reasonReference) is not therapy
 * for this breast cancer: it is left out, with a note, whatever its date.
 */
final class MedicationReader {
    private final MappingContext ctx;
    private final Terminology t;
    private final ConditionRoles roles;

    MedicationReader(MappingContext ctx, ConditionRoles roles) {
        this.ctx = ctx;
        this.t = ctx.t;
        this.roles = roles;
    }

    void read(MedicationRequest m) {
        MedicationRequest.MedicationRequestStatus s = m.getStatus();
        if (s == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR || s == MedicationRequest.MedicationRequestStatus.CANCELLED
                || s == MedicationRequest.MedicationRequestStatus.DRAFT || Boolean.TRUE.equals(m.getDoNotPerformElement().getValue())) return;
        // a proposal or a plan is not a therapy started: weeks on therapy run from a real start
        MedicationRequest.MedicationRequestIntent intent = m.getIntent();
        if (intent == MedicationRequest.MedicationRequestIntent.PROPOSAL || intent == MedicationRequest.MedicationRequestIntent.PLAN) return;
        LocalDate start = ctx.dates.date(m.getAuthoredOnElement());
        if (start == null && m.getDispenseRequest().getValidityPeriod().hasStart()) {
            start = ctx.dates.date(m.getDispenseRequest().getValidityPeriod().getStartElement());
        }
        if (start == null) start = dosageStart(m.getDosageInstruction());
        therapy(m, m.getMedication(), start, "MedicationRequest.medication", m.getReasonReference());
    }

    /**
     * The earliest start the dosage instructions give (timing bounds, else the first timing event): EHR exports
     * often leave authoredOn out and say when the drug is to be taken there. Without it the start would be unknown
     * (DATA_MISSING_THERAPY_START) although the record states it.
     */
    private LocalDate dosageStart(List<Dosage> dosages) {
        LocalDate earliest = null;
        for (Dosage d : dosages) {
            Timing timing = d.getTiming();
            LocalDate s = null;
            if (timing.getRepeat().getBounds() instanceof Period p && p.hasStart()) s = ctx.dates.date(p.getStartElement());
            for (DateTimeType e : timing.getEvent()) {
                LocalDate ev = ctx.dates.date(e);
                if (ev != null && (s == null || ev.isBefore(s))) s = ev;
            }
            if (s != null && (earliest == null || s.isBefore(earliest))) earliest = s;
        }
        return earliest;
    }

    void read(MedicationStatement m) {
        MedicationStatement.MedicationStatementStatus s = m.getStatus();
        if (s == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR || s == MedicationStatement.MedicationStatementStatus.NOTTAKEN
                || s == MedicationStatement.MedicationStatementStatus.INTENDED) return;
        therapy(m, m.getMedication(), ctx.dates.effective(m.getEffective()), "MedicationStatement.medication", m.getReasonReference());
    }

    void read(MedicationAdministration m) {
        MedicationAdministration.MedicationAdministrationStatus s = m.getStatus();
        if (s == MedicationAdministration.MedicationAdministrationStatus.ENTEREDINERROR
                || s == MedicationAdministration.MedicationAdministrationStatus.NOTDONE) return;
        therapy(m, m.getMedication(), ctx.dates.effective(m.getEffective()), "MedicationAdministration.medication", m.getReasonReference());
    }

    /**
     * A dispense the patient took home (status completed: "the dispensed product has been picked up") is a therapy
     * started, from when it was handed over (else prepared): pharmacy feeds often carry no order. One in preparation,
     * waiting for pickup, stopped before it was handed over, declined, cancelled or in error is none.
     */
    void read(MedicationDispense m) {
        if (m.getStatus() != MedicationDispense.MedicationDispenseStatus.COMPLETED) return;
        LocalDate start = ctx.dates.date(m.getWhenHandedOverElement());
        if (start == null) start = ctx.dates.date(m.getWhenPreparedElement());
        therapy(m, m.getMedication(), start, "MedicationDispense.medication", List.of());
    }

    /**
     * Every reason names a Condition read as another disease (catalogue "weeks on systemic therapy": only therapy for
     * this cancer counts). The 30-day margin before the diagnosis cannot tell it by date: in a real export (Synthea's,
     * via SMART's sample) a lung cancer's cisplatin given twelve days before the breast cancer was found started the
     * clock of the breast cancer. A reason that does not resolve, or names this cancer, its nodes or metastases, or
     * no reason at all, keeps the therapy.
     */
    private boolean forAnotherDisease(DomainResource r, List<Reference> reasons) {
        if (reasons.isEmpty()) return false;
        for (Reference ref : reasons) {
            if (!roles.isOtherDisease(ctx.index.resolve(ref, r))) return false;
        }
        ctx.report.note("medication", "A systemic therapy given for another disease (its reason) is not therapy for this cancer: left out.",
                ctx.id(r));
        return true;
    }

    /** {@code reasons}: why it was given (a dispense says not); checked only once the drug is known to be a systemic therapy. */
    private void therapy(DomainResource r, Type medication, LocalDate start, String element, List<Reference> reasons) {
        String id = ctx.id(r);
        List<CodeableConcept> concepts = concepts(r, medication);
        Ingredient ing = null;
        for (CodeableConcept cc : concepts) {
            for (Coding k : cc.getCoding()) {
                ing = t.ingredient(k.getSystem(), k.getCode());
                if (ing != null) break;
            }
            if (ing != null) break;
        }
        boolean byText = false;
        if (ing == null) {
            for (CodeableConcept cc : concepts) {
                ing = t.ingredientByText(allText(cc));
                if (ing != null) {
                    byText = true;
                    break;
                }
            }
        }
        if (ing == null) {
            unrecognised(id, element, concepts);
            return;
        }
        if (forAnotherDisease(r, reasons)) return;
        if (byText) ctx.report.note("medication", "A medication was recognised by its name, not by its code.", id);
        ctx.out.therapies.add(new SystemicTherapy(id, ing.drugClass(), ing.name(), start));
    }

    /** The concepts that may name the drug: medicationCodeableConcept, or the referenced Medication's code and ingredients. */
    private List<CodeableConcept> concepts(DomainResource r, Type medication) {
        List<CodeableConcept> concepts = new ArrayList<>();
        if (medication instanceof CodeableConcept cc) {
            concepts.add(cc);
        } else if (medication instanceof Reference ref) {
            Resource target = ctx.index.resolve(ref, r);
            if (target instanceof Medication med) {
                concepts.add(med.getCode());
                for (Medication.MedicationIngredientComponent ing : med.getIngredient()) {
                    if (ing.getItem() instanceof CodeableConcept ic) concepts.add(ic);
                }
            } else if (ref.hasDisplay()) {
                concepts.add(new CodeableConcept().setText(ref.getDisplay()));
            }
        }
        return concepts;
    }

    private void unrecognised(String id, String element, List<CodeableConcept> concepts) {
        boolean any = false;
        for (CodeableConcept cc : concepts) {
            for (Coding k : cc.getCoding()) {
                ctx.report.unrecognised(id, element, k);
                any = true;
            }
        }
        if (any) return;
        String text = concepts.isEmpty() ? null : allText(concepts.get(0));
        if (text != null && !text.isBlank()) ctx.report.unrecognisedText(id, element, text);
        else ctx.report.note("medication", "A medication record names no drug.", id);
    }
}
