package org.primum.fuzz;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.primum.audit.http.RealAuditEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, deliverable 3: fuzzing the service's endpoints in CI. Damaged scenario Bundles and fixtures
 * ({@code POST /tumour-board/evaluate}), hook requests ({@code POST /cds-services/{id}}) and NDJSON cohorts
 * ({@code POST /audit}) from a fixed seed: every answer a 2xx or a 4xx with an OperationOutcome, never a 5xx
 * or a hang. With {@link AuditEngineFuzzTest} 10,000 inputs by default; {@code -Dfuzz.count=100000} for a
 * long run, {@code -Dgroups=fuzz} for these alone. Failures: {@code target/fuzz-failures/}.
 */
@QuarkusTest
@Tag("fuzz")
@TestProfile(RealAuditEngine.class)
class ServiceFuzzTest {

    /** Inputs in flight at once: enough to keep both cores busy, few enough not to starve the other builds. */
    private static final int PARALLEL = 3;
    private static final FuzzSettings SETTINGS = FuzzSettings.fromSystemProperties();

    @TestHTTPResource("/")
    URI base;

    @Test
    void tumourBoardAnswersEveryDamagedBundle() throws Exception {
        TumourBoardTarget target = new TumourBoardTarget(base);
        target.warmUp();
        check(FuzzRunner.run(target, SETTINGS, 0.70, PARALLEL));
    }

    @Test
    void cdsHooksAnswerEveryDamagedHookRequest() throws Exception {
        check(FuzzRunner.run(new CdsHooksTarget(base), SETTINGS, 0.22, PARALLEL));
    }

    @Test
    void auditJobsFinishOnEveryDamagedUpload() throws Exception {
        // one job runs at a time: the service's queue, not the client, sets the pace
        check(FuzzRunner.run(new AuditHttpTarget(base), SETTINGS, 0.03, 1));
    }

    static void check(FuzzRunner.Result result) {
        assertThat(result.failed()).as(result.summary() + "\n" + String.join("\n", result.failures())).isZero();
    }
}
