package org.primum.tumourboard.report;

import org.primum.core.Pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reports linked but not built yet. Every patient-view answer links to the report of its evaluation, and few
 * links are ever followed: building and writing the report on every call cost about a tenth of the call. So
 * the link's id is handed out at once and the evaluation kept here, in memory; the report is built and
 * written to the {@link ReportStore} (same id, same expiry) only when the link is first followed, and served
 * from the folder after that.
 *
 * <p>Bounded: at most {@code capacity} evaluations (the oldest go first) and none past its expiry. A link
 * whose evaluation went before anyone followed it answers 404 like an expired one; the EHR makes a new link
 * each time the chart is opened. The evaluations live in this instance only: several instances behind a
 * balancer without affinity need the eager mode ({@code primum.report.lazy=false}, {@link ReportLinks}).
 */
public final class PendingReports {

    private record Pending(Pipeline.Result result, Instant generatedAt, Instant expires) {
    }

    private final ReportStore store;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Pending> pending;

    public PendingReports(ReportStore store, Clock clock, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("primum.report.pending-max must be at least 1: " + capacity);
        this.store = store;
        this.clock = clock;
        this.capacity = capacity;
        this.pending = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
                return size() > PendingReports.this.capacity;
            }
        };
    }

    /** Keeps {@code result} for its report; returns the report's id, valid until the store's TTL from now. */
    public String reserve(Pipeline.Result result) {
        String id = store.newId();
        Pending p = new Pending(result, clock.instant(), store.expiryFromNow());
        synchronized (pending) {
            pending.put(id, p);
        }
        return id;
    }

    /**
     * The report {@code id} built and stored now, if its evaluation is still here and not expired; empty otherwise
     * (then the store may have it). Two requests for the same new link may both build it: the second file replaces
     * the first with the same content.
     */
    public Optional<ReportView> materialise(String id) {
        Pending p;
        synchronized (pending) {
            p = pending.get(id);
        }
        if (p == null) return Optional.empty();
        if (!p.expires().isAfter(clock.instant())) {
            forget(id);
            return Optional.empty();
        }
        ReportView stored = store.save(ReportViews.of(p.result(), p.generatedAt()), id, p.expires());
        forget(id);
        return Optional.of(stored);
    }

    /** How many evaluations wait for their report to be asked for. */
    public int size() {
        synchronized (pending) {
            return pending.size();
        }
    }

    /** Drops the expired evaluations (the store's sweep does the same for the files). */
    public int sweep() {
        Instant now = clock.instant();
        synchronized (pending) {
            int before = pending.size();
            pending.values().removeIf(p -> !p.expires().isAfter(now));
            return before - pending.size();
        }
    }

    private void forget(String id) {
        synchronized (pending) {
            pending.remove(id);
        }
    }
}
