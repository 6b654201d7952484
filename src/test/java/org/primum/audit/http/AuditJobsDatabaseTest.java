package org.primum.audit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.audit.store.AuditJob;
import org.primum.audit.store.AuditJobStore;
import org.primum.audit.store.Databases;
import org.primum.audit.store.FeedbackAudit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit jobs on H2 and PostgreSQL, without HTTP: run to completion with the feedback rates added, resumed
 * from the start by the next instance after a stop, failed with a reason when the upload is gone, deleted
 * when expired.
 */
class AuditJobsDatabaseTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    private final List<AuditJobs> started = new ArrayList<>();

    static List<String> kinds() {
        return Databases.kinds();
    }

    @AfterEach
    void stop() {
        started.forEach(AuditJobs::close);
    }

    private AuditJobs jobs(Databases.Db db, AuditRunner runner, Duration retention) {
        var ds = db.open();
        AuditJobs jobs = new AuditJobs(new AuditJobStore(ds), runner, new FeedbackAudit(ds), work, retention,
                Duration.ofMillis(400), Clock.systemUTC()).start();
        started.add(jobs);
        return jobs;
    }

    private String submit(AuditJobs jobs) throws Exception {
        String id = UUID.randomUUID().toString();
        Path upload = jobs.newUpload(id, ".ndjson");
        Files.writeString(upload, "{\"resourceType\":\"Patient\",\"id\":\"a\"}\n{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"Patient/b\"}}\n");
        jobs.submit(id, upload, Files.size(upload), AS_OF);
        return id;
    }

    private static AuditJob await(AuditJobs jobs, String id, AuditJob.State state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var job = jobs.find(id);
            if (job.isPresent() && job.get().state() == state) return job.get();
            Thread.sleep(20);
        }
        throw new AssertionError("job " + id + " not " + state + ": " + jobs.find(id));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aJobRunsToItsResultWithTheFeedbackRates(String kind) throws Exception {
        AuditJobs jobs = jobs(Databases.fresh(kind), new FakeAuditRunner(), Duration.ofDays(1));
        String id = submit(jobs);
        AuditJob done = await(jobs, id, AuditJob.State.COMPLETED);
        JsonNode result = JSON.readTree(done.result());
        assertThat(result.path("patients").findValuesAsText("patient")).containsExactly("Patient/a", "Patient/b");
        assertThat(result.path("knowledgeBaseVersion").asText()).isEqualTo("fake-2025-07-01");
        assertThat(result.path("feedback").path("rates").isArray()).isTrue();
        // the upload is not kept once the result is (deleted right after the result is stored)
        Path upload = Path.of(done.inputPath());
        for (int i = 0; i < 200 && Files.exists(upload); i++) Thread.sleep(50);
        assertThat(upload).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aJobInterruptedByAStopIsResumedByTheNextInstance(String kind) throws Exception {
        Databases.Db db = Databases.fresh(kind);
        CountDownLatch began = new CountDownLatch(1);
        AuditJobs first = jobs(db, (input, asOf, progress, cancelled) -> {
            began.countDown();
            while (!cancelled.getAsBoolean()) Thread.sleep(10);
            throw new InterruptedException("stopped");
        }, Duration.ofDays(1));
        String id = submit(first);
        assertThat(began.await(30, TimeUnit.SECONDS)).isTrue();
        first.close(); // the service stops mid-audit

        assertThat(first.find(id).orElseThrow().state()).isEqualTo(AuditJob.State.RUNNING);
        AuditJobs second = jobs(db, new FakeAuditRunner(), Duration.ofDays(1));
        AuditJob done = await(second, id, AuditJob.State.COMPLETED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(JSON.readTree(done.result()).path("patients")).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aJobWhoseUploadIsGoneFailsWithTheReasonAndExpiredJobsAreDeleted(String kind) throws Exception {
        Databases.Db db = Databases.fresh(kind);
        AuditJobs first = jobs(db, (input, asOf, progress, cancelled) -> {
            while (!cancelled.getAsBoolean()) Thread.sleep(10);
            throw new InterruptedException("stopped");
        }, Duration.ofDays(1));
        String id = submit(first);
        await(first, id, AuditJob.State.RUNNING);
        first.close();
        Files.delete(Path.of(first.find(id).orElseThrow().inputPath()));

        AuditJobs second = jobs(db, new FakeAuditRunner(), Duration.ZERO);
        AuditJob failed = await(second, id, AuditJob.State.FAILED);
        assertThat(failed.error()).contains("upload is no longer there");

        String expiring = submit(second); // retention zero: deleted by the sweep once finished
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (second.find(expiring).isPresent() && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(second.find(expiring)).isEmpty();
    }
}
