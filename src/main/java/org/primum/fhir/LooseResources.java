package org.primum.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.primum.facts.InvalidElement;
import org.primum.input.Handling;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One patient's record given as loose FHIR resources rather than one Bundle: CDS Hooks prefetch values and
 * draft orders, pages fetched from a FHIR server, lines of a bulk export. Inputs are added one at a time,
 * each a resource or a Bundle (searchset, collection…) whose entries are the resources, with the place it
 * came from so that an error points into the whole ({@code prefetch.conditions.entry[0].resource.onsetDateTime}).
 *
 * <p>OperationOutcomes (a server's "could not get it") are not patient data and are left out. The same
 * resource ({@code Type/id}) given twice counts once, as given last: a draft order of the session wins over
 * the stored copy of the same order. One instance per evaluation; not thread-safe.
 */
public final class LooseResources {

    private final FhirJsonReader reader;
    private final FhirMapper mapper;
    private final List<Resource> withoutId = new ArrayList<>();
    private final Map<String, Resource> byReference = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<InvalidElement> leftOut = new ArrayList<>();
    private final Handling handling;

    LooseResources(FhirJsonReader reader, FhirMapper mapper, Handling handling) {
        this.reader = reader;
        this.mapper = mapper;
        this.handling = handling;
    }

    /**
     * Reads {@code json} as the record's handling says (see {@link FhirJsonReader}); its errors, and what lenient
     * reading leaves out, are located under {@code location}.
     */
    public LooseResources add(JsonNode json, String location) {
        if (!(json instanceof ObjectNode object)) {
            throw new InvalidInputException(Problem.MALFORMED, "structure", (location == null ? "" : location + ": ")
                    + "not a FHIR resource: FHIR JSON is a JSON object with a resourceType", location);
        }
        FhirJsonReader.Parsed parsed;
        try {
            parsed = reader.read(object, handling);
        } catch (InvalidInputException e) {
            throw InputLocation.under(location, e);
        }
        warnings.addAll(parsed.warnings());
        for (InvalidElement e : parsed.leftOut()) {
            leftOut.add(new InvalidElement(InputLocation.path(location, e.location()), e.resourceType(), e.problem(), e.leftOut(), e.sourceIds()));
            // the copy given last counts: when it is left out, an earlier copy of the same resource must not stand in for it
            if (e.leftOut() == InvalidElement.LeftOut.RESOURCE) e.sourceIds().forEach(byReference::remove);
        }
        if (parsed.resource() == null) return this; // one resource, left out whole
        if (parsed.resource() instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.hasResource()) keep(entry.getResource());
            }
        } else {
            keep((Resource) parsed.resource());
        }
        return this;
    }

    private void keep(Resource r) {
        if (r instanceof OperationOutcome) return;
        if (r.getIdElement().hasIdPart()) byReference.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
        else withoutId.add(r);
    }

    /** The resources added so far, mapped as the record of {@code patientId} on {@code asOf}. */
    public MappedRecord map(String patientId, LocalDate asOf) {
        List<Resource> resources = new ArrayList<>(withoutId);
        resources.addAll(byReference.values());
        return new MappedRecord(mapper.map(resources, patientId, asOf), warnings, resources.size(), leftOut);
    }
}
