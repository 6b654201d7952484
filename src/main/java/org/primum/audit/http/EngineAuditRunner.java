package org.primum.audit.http;

import jakarta.inject.Singleton;
import org.primum.audit.AuditEngine;
import org.primum.audit.AuditInput;
import org.primum.audit.AuditOptions;
import org.primum.audit.AuditOutputs;
import org.primum.audit.model.AuditReport;
import org.primum.audit.model.ProgressListener;
import org.primum.core.Pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;

/**
 * The service's audit jobs run the same plain-Java engine as the {@code audit} command. The engine's
 * pipeline has no listener: a cohort of 100,000 evaluations is an audit, not 100,000 decisions to log.
 */
@Singleton
public class EngineAuditRunner implements AuditRunner {

    private final AuditEngine engine;

    public EngineAuditRunner(Pipeline pipeline) {
        this.engine = new AuditEngine(pipeline.withoutListener());
    }

    @Override
    public byte[] run(Path input, LocalDate asOf, Progress progress, BooleanSupplier cancelled) {
        ProgressListener listener = new ProgressListener() {
            @Override
            public void judging(long done, long total) {
                progress.patientsDone(done);
            }
        };
        try (AuditReport report = engine.run(AuditInput.of(input), AuditOptions.defaults(asOf), listener, cancelled)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AuditOutputs.writeJson(report, out);
            return out.toByteArray();
        }
    }
}
