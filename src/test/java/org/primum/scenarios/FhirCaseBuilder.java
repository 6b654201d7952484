package org.primum.scenarios;

import org.hl7.fhir.r4.model.Bundle;
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
        for (ScenarioCase.Met m : orEmpty(c.metastases())) {
            r.metastasis(m.id(), m.site(), o -> {
                o.onset(m.date()).lesions(m.count()).side(m.laterality());
                if (m.withBodySite()) o.withBodySite();
                if ("icd10".equals(m.coding())) o.icd10();
                if ("pattern".equals(m.coding())) o.mcodePattern();
            });
        }
        if (c.receptors() != null) receptors(r, c.receptors());
        for (ScenarioCase.Her2Test h : orEmpty(c.her2Tests())) {
            r.receptor(h.id(), "her2", h.value(), o -> {
                o.on(h.date());
                if ("ish".equals(h.method())) o.ish();
                else o.ihc();
            });
        }
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
        }
        for (ScenarioCase.Symptom s : orEmpty(c.symptoms())) r.symptom(s.id(), s.kind(), s.laterality(), s.date());
        for (ScenarioCase.Margin m : orEmpty(c.margins())) r.margin(m.id(), m.involved(), m.date());
        return r.bundle();
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
