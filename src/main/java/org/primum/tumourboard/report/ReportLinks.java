package org.primum.tumourboard.report;

import jakarta.inject.Singleton;
import org.primum.core.Pipeline;

import java.net.URI;
import java.time.Instant;

/**
 * The report of an evaluation answered elsewhere (a CDS Hooks call) and its absolute address, for a link on
 * the answer: {@code primum.report.public-base-url} when the service sits behind a proxy, else the base URI of
 * the request. By default the report is built only when the link is followed ({@link PendingReports}); with
 * {@code primum.report.lazy=false} it is built and stored at once.
 */
@Singleton
public class ReportLinks {

    private final ReportStore store;
    private final PendingReports pending;
    private final ReportConfig config;

    public ReportLinks(ReportStore store, PendingReports pending, ReportConfig config) {
        this.store = store;
        this.pending = pending;
        this.config = config;
    }

    /** The absolute URL of the report of {@code result}. */
    public String link(Pipeline.Result result, URI requestBase) {
        String id = config.lazy() ? pending.reserve(result) : store.save(ReportViews.of(result, Instant.now())).id();
        String base = config.publicBaseUrl().orElse(requestBase.toString());
        return base.replaceAll("/+$", "") + "/tumour-board/report/" + id;
    }
}
