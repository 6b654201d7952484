package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Observation;
import org.primum.facts.PatientInfo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A death the record states in an Observation (ValueSet death-observation: the MII "Tod" cause of death, a
 * death-certificate cause of death) rather than in Patient.deceased[x]: the same fact (catalogue
 * NOT_APPLICABLE_DECEASED), dated by the Observation's effective date; undated, it counts at every evaluation
 * date, like deceasedBoolean. Applied to the patient once every Observation was read.
 */
final class Deaths {
    private final MappingContext ctx;
    private final List<String> sources = new ArrayList<>();
    private final List<LocalDate> dates = new ArrayList<>();
    private boolean undated;

    Deaths(MappingContext ctx) {
        this.ctx = ctx;
    }

    void read(Observation o) {
        // "no" (a yes/no death observation answered false) states no death
        if (o.getValue() instanceof BooleanType b && !Boolean.TRUE.equals(b.getValue())) return;
        sources.add(ctx.id(o));
        LocalDate date = ctx.dates.effective(o);
        if (date == null) undated = true;
        else dates.add(date);
    }

    /**
     * The patient with the deaths read: deceased, on the earliest date any source gives (a dated death says more than
     * an undated one; a date after the evaluation date does not count yet), undated only when no source dates it.
     */
    PatientInfo applyTo(PatientInfo p) {
        if (sources.isEmpty()) return p;
        List<LocalDate> known = new ArrayList<>(dates);
        if (p != null && p.deceased() && p.deceasedOn() != null) known.add(p.deceasedOn());
        LocalDate on = known.stream().min(LocalDate::compareTo).orElse(null);
        PatientInfo dead = p == null ? new PatientInfo(sources.get(0), null, null, true, on)
                : new PatientInfo(p.sourceId(), p.ageYears(), p.sex(), true, on);
        // the Patient resource already says the same (Synthea writes both): nothing to tell
        if (dead.equals(p)) return p;
        ctx.report.note("death", "The patient's death was read from an Observation that states it, not from Patient.deceased.",
                sources.toArray(String[]::new));
        return dead;
    }
}
