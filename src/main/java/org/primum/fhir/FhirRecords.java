package org.primum.fhir;

import org.primum.fhir.terminology.Terminology;

import org.primum.facts.ClinicalRecord;
import org.primum.input.Handling;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * FHIR R4 JSON in, {@link ClinicalRecord} out: the face the fhir package shows the core, with no HAPI type in
 * it (HAPI stays inside this package). Reading is lenient or strict as asked ({@link FhirJsonReader},
 * {@link Handling}); codes are recognised through the {@link Terminology} of {@code fhir-profiles/}. Thread-safe.
 */
public final class FhirRecords {

    private final FhirJsonReader reader = new FhirJsonReader();
    private final FhirMapper mapper;

    public FhirRecords(Terminology terminology) {
        this.mapper = new FhirMapper(Objects.requireNonNull(terminology));
    }

    /** With the ValueSets and ConceptMaps of {@code profilesDir}; a broken profile fails here. */
    public static FhirRecords load(Path profilesDir) {
        return new FhirRecords(Terminology.load(profilesDir));
    }

    /** One patient's record sent as one Bundle ({@link PatientBundle}), as a request body or a file. */
    public MappedRecord bundle(byte[] json, LocalDate asOf, Handling handling) {
        FhirJsonReader.Parsed parsed = reader.read(json, handling);
        ClinicalRecord record = mapper.map(PatientBundle.require(parsed), asOf);
        return new MappedRecord(record, parsed.warnings(), parsed.resourceCount(), parsed.leftOut());
    }

    /** A record to be given as loose resources, one input at a time. */
    public LooseResources resources(Handling handling) {
        return new LooseResources(reader, mapper, handling);
    }
}
