package org.primum.cdshooks;

import org.primum.cdshooks.model.Discovery;
import org.primum.cdshooks.model.ServiceDescriptor;
import org.primum.facts.Thresholds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three CDS services Primum offers and the FHIR data each asks the EHR to prefetch: the Patient and
 * the Conditions, Observations, Procedures, MedicationRequests/Statements/Administrations/Dispenses (with the
 * Medications they reference) and ServiceRequests the facts
 * are mapped from (one search per resource type, since the mapping decides what is relevant). The
 * texts quote thresholds as {@code {name}}: {@link #discovery(Thresholds)} fills in those in effect.
 */
public final class CdsServiceCatalog {

    public static final String PATIENT_VIEW = "dnmbc-lrt-patient-view";
    public static final String ORDER_SELECT = "dnmbc-lrt-order-select";
    public static final String ORDER_SIGN = "dnmbc-lrt-order-sign";

    /**
     * Prefetch key → template. Keys are FHIR codes (no spaces); the Patient key is a read, the rest are searches,
     * the medication searches with the referenced Medications ({@code _include}).
     */
    /** The prefetch key of the context's Patient. */
    public static final String PATIENT_KEY = "patient";
    public static final Map<String, String> PREFETCH;

    static {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PATIENT_KEY, "Patient/{{context.patientId}}");
        p.put("conditions", "Condition?patient={{context.patientId}}");
        p.put("observations", "Observation?patient={{context.patientId}}");
        p.put("procedures", "Procedure?patient={{context.patientId}}");
        // the Medication a medicationReference names comes with its record: without it the drug is lost
        p.put("medicationRequests", "MedicationRequest?patient={{context.patientId}}&_include=MedicationRequest:medication");
        p.put("medicationStatements", "MedicationStatement?patient={{context.patientId}}&_include=MedicationStatement:medication");
        // infused drugs are often recorded only as administrations: without them the patient looks untreated
        p.put("medicationAdministrations", "MedicationAdministration?patient={{context.patientId}}&_include=MedicationAdministration:medication");
        // oral drugs are often known only from the pharmacy's dispensing record (the mapping reads a completed dispense
        // as therapy started when handed over): without it the patient looks untreated
        p.put("medicationDispenses", "MedicationDispense?patient={{context.patientId}}&_include=MedicationDispense:medication");
        p.put("serviceRequests", "ServiceRequest?patient={{context.patientId}}");
        PREFETCH = java.util.Collections.unmodifiableMap(p);
    }

    /**
     * Keys added after clients were configured from an earlier discovery document: not given, they are fetched when
     * the call brings a fhirServer its client may use, and otherwise left out rather than refused (412), so that an
     * EHR that prefetches the earlier keys keeps getting answers. What such a key brings can only add therapy to the
     * record (a patient on therapy shown as untreated gets the deferral and the premature-order warnings).
     */
    public static final java.util.Set<String> OPTIONAL_KEYS = java.util.Set.of("medicationDispenses");

    private static final String USAGE = "For adults with breast cancer. Gives advice only for de novo metastatic breast cancer "
            + "(distant metastasis found within {deNovoWindowDays} days of the primary diagnosis) with the primary tumour in place; other "
            + "patients get no cards. Needs the prefetch above (all pages, with the Medications the medication records "
            + "reference), or fhirServer with fhirAuthorization (read access to Patient, Condition, Observation, Procedure, "
            + "MedicationRequest, MedicationStatement, MedicationAdministration, MedicationDispense, Medication, ServiceRequest) for any key not prefetched, further pages "
            + "and referenced Medications (medicationDispenses, added later, is fetched when it can be and otherwise done without). Calls must carry a client JWT (ES384 or RS384) from a trusted issuer.";

    /** The services with their texts as written (thresholds as placeholders). */
    private static final List<ServiceDescriptor> SERVICES = List.of(
            new ServiceDescriptor("patient-view", PATIENT_VIEW,
                    "Primum: locoregional therapy in de novo metastatic breast cancer",
                    "When a chart is opened, summarises what the guidance says about surgery or radiotherapy of the intact "
                            + "primary tumour in de novo metastatic breast cancer: systemic therapy first, tumour-board "
                            + "discussion, the response window, the exceptions, and the evidence behind each point.",
                    PREFETCH, USAGE),
            new ServiceDescriptor("order-select", ORDER_SELECT,
                    "Primum: check a selected breast surgery or radiotherapy order",
                    "When breast surgery, axillary surgery or breast/chest-wall radiotherapy is selected for a patient with "
                            + "de novo metastatic breast cancer, warns where the order goes against the guidance "
                            + "(premature, during distant progression, mastectomy where conservation is preferred, "
                            + "contralateral prophylactic mastectomy, axillary dissection of a node-negative axilla) and "
                            + "suggests the alternative.",
                    PREFETCH, USAGE + " Only the orders listed in context.selections are checked; the other draft orders are context."),
            new ServiceDescriptor("order-sign", ORDER_SIGN,
                    "Primum: check breast surgery or radiotherapy orders before signing",
                    "Before breast surgery, axillary surgery or breast/chest-wall radiotherapy orders are signed for a patient "
                            + "with de novo metastatic breast cancer, warns where an order goes against the guidance and "
                            + "suggests the alternative.",
                    PREFETCH, USAGE + " Every draft order in context.draftOrders is checked."));

    private static final Map<String, ServiceDescriptor> BY_ID;

    static {
        Map<String, ServiceDescriptor> m = new LinkedHashMap<>();
        SERVICES.forEach(s -> m.put(s.id(), s));
        BY_ID = java.util.Collections.unmodifiableMap(m);
    }

    private CdsServiceCatalog() {
    }

    /** The discovery document, its texts quoting the thresholds the knowledge base applies. */
    public static Discovery discovery(Thresholds thresholds) {
        return new Discovery(SERVICES.stream().map(s -> new ServiceDescriptor(s.hook(), s.id(), thresholds.fill(s.title()),
                thresholds.fill(s.description()), s.prefetch(), thresholds.fill(s.usageRequirements()))).toList());
    }

    /** The hook the service with this id answers, if Primum offers such a service. */
    public static Optional<String> hookOf(String id) {
        return Optional.ofNullable(BY_ID.get(id)).map(ServiceDescriptor::hook);
    }

    public static boolean isOrderHook(String hook) {
        return "order-select".equals(hook) || "order-sign".equals(hook);
    }
}
