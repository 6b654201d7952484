package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.primum.cdshooks.FhirFetcher.Fetch;
import org.primum.core.FhirInput;
import org.primum.core.LooseRecord;
import org.primum.core.Pipeline;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.util.*;
import java.util.function.Function;

/**
 * Puts together the whole record a hook call is evaluated on, so that CDS Hooks sees what the tumour board
 * sees: the prefetch; from the EHR's FHIR server, the keys not prefetched and the pages after a prefetch
 * Bundle's first ({@code link.next}, CDS Hooks 2.0 allows a paginated prefetch); then the Medications that
 * medication records reference but no input holds (contained or in the prefetch they need nothing); the draft
 * orders last, so that they win over a stored copy of the same order. Everything fetched shares one time box
 * and the page limit; what is needed and cannot be had is a 412, never a decision on part of the record.
 */
final class HookRecord {
    private final Pipeline pipeline;
    private final FhirFetcher fetcher;
    private final int maxMedications;

    HookRecord(Pipeline pipeline, FhirFetcher fetcher, int maxMedications) {
        this.pipeline = pipeline;
        this.fetcher = fetcher;
        this.maxMedications = maxMedications;
    }

    /**
     * @param refusal why this call's client may not make the service fetch from a given {@code fhirServer}
     *                (empty: it may), the issuer's allow-list
     */
    LooseRecord gather(HookCall call, Pipeline.Options options, Function<String, Optional<String>> refusal) {
        LooseRecord record = pipeline.looseRecord(options);
        List<FhirInput> inputs = new ArrayList<>();
        // read before anything is fetched: a malformed prefetch is the client's 400, and costs the EHR nothing
        call.prefetch().values().forEach(values -> values.forEach(i -> {
            record.add(i);
            inputs.add(i);
        }));

        List<Fetch> fetches = new ArrayList<>();
        List<String> notPrefetched = new ArrayList<>();
        boolean otherPatient = prefetchedOtherPatient(call);
        CdsServiceCatalog.PREFETCH.forEach((key, template) -> {
            if (call.prefetch().containsKey(key) && !(otherPatient && key.equals(CdsServiceCatalog.PATIENT_KEY))) return;
            // a key added after the client was configured: fetched if it can be, never a reason to refuse the call
            if (CdsServiceCatalog.OPTIONAL_KEYS.contains(key) && !canFetch(call, refusal)) return;
            notPrefetched.add(key);
            fetches.add(Fetch.prefetchKey(key, template, call.patientId()));
        });
        List<String> paginated = new ArrayList<>();
        call.prefetch().forEach((key, values) -> values.forEach(i -> {
            String next = "Bundle".equals(i.json().path("resourceType").asText()) ? FhirFetcher.nextLink(i.json()) : null;
            if (next == null) return;
            paginated.add(key);
            fetches.add(new Fetch(key, "the next pages of prefetch key '" + key + "'", next, 2));
        }));
        long deadline = 0;
        if (!fetches.isEmpty()) {
            List<String> needs = new ArrayList<>();
            if (!notPrefetched.isEmpty()) needs.add("prefetch " + String.join(", ", notPrefetched) + " not given");
            if (!paginated.isEmpty()) needs.add("prefetch " + String.join(", ", paginated) + " has further pages (link next)");
            String server = server(call, refusal, String.join("; ", needs));
            deadline = fetcher.deadline();
            inputs.addAll(addFetched(record, fetcher.fetch(server, call.accessToken(), fetches, deadline)));
        }

        List<MedicationReferences.Missing> medications = MedicationReferences.unresolved(inputs);
        if (!medications.isEmpty()) {
            MedicationReferences.Missing first = medications.get(0);
            String server = server(call, refusal, "the Medication " + first.reference() + " of " + first.from()
                    + (medications.size() > 1 ? " (and " + (medications.size() - 1) + " more)" : "") + " is neither contained nor prefetched");
            if (medications.size() > maxMedications) {
                throw new CdsHookException(Problem.DATA_UNAVAILABLE, "too-costly", medications.size() + " referenced Medications are not "
                        + "prefetched, more than the service fetches (primum.cdshooks.fetch-max-medications = " + maxMedications
                        + "): prefetch them (_include=MedicationRequest:medication)");
            }
            List<Fetch> reads = new ArrayList<>();
            for (MedicationReferences.Missing m : medications) {
                if (m.typeId() == null) {
                    throw new CdsHookException(Problem.DATA_UNAVAILABLE, "not-found", "the Medication " + m.reference() + " of " + m.from()
                            + " is neither contained nor prefetched, and is not a Medication/id reference the service could fetch");
                }
                // an absolute reference is read where it points, and only if that is on fhirServer (FhirFetcher checks)
                String url = m.reference().contains("://") ? m.reference() : m.typeId();
                reads.add(new Fetch("medications[" + m.typeId() + "]", "the Medication " + m.reference() + " of " + m.from(), url, 1));
            }
            addFetched(record, fetcher.fetch(server, call.accessToken(), reads, deadline == 0 ? fetcher.deadline() : deadline));
        }
        call.draftOrderInput().map(HookRecord::now).ifPresent(record::add);
        return record;
    }

