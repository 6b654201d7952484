package org.primum.scenarios;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.primum.testdata.Codes;
import org.primum.testdata.FhirRecord;
import org.primum.testdata.Procedures;

import static org.primum.scenarios.ScenarioCase.orEmpty;

/**
 * Turns a {@link ScenarioCase} into the FHIR R4 Bundle an EHR would send, through the one test-data builder
 * {@link FhirRecord}: this class only reads the case's words (coding: icd10 | pattern, answers: snomed |
 * interpretation, resource: statement | …) into the builder's options. The case chooses the coding style per
 * record, so the scenarios exercise the mapping as real data would.
 */
public final class FhirCaseBuilder {

    private FhirCaseBuilder() {
    }

    public static Bundle build(ScenarioCase c) {
        FhirRecord r = FhirRecord.patient(c.patient() == null ? "patient" : c.patient().id());
        if (c.patient() != null) {
            if (c.patient().birthDate() != null) r.born(c.patient().birthDate());
            if ("male".equals(c.patient().sex())) r.male();
            if (c.patient().deceased() != null) r.deceased(c.patient().deceased());
        }
        for (ScenarioCase.Primary p : c.allPrimaries()) {
            r.primary(p.id(), o -> {
                o.side(p.laterality()).onset(p.date());
                if ("icd10".equals(p.coding())) o.icd10();
                if ("pattern".equals(p.coding())) o.mcodePattern();
            });
        }
        for (ScenarioCase.OtherCondition o : orEmpty(c.otherConditions())) r.condition(o.id(), o.snomed(), o.display(), o.date());
        for (ScenarioCase.Met m : orEmpty(c.metastases())) {
            r.metastasis(m.id(), m.site(), o -> {
                o.onset(m.date()).lesions(m.count()).side(m.laterality());
                if (m.withBodySite()) o.withBodySite();
                if ("icd10".equals(m.coding())) o.icd10();
                if ("pattern".equals(m.coding())) o.mcodePattern();
            });
            if (m.relatedTo() != null) relate(resource(r, m.id(), Condition.class), m.relatedTo());
        }
        if (c.receptors() != null) receptors(r, c.receptors());
        for (ScenarioCase.Her2Test h : orEmpty(c.her2Tests())) {
            r.receptor(h.id(), "her2", h.value(), o -> {
                o.on(h.date());
                if ("ish".equals(h.method())) o.ish();
                else o.ihc();
            });
        }
        for (ScenarioCase.MarkerTest t : orEmpty(c.markerTests())) r.receptor(t.id(), t.marker(), t.value(), o -> o.on(t.date()));
        for (ScenarioCase.Therapy t : orEmpty(c.therapies())) {
            r.therapy(t.id(), t.drug(), o -> {
                o.start(t.start());
                switch (t.resource() == null ? "request" : t.resource()) {
                    case "request" -> { }
                    case "request-reference" -> o.containedMedication();
                    case "statement" -> o.statement();
                    case "administration" -> o.administration();
                    case "procedure" -> o.chemotherapyProcedure();
                    default -> throw new IllegalArgumentException("therapy resource " + t.resource());
                }
            });
            if (t.status() != null) therapyStatus(resource(r, t.id(), Resource.class), t.status());
        }
        for (ScenarioCase.Status s : orEmpty(c.statuses())) {
            r.status(s.id(), s.focus(), s.value(), o -> {
                o.on(s.date());
                if ("88040-1".equals(s.loinc())) o.responseLoinc();
            });
        }
        for (ScenarioCase.Performance p : orEmpty(c.performance())) r.performance(p.id(), p.scale(), p.score(), p.date());
        for (ScenarioCase.Tnm t : orEmpty(c.tnm())) {
            r.tnm(t.id(), t.category(), o -> {
                o.on(t.date());
                if ("snomed".equals(t.coding())) o.snomed();
            });
        }
        for (ScenarioCase.Proc p : orEmpty(c.procedures())) r.procedure(p.id(), p.kind(), o -> procedure(o, p));
        for (ScenarioCase.Proc p : orEmpty(c.orders())) {
            r.order(p.id(), p.kind(), o -> {
                procedure(o, p);
                if ("active".equals(p.status())) o.active();
            });
            if (p.status() != null && !"active".equals(p.status()) && !"draft".equals(p.status())) {
                resource(r, p.id(), ServiceRequest.class).setStatus(ServiceRequest.ServiceRequestStatus.fromCode(p.status()));
            }
        }
        for (ScenarioCase.Symptom s : orEmpty(c.symptoms())) r.symptom(s.id(), s.kind(), s.laterality(), s.date());
        for (ScenarioCase.Margin m : orEmpty(c.margins())) r.margin(m.id(), m.involved(), m.date(), m.laterality());
        return r.bundle();
    }

    /** The record's resource of that id and type (ids are unique per type in a case). */
    private static <T extends Resource> T resource(FhirRecord r, String id, Class<T> type) {
        return r.resources().stream().filter(type::isInstance).filter(x -> id.equals(x.getIdElement().getIdPart()))
                .map(type::cast).findFirst().orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " " + id));
    }

    /** The metastasis names another condition as its primary (condition-related), e.g. a lung cancer's brain metastasis. */
    private static void relate(Condition metastasis, String conditionId) {
        metastasis.getExtension().removeIf(e -> Codes.CONDITION_RELATED.equals(e.getUrl()));
        metastasis.addExtension(Codes.CONDITION_RELATED, new Reference("Condition/" + conditionId));
    }

    /** The therapy resource's status as the case says (each resource type has its own status code system). */
    private static void therapyStatus(Resource therapy, String status) {
        try {
            if (therapy instanceof MedicationRequest x) x.setStatus(MedicationRequest.MedicationRequestStatus.fromCode(status));
            else if (therapy instanceof MedicationStatement x) x.setStatus(MedicationStatement.MedicationStatementStatus.fromCode(status));
            else if (therapy instanceof MedicationAdministration x) x.setStatus(MedicationAdministration.MedicationAdministrationStatus.fromCode(status));
            else if (therapy instanceof Procedure x) x.setStatus(Procedure.ProcedureStatus.fromCode(status));
            else throw new IllegalArgumentException("therapy resource " + therapy.fhirType());
        } catch (org.hl7.fhir.exceptions.FHIRException e) {
            throw new IllegalArgumentException("therapy status " + status + " of " + therapy.fhirType(), e);
        }
    }

    /** One Observation per marker recorded ("rec-er", "rec-pr", "rec-her2"); a marker left out is not recorded. */
    private static void receptors(FhirRecord r, ScenarioCase.Receptors rec) {
        String[][] markers = {{"er", rec.er()}, {"pr", rec.pr()}, {"her2", rec.her2()}};
        for (String[] m : markers) {
            if (m[1] == null) continue;
            r.receptor("rec-" + m[0], m[0], m[1], o -> {
                o.on(rec.date());
                if ("snomed".equals(rec.answers())) o.snomedAnswers();
                if ("interpretation".equals(rec.answers())) o.interpretationTests();
            });
        }
    }

    private static void procedure(Procedures.Options o, ScenarioCase.Proc p) {
        o.side(p.laterality()).on(p.date());
        if (p.isProphylactic()) o.prophylactic();
        if ("cpt".equals(p.coding())) o.cpt();
    }
}
