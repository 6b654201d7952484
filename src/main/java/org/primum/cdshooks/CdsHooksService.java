package org.primum.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.primum.cdshooks.model.Card;
import org.primum.cdshooks.model.CdsResponse;
import org.primum.cdshooks.model.Discovery;
import org.primum.cdshooks.security.CdsSecurity;
import org.primum.cdshooks.security.ClientIdentity;
import org.primum.core.LooseRecord;
import org.primum.core.Pipeline;

import org.primum.tumourboard.report.ReportLinks;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One hook call: the whole record put together ({@link HookRecord}: prefetch, its further pages and the keys
 * the EHR did not send fetched from its FHIR server, referenced Medications, the draft orders), evaluated by
 * the core {@link Pipeline} — the same reading, mapping and rules as every other entry point — and the
 * recommendations turned into cards.
 */
@Singleton
public class CdsHooksService {
    private static final Logger LOG = Logger.getLogger(CdsHooksService.class);

    private final Pipeline pipeline;
    private final HookRecord records;
    private final CardFactory cards;
    private final BiFunction<ClientIdentity, String, Optional<String>> fhirServerRefusal;
    private final ReportLinks reports;

    @Inject
    public CdsHooksService(Pipeline pipeline, CdsHooksConfig config, ObjectMapper json, FeedbackStore store, CdsSecurity security,
                           CdsProfiles profiles, ReportLinks reports) {
        this(pipeline, new FhirFetcher(config.fetchTimeout(), config.fetchMaxPages()), config.fetchMaxMedications(),
                new CardFactory(profiles, json, store::cardId), security::fhirServerRefusal, reports);
    }

    /** The service without the framework and without report links. */
    CdsHooksService(Pipeline pipeline, FhirFetcher fetcher, int maxMedications, CardFactory cards,
                    BiFunction<ClientIdentity, String, Optional<String>> fhirServerRefusal) {
        this(pipeline, fetcher, maxMedications, cards, fhirServerRefusal, null);
    }

    /** The service without the framework: what the CDI constructor wires, and what a test can build on its own. */
    CdsHooksService(Pipeline pipeline, FhirFetcher fetcher, int maxMedications, CardFactory cards,
                    BiFunction<ClientIdentity, String, Optional<String>> fhirServerRefusal, ReportLinks reports) {
        this.pipeline = pipeline;
        this.records = new HookRecord(pipeline, fetcher, maxMedications);
        this.cards = cards;
        this.fhirServerRefusal = fhirServerRefusal;
        this.reports = reports;
    }

    /** The discovery document, quoting the thresholds the evaluations apply. */
    public Discovery discovery() {
        return CdsServiceCatalog.discovery(pipeline.thresholds());
    }

    /** Read leniently (the default). */
    public CdsResponse call(HookCall call, ClientIdentity client) {
        return call(call, client, Pipeline.Options.LENIENT, (URI) null);
    }

    /**
     * {@code options}: how the prefetch is read (lenient unless the client asks {@code Prefer: handling=strict});
     * {@code requestBase}: where the service was called, for the tumour-board report link of patient-view cards
     * (none if null).
     */
    public CdsResponse call(HookCall call, ClientIdentity client, Pipeline.Options options, URI requestBase) {
        return call(call, client, options, LocalDate.now(), requestBase);
    }

    /** The call evaluated as of {@code asOf} (tests; the EHR's calls: today), without a report link. */
    CdsResponse call(HookCall call, ClientIdentity client, Pipeline.Options options, LocalDate asOf) {
        return call(call, client, options, asOf, null);
    }

    private CdsResponse call(HookCall call, ClientIdentity client, Pipeline.Options options, LocalDate asOf, URI requestBase) {
        long start = System.nanoTime();
        LooseRecord record = records.gather(call, options, server -> fhirServerRefusal.apply(client, server));
        // an InvalidInputException of the reading or the mapping (4xx) is answered by the shared org.primum.api mappers
        Pipeline.Result result = pipeline.withOrigin("cds-hooks/" + call.hook()).evaluate(record, call.patientId(), asOf);
        List<Card> out = cards.cards(result.evaluation(), call, client);
        if (reports != null && requestBase != null && "patient-view".equals(call.hook()) && !out.isEmpty()) {
            out = withLink(out, new Card.Link("Tumour-board report", reports.link(result, requestBase), "absolute", null));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debugf("%s %s: %d resources, %d recommendations, %d cards, %.1f ms", call.hook(), call.hookInstance(),
                    result.resources(), result.evaluation().recommendations().size(), out.size(), (System.nanoTime() - start) / 1e6);
        }
        return CdsResponse.of(out);
    }

    /** Each card with {@code link} added to its links (the report of this evaluation, the same for every card). */
    static List<Card> withLink(List<Card> cards, Card.Link link) {
        return cards.stream().map(c -> {
            List<Card.Link> links = new ArrayList<>(c.links() == null ? List.of() : c.links());
            links.add(link);
            return new Card(c.uuid(), c.summary(), c.detail(), c.indicator(), c.source(), c.suggestions(), c.selectionBehavior(),
                    c.overrideReasons(), List.copyOf(links));
        }).toList();
    }
}
