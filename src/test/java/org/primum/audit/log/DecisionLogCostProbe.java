package org.primum.audit.log;

import org.primum.audit.store.Databases;
import org.primum.audit.store.DecisionStore;
import org.primum.core.EvaluationListener;
import org.primum.core.Pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/**
 * What recording costs the answer path (a probe, not a test; run with
 * {@code ./mvnw -B -Pbench process-test-classes -Dbench.main=org.primum.audit.log.DecisionLogCostProbe -Dbench.args=}):
 * the same tumour-board Bundle evaluated with the decision log off and on (H2 file), alternating rounds,
 * mean time per evaluation on the calling thread, then the time the writer needs to catch up.
 */
public final class DecisionLogCostProbe {

    public static void main(String[] args) throws Exception {
        byte[] bundle = Files.readAllBytes(Path.of("src/test/resources/bench/denovo-metastatic-bundle.json"));
        Pipeline pipeline = Pipelines.current().withOrigin("tumour-board");
        DecisionLog log = new DecisionLog(new DecisionStore(Databases.fresh(Databases.H2).open()), new PatientHash("probe"), true, false, 100_000);
        LocalDate asOf = LocalDate.of(2025, 7, 1);
        int n = 2000;
        for (int round = 0; round < 6; round++) {
            boolean on = round % 2 == 1;
            Pipelines.LISTENER.set(on ? log : EvaluationListener.NONE);
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) pipeline.evaluate(bundle, asOf);
            double us = (System.nanoTime() - t) / 1e3 / n;
            long f = System.nanoTime();
            if (on) log.flush(Duration.ofMinutes(5));
            System.out.printf("round %d, log %s: %.0f us per evaluation; writer caught up %.0f ms later%n", round, on ? "on " : "off", us,
                    (System.nanoTime() - f) / 1e6);
        }
        System.out.println("dropped: " + log.dropped());
        log.close();
    }
}
