package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.primum.facts.PerformanceScale;
import org.primum.facts.PrimarySymptom;
import org.primum.fhir.terminology.Profiles;
import org.primum.fhir.terminology.Terminology;
import org.primum.fhir.terminology.ReceptorTest;
import org.primum.fhir.terminology.TnmAxisMapping;

import java.util.List;

/**
 * Pass 4, Observations: the code says which reader reads it (the first coding any file recognises
 * decides): staging, receptor, disease status, performance status, margin, site of metastasis, lesion size (lesion
 * counts were read in pass 2), a death; else its components (performance scores, receptor results of a panel). An Observation no file recognises may still be a symptom of the breast
 * tumour, unless its value says the finding is absent.
 */
final class ObservationReader {
    private final MappingContext ctx;
    private final Terminology t;
    private final StagingReader staging;
    private final ReceptorReader receptors;
    private final DiseaseStatusReader diseaseStatus;
    private final PerformanceReader performance;
    private final MarginReader margins;
    private final MetastasisSiteReader metastasisSites;
    private final Symptoms symptoms;
    private final Lateralities lateralities;
    private final Deaths deaths;
    private final LesionMeasurementReader lesionSizes;

    ObservationReader(MappingContext ctx, ConditionRoles roles, LesionCounts lesionCounts, Deaths deaths) {
        this.ctx = ctx;
        this.t = ctx.t;
        this.staging = new StagingReader(ctx);
        this.receptors = new ReceptorReader(ctx);
        this.diseaseStatus = new DiseaseStatusReader(ctx, roles);
        this.performance = new PerformanceReader(ctx);
        this.margins = new MarginReader(ctx);
        this.metastasisSites = new MetastasisSiteReader(ctx, lesionCounts);
        this.symptoms = new Symptoms(ctx.t);
        this.lateralities = new Lateralities(ctx.t);
        this.deaths = deaths;
        this.lesionSizes = new LesionMeasurementReader(ctx, roles);
    }

    void read(Observation o) {
        CodeableConcept code = o.getCode();
        for (Coding k : code.getCoding()) {
            String system = k.getSystem(), c = k.getCode();
            TnmAxisMapping axis = t.tnmAxis(system, c);
            if (axis != null) { staging.read(o, axis); return; }
            ReceptorTest rt = t.receptorTest(system, c);
            if (rt != null) { receptors.read(o, rt); return; }
            if (t.isDiseaseStatus(system, c)) { diseaseStatus.read(o); return; }
            PerformanceScale scale = t.performanceScale(system, c);
            if (scale != null) { performance.read(o, scale); return; }
            if (t.isMarginObservation(system, c)) { margins.read(o); return; }
            if (t.isMetastasisSiteObservation(system, c)) { metastasisSites.read(o); return; }
            if (t.isLesionCount(system, c)) return;
            if (t.contains(Profiles.TUMOUR_SIZE_OBSERVATION, system, c)) { lesionSizes.read(o); return; }
            if (t.contains(Profiles.DEATH_OBSERVATION, system, c)) { deaths.read(o); return; }
        }
        // a performance status may be a component of a broader Observation ("general condition": ECOG and Karnofsky),
        // and receptor results components of one pathology panel (ER, PR and HER2 of one specimen)
        boolean readAComponent = false;
        for (Observation.ObservationComponentComponent component : o.getComponent()) {
            for (Coding k : component.getCode().getCoding()) {
                PerformanceScale scale = t.performanceScale(k.getSystem(), k.getCode());
                if (scale != null) { performance.read(o, component, scale); readAComponent = true; break; }
                ReceptorTest rt = t.receptorTest(k.getSystem(), k.getCode());
                if (rt != null) { receptors.read(o, component, rt); readAComponent = true; break; }
            }
        }
        if (readAComponent) return;
        // "absent" (false), or a yes/no whose value is missing (data-absent-reason): no finding
        if (o.getValue() instanceof BooleanType b && !Boolean.TRUE.equals(b.getValue())) return;
        String symptom = symptoms.of(code, o.hasBodySite() ? List.of(o.getBodySite()) : List.of());
        if (symptom != null) {
            ctx.out.symptoms.add(new PrimarySymptom(ctx.id(o), symptom, ctx.dates.effective(o),
                    lateralities.of(o.hasBodySite() ? List.of(o.getBodySite()) : List.of(), code)));
        }
    }
}
