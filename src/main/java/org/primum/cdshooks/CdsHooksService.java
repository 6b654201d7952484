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

import java.time.LocalDate;
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

    @Inject
    public CdsHooksService(Pipeline pipeline, CdsHooksConfig config, ObjectMapper json, FeedbackStore store, CdsSecurity security,
                           CdsProfiles profiles) {
        this(pipeline, new FhirFetcher(config.fetchTimeout(), config.fetchMaxPages()), config.fetchMaxMedications(),
                new CardFactory(profiles, json, store::cardId), security::fhirServerRefusal);
    }

    /** The service without the framework: what the CDI constructor wires, and what a test can build on its own. */
    CdsHooksService(Pipeline pipeline, FhirFetcher fetcher, int maxMedications, CardFactory cards,
                    BiFunction<ClientIdentity, String, Optional<String>> fhirServerRefusal) {
        this.pipeline = pipeline;
        this.records = new HookRecord(pipeline, fetcher, maxMedications);
        this.cards = cards;
        this.fhirServerRefusal = fhirServerRefusal;
    }

    /** The discovery document, quoting the thresholds the evaluations apply. */
    public Discovery discovery() {
        return CdsServiceCatalog.discovery(pipeline.thresholds());
    }

    /** Read leniently (the default). */
    public CdsResponse call(HookCall call, ClientIdentity client) {
        return call(call, client, Pipeline.Options.LENIENT);
    }

    public CdsResponse call(HookCall call, ClientIdentity client, Pipeline.Options options) {
        return call(call, client, options, LocalDate.now());
    }

    /** The call evaluated as of {@code asOf} (the EHR's calls: today). */
    CdsResponse call(HookCall call, ClientIdentity client, Pipeline.Options options, LocalDate asOf) {
        long start = System.nanoTime();
        LooseRecord record = records.gather(call, options, server -> fhirServerRefusal.apply(client, server));
        // an InvalidInputException of the reading or the mapping (4xx) is answered by the shared org.primum.api mappers
        Pipeline.Result result = pipeline.withOrigin("cds-hooks/" + call.hook()).evaluate(record, call.patientId(), asOf);
        List<Card> out = cards.cards(result.evaluation(), call);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("%s %s: %d resources, %d recommendations, %d cards, %.1f ms", call.hook(), call.hookInstance(),
                    result.resources(), result.evaluation().recommendations().size(), out.size(), (System.nanoTime() - start) / 1e6);
        }
        return CdsResponse.of(out);
    }
}
