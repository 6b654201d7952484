package org.primum.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the mapping read from one patient's FHIR resources, before any interpretation: every
 * record with its own date (or none), whatever the evaluation date. {@link org.primum.definitions.ClinicalInterpreter}
 * applies the catalogue's definitions to it.
 */
public record ClinicalRecord(PatientInfo patient,
                             List<PrimaryTumour> primaries,
                             List<Metastasis> metastases,
                             List<NodalDisease> nodes,
                             List<TnmCategory> staging,
                             List<ReceptorStatus> receptors,
                             List<PerformanceStatus> performance,
                             List<DiseaseStatus> diseaseStatuses,
                             List<LesionMeasurement> lesionMeasurements,
                             List<SystemicTherapy> therapies,
                             List<ProcedureDone> procedures,
                             List<ProposedOrder> orders,
                             List<PrimarySymptom> symptoms,
                             List<MarginStatus> margins,
                             List<UnrecognisedCode> unrecognised,
                             List<MappingNote> notes) {

    public ClinicalRecord {
        primaries = List.copyOf(primaries);
        metastases = List.copyOf(metastases);
        nodes = List.copyOf(nodes);
        staging = List.copyOf(staging);
        receptors = List.copyOf(receptors);
        performance = List.copyOf(performance);
        diseaseStatuses = List.copyOf(diseaseStatuses);
        lesionMeasurements = List.copyOf(lesionMeasurements);
        therapies = List.copyOf(therapies);
        procedures = List.copyOf(procedures);
        orders = List.copyOf(orders);
        symptoms = List.copyOf(symptoms);
        margins = List.copyOf(margins);
        unrecognised = List.copyOf(unrecognised);
        notes = List.copyOf(notes);
    }

    /** Mutable collector used while mapping; {@link #build()} freezes it. */
    public static final class Builder {
        public PatientInfo patient;
        public final List<PrimaryTumour> primaries = new ArrayList<>();
        public final List<Metastasis> metastases = new ArrayList<>();
        public final List<NodalDisease> nodes = new ArrayList<>();
        public final List<TnmCategory> staging = new ArrayList<>();
        public final List<ReceptorStatus> receptors = new ArrayList<>();
        public final List<PerformanceStatus> performance = new ArrayList<>();
        public final List<DiseaseStatus> diseaseStatuses = new ArrayList<>();
        public final List<LesionMeasurement> lesionMeasurements = new ArrayList<>();
        public final List<SystemicTherapy> therapies = new ArrayList<>();
        public final List<ProcedureDone> procedures = new ArrayList<>();
        public final List<ProposedOrder> orders = new ArrayList<>();
        public final List<PrimarySymptom> symptoms = new ArrayList<>();
        public final List<MarginStatus> margins = new ArrayList<>();
        public final List<UnrecognisedCode> unrecognised = new ArrayList<>();
        public final List<MappingNote> notes = new ArrayList<>();

        public ClinicalRecord build() {
            return new ClinicalRecord(patient, primaries, metastases, nodes, staging, receptors, performance, diseaseStatuses, lesionMeasurements,
                    therapies, procedures, orders, symptoms, margins, unrecognised, notes);
        }
    }
}
