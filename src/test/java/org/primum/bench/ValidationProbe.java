package org.primum.bench;

import org.primum.api.validation.ProfileValidator;
import org.primum.core.Pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What {@code ?validate=true} adds to a request: the validator's one-off build, then the validation of the
 * 31-resource bench Bundle against the base specification and the mCODE profiles expected of it, beside the
 * evaluation itself, each timed over a hot loop (CPU time of this thread, robust to other load on the machine).
 * Not a test: {@code ./mvnw -B -Pbench process-test-classes -Dbench.main=org.primum.bench.ValidationProbe -Dbench.args=200}.
 */
public final class ValidationProbe {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        byte[] bundle = Files.readAllBytes(Path.of("src/test/resources/bench/denovo-metastatic-bundle.json"));
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();

        long t0 = System.nanoTime();
        ProfileValidator validator = ProfileValidator.load(Path.of("fhir-profiles/structure"), Path.of("fhir-profiles"));
        System.out.printf("validator build: %.1f s (once per process)%n", (System.nanoTime() - t0) / 1e9);
        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        LocalDate asOf = LocalDate.of(2025, 7, 1);

        ProfileValidator.Outcome outcome = validator.validate(bundle);
        System.out.printf("bench bundle: %d errors, %d warnings%n", outcome.errors(), outcome.warnings());
        for (int i = 0; i < rounds / 2; i++) { // warm-up
            validator.validate(bundle);
            pipeline.evaluate(bundle, asOf);
        }
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) validator.validate(bundle);
        double validate = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / rounds;
        cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) pipeline.evaluate(bundle, asOf);
        double evaluate = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / rounds;
        System.out.printf("per request, CPU ms: evaluation %.2f, validation %.2f (x%.0f)%n", evaluate, validate, validate / evaluate);
    }
}
