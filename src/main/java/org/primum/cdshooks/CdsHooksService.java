package org.primum.cdshooks;

import org.primum.input.InvalidInputException;
import org.primum.input.Problem;
import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.hl7.fhir.r4.model.Resource;
import org.jboss.logging.Logger;
import org.primum.Primum;
import org.primum.cdshooks.model.Card;
import org.primum.cdshooks.model.CdsResponse;
import org.primum.cdshooks.model.Discovery;
import org.primum.cdshooks.security.CdsSecurity;
import org.primum.cdshooks.security.ClientIdentity;

import java.time.LocalDate;
import java.util.*;

/**
 * One hook call: the prefetch completed from the FHIR server where keys are missing, the resources
 * (plus the draft orders) through {@link Primum#evaluate(List, String, LocalDate)} — the same mapping and
 * engine as every other entry point — and the recommendations as cards.
 */
@Singleton
public class CdsHooksService {
    private static final Logger LOG = Logger.getLogger(CdsHooksService.class);

    private final Primum primum;
    private final FhirContext fhir = FhirContext.forR4Cached();
    private final FhirFetcher fetcher;
    private final CardFactory cards;
    private final CdsSecurity security;

    public CdsHooksService(Primum primum, CdsHooksConfig config, ObjectMapper json, FeedbackStore store, CdsSecurity security,
                           CdsProfiles profiles) {
        this.primum = primum;
        this.fetcher = new FhirFetcher(fhir, config.fetchTimeout(), config.fetchMaxPages());
        this.cards = new CardFactory(profiles, json, store::cardId);
        this.security = security;
    }

    /** The discovery document, quoting the thresholds the evaluations apply. */
    public Discovery discovery() {
        return CdsServiceCatalog.discovery(primum.knowledgeBase().thresholds());
    }

    public CdsResponse call(HookCall call, ClientIdentity client) {
        long start = System.nanoTime();
        Map<String, List<Resource>> data = new LinkedHashMap<>(call.prefetch());
        Map<String, String> missing = new LinkedHashMap<>();
        CdsServiceCatalog.PREFETCH.forEach((key, template) -> {
            if (!data.containsKey(key)) missing.put(key, template);
        });
        if (!missing.isEmpty()) {
            if (call.fhirServer() == null) {
                throw new CdsHookException(Problem.DATA_UNAVAILABLE, "required", "prefetch " + String.join(", ", missing.keySet())
                        + " not given and no fhirServer to fetch from", "prefetch");
            }
            if (!security.fhirServerAllowed(client, call.fhirServer())) {
                throw new CdsHookException(Problem.DATA_UNAVAILABLE, "security", "fhirServer is not one this client is allowed to name", "fhirServer");
            }
            data.putAll(fetcher.fetch(call.fhirServer(), call.accessToken(), missing, call.patientId()));
        }

        // the draft orders of the session win over a stored copy of the same order
        Map<String, Resource> byRef = new LinkedHashMap<>();
        List<Resource> resources = new ArrayList<>();
        data.values().forEach(list -> list.forEach(r -> {
            if (r.getIdElement().hasIdPart()) byRef.put(HookCall.reference(r), r);
            else resources.add(r);
        }));
        call.draftOrders().forEach(r -> byRef.put(HookCall.reference(r), r));
        resources.addAll(byRef.values());

        // an InvalidInputException of the mapping (4xx) is answered by the shared org.primum.api mappers
        Primum.Result result = primum.evaluate(resources, call.patientId(), LocalDate.now());
        List<Card> out = cards.cards(result.evaluation(), call);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("%s %s: %d resources (%d fetched keys), %d recommendations, %d cards, %.1f ms", call.hook(), call.hookInstance(),
                    resources.size(), missing.size(), result.evaluation().recommendations().size(), out.size(), (System.nanoTime() - start) / 1e6);
        }
        return CdsResponse.of(out);
    }
}