    /**
     * The draft orders as orders of now: being written in this call, they are checked whatever date the EHR wrote
     * on them (a draft's authoredOn may run ahead of the service's day in another time zone, and an evaluation as
     * of an earlier day must not leave out the order it was asked about).
     */
    private static FhirInput now(FhirInput drafts) {
        JsonNode copy = drafts.json().deepCopy();
        for (JsonNode entry : copy.path("entry")) {
            // authoredOn is what dates an order (ProposedOrder.authored)
            if (entry.path("resource") instanceof com.fasterxml.jackson.databind.node.ObjectNode r) r.remove("authoredOn");
        }
        return FhirInput.of(copy, drafts.location());
    }

    /**
     * Whether the prefetched Patient is someone else (its id not {@code context.patientId}): the evaluation leaves it
     * out, so without this the patient would be evaluated with no age, sex or death, and a death the EHR records would
     * go unseen (cards for a patient who died). It is therefore treated as not prefetched: read from fhirServer, else 412.
     */
    private static boolean prefetchedOtherPatient(HookCall call) {
        for (FhirInput i : call.prefetch().getOrDefault(CdsServiceCatalog.PATIENT_KEY, List.of())) {
            JsonNode json = i.json();
            if ("Patient".equals(json.path("resourceType").asText()) && json.hasNonNull("id")
                    && !call.patientId().equals(json.path("id").asText())) return true;
        }
        return false;
    }

    private static boolean canFetch(HookCall call, Function<String, Optional<String>> refusal) {
        return call.fhirServer() != null && refusal.apply(call.fhirServer()).isEmpty();
    }

    /** The FHIR server to fetch what {@code needs} says from: the call's, if its client may use it; else 412. */
    private static String server(HookCall call, Function<String, Optional<String>> refusal, String needs) {
        if (call.fhirServer() == null) {
            throw new CdsHookException(Problem.DATA_UNAVAILABLE, "required", needs + ", and no fhirServer to fetch from", "prefetch");
        }
        refusal.apply(call.fhirServer()).ifPresent(why -> {
            throw new CdsHookException(Problem.DATA_UNAVAILABLE, "security", needs + ", and " + why, "fhirServer");
        });
        return call.fhirServer();
    }

    /** Data the FHIR server returned that is not valid FHIR R4 is not the client's fault: required data not available (412). */
    static List<FhirInput> addFetched(LooseRecord record, Map<String, List<FhirInput>> fetched) {
        List<FhirInput> added = new ArrayList<>();
        for (List<FhirInput> pages : fetched.values()) {
            for (FhirInput page : pages) {
                try {
                    record.add(page);
                } catch (InvalidInputException e) {
                    throw new CdsHookException(Problem.DATA_UNAVAILABLE, e.issueCode(), "the FHIR server's data is not valid FHIR R4: "
                            + e.getMessage(), e.location());
                }
                added.add(page);
            }
        }
        return added;
    }
}
