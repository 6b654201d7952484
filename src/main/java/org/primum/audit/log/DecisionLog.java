package org.primum.audit.log;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.primum.audit.store.Decision;
import org.primum.audit.store.DecisionStore;
import org.primum.core.EvaluationListener;
import org.primum.core.Evaluated;
import org.primum.core.FhirInput;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The decision log: an {@link EvaluationListener} installed on the service's Pipeline, so every evaluation
 * of every entry point is recorded without the entry points calling it. The answer path only puts the
 * evaluation on a bounded queue (no hashing, no JSON, no database); one writer thread turns queued
 * evaluations into rows (patient hash, input digest, facts JSON) and stores them in batches. When the
 * queue is full or the database is down, entries are dropped and counted, never the answer delayed or
 * failed: the tumour board does not depend on the database.
 */
@Singleton
public class DecisionLog implements EvaluationListener {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);
    private static final int BATCH = 256;
    /** Writes a tree as {@code JsonNode.toString()} does; the generator leaves the digest stream open. */
    private static final ObjectWriter TREE_WRITER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writer();

    private record Pending(OffsetDateTime at, Evaluated evaluated) {
    }

    private final DecisionStore store;
    private final PatientHash patientHash;
    private final boolean enabled;
    private final boolean rawFhir;
    private final BlockingQueue<Pending> queue;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;

    @Inject
    public DecisionLog(DataSource dataSource, DecisionLogConfig config) {
        this(new DecisionStore(dataSource), new PatientHash(config.salt()), config.enabled(), config.rawFhir(), config.queueCapacity());
    }

    public DecisionLog(DecisionStore store, PatientHash patientHash, boolean enabled, boolean rawFhir, int queueCapacity) {
        this.store = store;
        this.patientHash = patientHash;
        this.enabled = enabled;
        this.rawFhir = rawFhir;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer = new Thread(this::write, "decision-log-writer");
        writer.setDaemon(true);
        if (enabled) writer.start();
    }

    /** What the Pipeline should be given: this log, or {@link EvaluationListener#NONE} when it is disabled. */
    public EvaluationListener listener() {
        return enabled ? this : EvaluationListener.NONE;
    }

    public PatientHash patientHash() {
        return patientHash;
    }

    @Override
    public void evaluated(Evaluated evaluated) {
        if (closing) return;
        if (queue.offer(new Pending(OffsetDateTime.now(ZoneOffset.UTC), evaluated))) {
            accepted.incrementAndGet();
        } else if (dropped.incrementAndGet() % 1000 == 1) {
            LOG.warnf("decision log queue full: %d evaluations not recorded so far", dropped.get());
        }
    }

    /** Evaluations not recorded because the queue was full or the database refused them. */
    public long dropped() {
        return dropped.get();
    }

    /** Waits until every evaluation accepted before this call is written (or dropped); false on timeout. */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (done.get() < target) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(5);
        }
        return true;
    }

    @PreDestroy
    void close() {
        closing = true;
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    if (closing) return;
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                // closing: what is queued is still written below, then the thread ends
                if (queue.isEmpty()) return;
            }
            queue.drainTo(batch, BATCH - batch.size());
            writeBatch(batch);
            batch.clear();
        }
    }

    private void writeBatch(List<Pending> batch) {
        List<Decision> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            try {
                rows.add(decision(p));
            } catch (RuntimeException e) {
                dropped.incrementAndGet();
                LOG.warnf("decision not recorded: %s", e.getClass().getName());
            }
        }
        try {
            store.append(rows);
        } catch (SQLException | RuntimeException e) {
            dropped.addAndGet(rows.size());
            LOG.warnf("decision log: %d decisions not recorded, the database refused them (%s)", rows.size(), e.getClass().getName());
        }
        done.addAndGet(batch.size());
    }

    private Decision decision(Pending p) {
        Evaluated e = p.evaluated();
        String reference = e.patientReference() == null ? "Patient/" : e.patientReference();
        String hash = patientHash.of(reference);
        return new Decision(0, p.at(), e.origin(), hash, e.asOf(), e.result().evaluation().knowledgeBaseVersion(), digest(e),
                e.result().evaluation().codes(), FactsJson.write(e.result().record(), e.patientReference(), hash),
                rawFhir ? RawFhir.write(e) : null);
    }

    /** SHA-256 of the Bundle as received, or of the loose inputs one per line. */
    static String digest(Evaluated e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (e.fromBundle()) {
                sha.update(e.bundleJson());
            } else {
                // the bytes of JsonNode.toString() (the same standard writer), streamed into the digest instead of built as a
                // String and a byte array per input: a CDS Hooks prefetch is tens of kilobytes per call
                OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha);
                for (FhirInput in : e.looseInputs()) {
                    try (JsonGenerator gen = TREE_WRITER.createGenerator(out)) {
                        TREE_WRITER.writeValue(gen, in.json());
                    }
                    sha.update((byte) '\n');
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
