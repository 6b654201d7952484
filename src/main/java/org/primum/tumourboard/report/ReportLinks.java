package org.primum.tumourboard.report;

import jakarta.inject.Singleton;
import org.primum.core.Pipeline;

import java.net.URI;
import java.time.Instant;

/**
 * Stores the report of an evaluation answered elsewhere (a CDS Hooks call) and gives its absolute address,
 * for a link on the answer: {@code primum.report.public-base-url} when the service sits behind a proxy, else
 * the base URI of the request.
 */
@Singleton
public class ReportLinks {

    private final ReportStore store;
    private final ReportConfig config;

    public ReportLinks(ReportStore store, ReportConfig config) {
        this.store = store;
        this.config = config;
    }

    /** The absolute URL of the stored report of {@code result}. */
    public String store(Pipeline.Result result, URI requestBase) {
        ReportView report = store.save(ReportViews.of(result, Instant.now()));
        String base = config.publicBaseUrl().orElse(requestBase.toString());
        return base.replaceAll("/+$", "") + "/tumour-board/report/" + report.id();
    }
}
