package org.primum.core;

import org.primum.fhir.LooseResources;

import java.util.ArrayList;
import java.util.List;

/**
 * One patient's record being put together from loose FHIR inputs ({@link FhirInput}), each read as it is
 * added (leniently or strictly, as the {@link Pipeline.Options} it was made with say), so that a caller can
 * refuse bad input before it fetches or streams the rest (CDS Hooks: a malformed prefetch is refused before
 * the EHR's FHIR server is asked for anything). Evaluated with
 * {@link Pipeline#evaluate(LooseRecord, String, java.time.LocalDate)}; the same resource ({@code Type/id})
 * added twice counts once, as added last. One per evaluation; not thread-safe.
 */
public final class LooseRecord {

    final LooseResources resources;
    /** The inputs as given, for the {@link EvaluationListener} (references, not copies). */
    final List<FhirInput> inputs = new ArrayList<>();

    LooseRecord(LooseResources resources) {
        this.resources = resources;
    }

    /**
     * Reads {@code input} now: a resource, or a Bundle whose entries are resources (OperationOutcomes left
     * out). An error is an {@link org.primum.input.InvalidInputException} located under the input's location;
     * so are the parts lenient reading leaves out.
     */
    public LooseRecord add(FhirInput input) {
        resources.add(input.json(), input.location());
        inputs.add(input);
        return this;
    }
}
