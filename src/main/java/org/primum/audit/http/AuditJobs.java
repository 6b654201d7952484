package org.primum.audit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jboss.logging.Logger;
import org.primum.audit.store.AuditJob;
import org.primum.audit.store.AuditJobStore;
import org.primum.audit.store.FeedbackAudit;
import org.primum.input.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cohort audit jobs of {@code POST /audit}: kept in the database (they and their results survive a
 * restart), run one at a time by this instance's runner thread, with a heartbeat renewed while they wait or
 * run. A job whose heartbeat goes stale (its instance stopped or died) is <b>resumed</b>: the first instance
 * to see it takes it over ({@link AuditJobStore#claim}) and runs it again from the start on its stored
 * upload; it fails, with the reason, when the upload is gone or after {@link #MAX_ATTEMPTS} starts. A
 * graceful stop marks its jobs stale at once, so that the next start resumes them without waiting.
 * Finished jobs are deleted with their upload when they expire.
 */
public final class AuditJobs implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AuditJobs.class);
    static final int MAX_ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final AuditJobStore store;
    private final AuditRunner runner;
    private final FeedbackAudit feedback;
    private final Path workDir;
    private final Duration retention;
    private final Duration staleAfter;
    private final Clock clock;
    private final ExecutorService running = Executors.newSingleThreadExecutor(r -> daemon(r, "audit-job"));
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "audit-job-sweeper"));
    /** Jobs this instance has queued or is running, with their cancel flags. */
    private final Map<String, AtomicBoolean> mine = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public AuditJobs(AuditJobStore store, AuditRunner runner, FeedbackAudit feedback, Path workDir, Duration retention,
                     Duration staleAfter, Clock clock) {
        this.store = store;
        this.runner = Objects.requireNonNull(runner, "runner");
        this.feedback = feedback;
        this.workDir = workDir;
        this.retention = retention;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** Resumes stale jobs and drops expired ones now, then every quarter of {@code staleAfter}. */
    public AuditJobs start() {
        long period = Math.max(1, staleAfter.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::sweep, 0, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Where the next upload goes: a new file in the work folder, named by the job it will become. */
    public Path newUpload(String id, String extension) throws IOException {
        Files.createDirectories(workDir);
        return workDir.resolve(id + extension);
    }

    /** Queues the audit of {@code upload} (already on disk) as job {@code id}. */
    public void submit(String id, Path upload, long bytes, LocalDate asOf) throws SQLException {
        OffsetDateTime now = now();
        store.insert(new AuditJob(id, AuditJob.State.QUEUED, now, now, now, now.plus(retention), asOf,
                upload.toAbsolutePath().toString(), bytes, null, 1, null, null));
        enqueue(id);
    }

    public Optional<AuditJob> find(String id) throws SQLException {
        return store.find(id);
    }

    /** Cancels the job if it runs here, deletes it and its upload; false if there was no such job. */
    public boolean delete(String id) throws SQLException {
        AtomicBoolean cancel = mine.get(id);
        if (cancel != null) cancel.set(true);
        Optional<AuditJob> job = store.find(id);
        if (job.isEmpty()) return false;
        store.delete(id);
        deleteQuietly(Path.of(job.get().inputPath()));
        return true;
    }

    private void enqueue(String id) {
        AtomicBoolean cancel = new AtomicBoolean();
        mine.put(id, cancel);
        running.execute(() -> {
            try {
                run(id, cancel);
            } finally {
                mine.remove(id);
            }
        });
    }

    private void run(String id, AtomicBoolean cancel) {
        AuditJob job;
        try {
            Optional<AuditJob> found = store.find(id);
            if (found.isEmpty() || cancel.get()) return;
            job = found.get();
            store.running(id, "0 patients done", now());
        } catch (SQLException e) {
            LOG.warnf("audit job %s not started: the database refused (%s)", id, e.getClass().getName());
            return;
        }
        Path input = Path.of(job.inputPath());
        AtomicLong lastWrite = new AtomicLong();
        AuditRunner.Progress progress = patients -> {
            long t = System.nanoTime();
            if (t - lastWrite.get() < 1_000_000_000L) return; // at most one write a second, whatever the engine reports
            lastWrite.set(t);
            try {
                store.running(id, patients + " patients done", now());
            } catch (SQLException e) {
                LOG.debugf("audit job %s: progress not written", id);
            }
        };
        try {
            byte[] result = runner.run(input, job.asOf(), progress, cancel::get);
            if (cancel.get()) return;
            store.completed(id, withFeedback(result), now());
            LOG.infof("audit job %s completed (%d bytes of input)", id, job.inputBytes());
            deleteQuietly(input);
        } catch (Exception e) {
            if (cancel.get()) return;
            String reason = e instanceof InvalidInputException ? e.getMessage()
                    : "the audit failed on a server fault (" + e.getClass().getSimpleName() + "); the service log has job " + id;
            LOG.warnf("audit job %s failed: %s", id, e.getClass().getName());
            fail(id, reason, input);
        }
    }

    /** The audit as the engine wrote it, plus the EHR users' feedback rates of the moment (cheap: one query). */
    private String withFeedback(byte[] result) throws IOException, SQLException {
        JsonNode audit = JSON.readTree(result);
        if (audit instanceof ObjectNode object && feedback != null) object.set("feedback", JSON.valueToTree(feedback.rates()));
        return JSON.writeValueAsString(audit);
    }

    private void fail(String id, String reason, Path input) {
        try {
            store.failed(id, reason, now());
        } catch (SQLException e) {
            LOG.warnf("audit job %s: failure not recorded (%s)", id, e.getClass().getName());
        }
        deleteQuietly(input);
    }

    /** Heartbeats for this instance's jobs; stale jobs taken over; expired jobs deleted. */
    void sweep() {
        try {
            OffsetDateTime now = now();
            store.heartbeat(List.copyOf(mine.keySet()), now);
            for (AuditJob stale : store.stale(now.minus(staleAfter))) {
                if (closed) return;
                if (mine.containsKey(stale.id()) || !store.claim(stale, now)) continue;
                Path input = Path.of(stale.inputPath());
                if (!Files.isRegularFile(input)) {
                    fail(stale.id(), "interrupted by a stop of the service, and its upload is no longer there: submit it again", input);
                } else if (stale.attempts() >= MAX_ATTEMPTS) {
                    fail(stale.id(), "interrupted " + stale.attempts() + " times by stops of the service: submit it again", input);
                } else {
                    LOG.infof("audit job %s resumed after an interruption (start %d)", stale.id(), stale.attempts() + 1);
                    enqueue(stale.id());
                }
            }
            for (AuditJob expired : store.expired(now)) {
                if (mine.containsKey(expired.id())) continue;
                store.delete(expired.id());
                deleteQuietly(Path.of(expired.inputPath()));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("audit job sweep failed: %s", e.getClass().getName());
        }
    }

    /** Stops the runner; this instance's unfinished jobs are marked stale so that the next start resumes them at once. */
    @Override
    public void close() {
        closed = true;
        sweeper.shutdownNow();
        try {
            // a sweep under way must not claim a job after this instance has listed what it gives up (it would
            // count a start that never runs, and the next instance's start would be the third)
            sweeper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> unfinished = List.copyOf(mine.keySet());
        mine.values().forEach(c -> c.set(true));
        running.shutdownNow();
        try {
            running.awaitTermination(5, TimeUnit.SECONDS);
            store.heartbeat(unfinished, OffsetDateTime.parse("2000-01-01T00:00:00Z"));
        } catch (SQLException | InterruptedException e) {
            LOG.debugf("audit jobs not marked for resumption: %s", e.getClass().getName());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("upload %s not deleted", file.getFileName());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
