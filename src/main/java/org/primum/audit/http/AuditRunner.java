package org.primum.audit.http;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;

/**
 * What an audit job runs: the audit engine ({@code org.primum.audit}) behind a seam of its own, so that the
 * job machinery (upload, queue, restart, status) does not depend on how the engine is called. The service
 * uses the one {@code AuditRunner} bean there is; with none, {@code POST /audit} answers 501.
 */
@FunctionalInterface
public interface AuditRunner {

    /**
     * Audits the cohort in {@code input} as it stood on {@code asOf} and returns the audit as JSON (the
     * per-patient JSON of issue 12: {@code {"patients":[…],"summary":[…],"breastConservationRate":{…},
     * "knowledgeBaseVersion":"…"}}).
     *
     * @param input     one file: {@code *.ndjson} (FHIR NDJSON, resource types mixed, any order) or {@code *.json}
     *                  (a FHIR Bundle)
     * @param progress  told how many patients are done, as often as the engine likes
     * @param cancelled polled by the engine; when true it stops, and whatever it throws or returns is ignored
     * @throws Exception an audit that cannot complete; an {@link org.primum.input.InvalidInputException}'s
     *                   message is shown to the client, any other is reported as a server fault
     */
    byte[] run(Path input, LocalDate asOf, Progress progress, BooleanSupplier cancelled) throws Exception;

    @FunctionalInterface
    interface Progress {
        void patientsDone(long patients);
    }
}
