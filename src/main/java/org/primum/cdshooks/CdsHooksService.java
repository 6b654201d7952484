package org.primum.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.primum.cdshooks.model.Card;
import org.primum.cdshooks.model.CdsResponse;
import org.primum.cdshooks.model.Discovery;
import org.primum.cdshooks.security.CdsSecurity;
import org.primum.cdshooks.security.ClientIdentity;
import org.primum.core.FhirInput;
import org.primum.core.LooseRecord;
import org.primum.core.Pipeline;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import org.primum.tumourboard.report.ReportLinks;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One hook call: the prefetch read, the keys the EHR did not send fetched from its FHIR server, the draft
 * orders added last (so that they win over a stored copy of the same order), all evaluated by the core
 * {@link Pipeline} — the same reading, mapping and rules as every other entry point — and the
 * recommendations turned into cards.
 */
@Singleton
public class CdsHooksService {
    private static final Logger LOG = Logger.getLogger(CdsHooksService.class);

    private final Pipeline pipeline;
    private final FhirFetcher fetcher;
    private final CardFactory cards;
    private final CdsSecurity security;
    private final ReportLinks reports;

    public CdsHooksService(Pipeline pipeline, CdsHooksConfig config, ObjectMapper json, FeedbackStore store, CdsSecurity security,
                           CdsProfiles profiles, ReportLinks reports) {
        this.pipeline = pipeline;
        this.fetcher = new FhirFetcher(config.fetchTimeout(), config.fetchMaxPages());
        this.cards = new CardFactory(profiles, json, store::cardId);
        this.security = security;
        this.reports = reports;
    }

    /** The discovery document, quoting the thresholds the evaluations apply. */
    public Discovery discovery() {
        return CdsServiceCatalog.discovery(pipeline.thresholds());
    }

    public CdsResponse call(HookCall call, ClientIdentity client) {
        return call(call, client, null);
    }

    /** {@code requestBase}: where the service was called, for the tumour-board report link of patient-view cards (none if null). */
    public CdsResponse call(HookCall call, ClientIdentity client, URI requestBase) {
        long start = System.nanoTime();
        // read before anything is fetched: a malformed prefetch is the client's 400, and costs the EHR nothing
        LooseRecord record = pipeline.looseRecord();
        call.prefetch().values().forEach(inputs -> inputs.forEach(record::add));

        Map<String, String> missing = new LinkedHashMap<>();
        CdsServiceCatalog.PREFETCH.forEach((key, template) -> {
            if (!call.prefetch().containsKey(key)) missing.put(key, template);
        });
        if (!missing.isEmpty()) {
            if (call.fhirServer() == null) {
                throw new CdsHookException(Problem.DATA_UNAVAILABLE, "required", "prefetch " + String.join(", ", missing.keySet())
                        + " not given and no fhirServer to fetch from", "prefetch");
            }
            if (!security.fhirServerAllowed(client, call.fhirServer())) {
                throw new CdsHookException(Problem.DATA_UNAVAILABLE, "security", "fhirServer is not one this client is allowed to name", "fhirServer");
            }
            addFetched(record, fetcher.fetch(call.fhirServer(), call.accessToken(), missing, call.patientId()));
        }
        call.draftOrderInput().ifPresent(record::add);

        // an InvalidInputException of the reading or the mapping (4xx) is answered by the shared org.primum.api mappers
        Pipeline.Result result = pipeline.evaluate(record, call.patientId(), LocalDate.now());
        List<Card> out = cards.cards(result.evaluation(), call);
        if (requestBase != null && "patient-view".equals(call.hook()) && !out.isEmpty()) {
            out = withLink(out, new Card.Link("Tumour-board report", reports.store(result, requestBase), "absolute", null));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debugf("%s %s: %d resources (%d fetched keys), %d recommendations, %d cards, %.1f ms", call.hook(), call.hookInstance(),
                    result.resources(), missing.size(), result.evaluation().recommendations().size(), out.size(), (System.nanoTime() - start) / 1e6);
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

    /** Data the FHIR server returned that is not valid FHIR R4 is not the client's fault: required data not available (412). */
    static void addFetched(LooseRecord record, Map<String, List<FhirInput>> fetched) {
        for (List<FhirInput> pages : fetched.values()) {
            for (FhirInput page : pages) {
                try {
                    record.add(page);
                } catch (InvalidInputException e) {
                    throw new CdsHookException(Problem.DATA_UNAVAILABLE, e.issueCode(), "the FHIR server's data is not valid FHIR R4: "
                            + e.getMessage(), e.location());
                }
            }
        }
    }
}
