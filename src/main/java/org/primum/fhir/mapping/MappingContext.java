package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.Resource;
import org.primum.facts.ClinicalRecord;
import org.primum.fhir.terminology.Terminology;

import java.time.LocalDate;

/**
 * What every reader of one mapping shares: the terminology, the evaluation date, the request's
 * resources by reference, the report (notes, unrecognised codes), date reading, and the record being
 * built. What one pass learns for a later one is not here: it is a value of its own
 * ({@link ConditionRoles}, {@link LesionCounts}) handed by {@link MappingRun} to the readers that need it.
 * One per request; not thread-safe.
 */
final class MappingContext {
    final Terminology t;
    final LocalDate asOf;
    final ResourceIndex index = new ResourceIndex();
    final Report report;
    final Dates dates;
    final ClinicalRecord.Builder out = new ClinicalRecord.Builder();

    MappingContext(Terminology t, LocalDate asOf) {
        this.t = t;
        this.asOf = asOf;
        this.report = new Report(t.unrecognisedMax());
        this.dates = new Dates(report);
    }

    /** The "Type/id" of a resource of the request (null for a contained one). */
    String id(Resource r) {
        return index.sourceId(r);
    }
}
