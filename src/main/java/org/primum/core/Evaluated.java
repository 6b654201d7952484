package org.primum.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One evaluation as an {@link EvaluationListener} sees it: who asked, about which patient, on which date,
 * the result, and the input as given: {@code bundleJson} for {@link Pipeline#evaluate(byte[], LocalDate)},
 * else the {@code looseInputs} of a {@link LooseRecord}. The input is handed over as it is, not copied:
 * a listener must not change it.
 *
 * @param origin           the entry point, as set by {@link Pipeline#withOrigin(String)} ({@code tumour-board},
 *                         {@code cds-hooks/patient-view}…); {@code library} when none was set
 * @param patientReference {@code Patient/<id>}: identifying, for the listener to pseudonymise
 */
public record Evaluated(String origin, String patientReference, LocalDate asOf, Pipeline.Result result,
                        byte[] bundleJson, List<FhirInput> looseInputs) {

    public Evaluated {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(result, "result");
        looseInputs = looseInputs == null ? List.of() : List.copyOf(looseInputs);
    }

    public boolean fromBundle() {
        return bundleJson != null;
    }
}
