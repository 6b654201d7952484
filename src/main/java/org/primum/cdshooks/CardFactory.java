package org.primum.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.*;
import org.primum.cdshooks.model.Card;
import org.primum.cdshooks.model.Coding;
import org.primum.engine.Citation;
import org.primum.engine.Evaluation;
import org.primum.engine.Indicator;
import org.primum.engine.Recommendation;
import org.primum.facts.Presentation;
import org.primum.facts.Scope;

import java.util.*;

/**
 * Turns the engine's recommendations into CDS Hooks cards. One card per warning or critical finding;
 * the info recommendations of the core pathway (section B) and of "how, if LRT is done" (section D) are
 * grouped into one card each so the EHR is not flooded. Patients outside the guidance (not de novo
 * metastatic) get no card. On the order hooks only the recommendations about the orders under review
 * (a fact of theirs names one of those orders) become cards, and the order checks of catalogue section E
 * carry suggestions with the concrete alternative.
 */
public final class CardFactory {

    /** Code system of {@code source.topic}: the catalogue's recommendation codes. */
    public static final String CATALOGUE_SYSTEM = "urn:primum:guidance-catalogue";
    public static final String OVERRIDE_SYSTEM = "urn:primum:cds-override-reason";
    public static final String SOURCE_LABEL = "Primum: locoregional therapy in de novo metastatic breast cancer";
    public static final int SUMMARY_MAX = 139; // the specification: "<140-character summary"

    static final String SNOMED = "http://snomed.info/sct";
    static final String NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";

    public static final List<Coding> OVERRIDE_REASONS = List.of(
            new Coding(OVERRIDE_SYSTEM, "tumour-board-decision", "Decided at a multidisciplinary tumour board"),
            new Coding(OVERRIDE_SYSTEM, "patient-preference", "Patient's informed choice after discussion"),
            new Coding(OVERRIDE_SYSTEM, "palliative-intent", "Palliative intent: symptomatic primary tumour"),
            new Coding(OVERRIDE_SYSTEM, "clinical-trial", "Within a clinical trial protocol"),
            new Coding(OVERRIDE_SYSTEM, "record-incomplete", "The record is incomplete or wrong for this patient"));

    private final FhirContext fhir;
    private final ObjectMapper json;
    /** Issues a card uuid carrying the card's catalogue codes ({@link FeedbackStore#cardId}). */
    public interface CardIds {
        UUID cardId(Collection<String> codes);
    }

    private final CardIds ids;

    public CardFactory(FhirContext fhir, ObjectMapper json, CardIds ids) {
        this.fhir = fhir;
        this.json = json;
        this.ids = ids;
    }

    public List<Card> cards(Evaluation evaluation, HookCall call) {
        Optional<Presentation> presentation = evaluation.facts().first(Presentation.class);
        if (presentation.isEmpty() || presentation.get().scope() != Scope.DE_NOVO) return List.of();

        List<Recommendation> relevant = new ArrayList<>();
        for (Recommendation r : evaluation.recommendations()) {
            if (r.code().startsWith("NOT_APPLICABLE_")) continue;
            if (call.orderHook() && !about(r, call.selections())) continue;
            relevant.add(r);
        }
        // group the info recommendations of sections B and D; keep the engine's order (most urgent first)
        Map<String, List<Recommendation>> groups = new LinkedHashMap<>();
        for (Recommendation r : relevant) {
            String key = r.indicator() == Indicator.INFO && ("B".equals(r.section()) || "D".equals(r.section()))
                    ? "group:" + r.section() : "single:" + r.code();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Card> cards = new ArrayList<>();
        groups.forEach((key, members) -> cards.add(members.size() == 1 ? single(members.get(0), call) : group(members)));
        return List.copyOf(cards);
    }

    /** Whether a fact behind the recommendation names one of the orders under review. */
    static boolean about(Recommendation r, Set<String> orders) {
        for (Recommendation.Because b : r.because()) {
            for (String id : b.resourceIds()) if (orders.contains(id)) return true;
        }
        return false;
    }

    private Card single(Recommendation r, HookCall call) {
        List<Card.Suggestion> suggestions = call.orderHook() ? suggestions(r, call) : List.of();
        boolean actionable = r.indicator() != Indicator.INFO;
        return new Card(ids.cardId(List.of(r.code())).toString(), summary(r.title()), detail(List.of(r)),
                r.indicator().json(), source(r), suggestions, suggestions.isEmpty() ? null : "at-most-one",
                actionable ? OVERRIDE_REASONS : List.of(), List.of());
    }

    private Card group(List<Recommendation> members) {
        Recommendation first = members.get(0);
        String heading = "B".equals(first.section()) ? "Locoregional therapy of the primary: " : "If locoregional therapy is done: ";
        String summary = summary(heading + first.title() + " (+" + (members.size() - 1) + " more)");
        return new Card(ids.cardId(members.stream().map(Recommendation::code).toList()).toString(), summary, detail(members),
                Indicator.INFO.json(), source(first), List.of(), null, List.of(), List.of());
    }

    static String summary(String text) {
        String s = text.replaceAll("\\s+", " ").trim();
        if (s.length() <= SUMMARY_MAX) return s;
        int cut = s.lastIndexOf(' ', SUMMARY_MAX - 1);
        if (cut < SUMMARY_MAX / 2) cut = SUMMARY_MAX - 1;
        return s.substring(0, cut).stripTrailing() + "…";
    }

    private static Card.Source source(Recommendation r) {
        String url = r.citations().stream().filter(c -> !"contrary".equals(c.side())).map(Citation::url).filter(Objects::nonNull).findFirst()
                .orElse(r.citations().stream().map(Citation::url).filter(Objects::nonNull).findFirst().orElse(null));
        return new Card.Source(SOURCE_LABEL, url, null, new Coding(CATALOGUE_SYSTEM, r.code(), r.title()));
    }

    static String detail(List<Recommendation> recommendations) {
        StringBuilder md = new StringBuilder();
        Set<String> citedSources = new HashSet<>();
        for (int i = 0; i < recommendations.size(); i++) {
            Recommendation r = recommendations.get(i);
            if (i > 0) md.append("\n\n---\n\n");
            md.append("**").append(text(r.title())).append("**\n\n");
            md.append(text(r.statement())).append("\n\n");
            md.append("Evidence level: **").append(r.evidenceLevel()).append("** · catalogue code `").append(r.code())
                    .append("` (section ").append(r.section()).append(")\n");
            if (!r.because().isEmpty()) {
                md.append("\nWhy this applies:\n");
                for (Recommendation.Because b : r.because()) {
                    md.append("- ").append(text(b.description()));
                    if (!b.resourceIds().isEmpty()) {
                        md.append(" (");
                        md.append(String.join(", ", b.resourceIds().stream().map(id -> "`" + id.replace("`", "") + "`").toList()));
                        md.append(")");
                    }
                    md.append('\n');
                }
            }
            if (!r.citations().isEmpty()) {
                md.append("\nSources:\n");
                for (Citation c : r.citations()) {
                    md.append("- ");
                    if ("contrary".equals(c.side())) md.append("*Contrary evidence:* ");
                    // the full reference the first time a source is cited in the card, its short id after that
                    boolean first = c.sourceId() == null || citedSources.add(c.sourceId());
                    String ref = text(first && c.reference() != null ? c.reference() : c.sourceId()).replace('[', '(').replace(']', ')');
                    if (c.url() != null) md.append('[').append(ref).append("](").append(c.url()).append(')');
                    else md.append(ref);
                    if (first && c.doi() != null) md.append(" doi:").append(c.doi());
                    if (c.section() != null) md.append(" — ").append(text(c.section()));
                    if (c.figure() != null) md.append(": \"").append(text(c.figure())).append('"');
                    if (c.note() != null) md.append(" (").append(text(c.note())).append(')');
                    md.append('\n');
                }
            }
            md.append("\n<sub>Rule \"").append(text(r.rule())).append("\", knowledge base ").append(r.knowledgeBaseVersion()).append("</sub>");
        }
        return md.toString();
    }

    /** Our own texts, made safe for markdown: no raw HTML. */
    private static String text(String s) {
        return s == null ? "" : s.replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---- suggestions for the order checks (catalogue section E) ----

    private List<Card.Suggestion> suggestions(Recommendation r, HookCall call) {
        List<ServiceRequest> orders = ordersBehind(r, call);
        if (orders.isEmpty()) return List.of();
        List<Card.Suggestion> out = new ArrayList<>();
        switch (r.code()) {
            case "ORDER_MASTECTOMY_CONSIDER_CONSERVATION" -> {
                for (ServiceRequest o : orders) {
                    out.add(new Card.Suggestion("Replace the mastectomy with breast-conserving surgery", uuid(), out.isEmpty(), List.of(
                            delete(o, "Remove the mastectomy order"),
                            create(replacement(o, SNOMED, "64368001", "Partial mastectomy (breast-conserving surgery)"),
                                    "Propose breast-conserving surgery (partial mastectomy) instead"))));
                }
            }
            case "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE" -> {
                for (ServiceRequest o : orders) {
                    out.add(new Card.Suggestion("Remove the contralateral prophylactic mastectomy order", uuid(), out.isEmpty(),
                            List.of(delete(o, "Remove the contralateral prophylactic mastectomy order"))));
                }
            }
            case "ORDER_AXILLARY_DISSECTION_NODE_NEGATIVE" -> {
                for (ServiceRequest o : orders) {
                    out.add(new Card.Suggestion("Replace the axillary dissection with sentinel lymph node biopsy", uuid(), out.isEmpty(), List.of(
                            delete(o, "Remove the axillary dissection order"),
                            create(replacement(o, SNOMED, "396487001", "Sentinel lymph node biopsy"),
                                    "Propose sentinel lymph node biopsy instead"))));
                }
            }
            case "ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT", "ORDER_LRT_DURING_DISTANT_PROGRESSION" -> {
                List<Card.Action> removeAll = new ArrayList<>();
                orders.forEach(o -> removeAll.add(delete(o, "Remove the " + display(o) + " order")));
                List<Card.Action> board = new ArrayList<>(removeAll);
                board.add(create(tumourBoard(call, r), "Request a multidisciplinary tumour-board discussion"));
                out.add(new Card.Suggestion("Withdraw the order and request a tumour-board discussion", uuid(), true, board));
                out.add(new Card.Suggestion("Withdraw the order", uuid(), false, removeAll));
            }
            default -> {
            }
        }
        return out;
    }

    /**
     * The draft ServiceRequests under review that a fact of the recommendation comes from (a ProposedOrder,
     * or a fact derived from one such as PrimaryLrtOrder; not the facts of another recommendation it builds on).
     */
    private static List<ServiceRequest> ordersBehind(Recommendation r, HookCall call) {
        Set<String> ids = new LinkedHashSet<>();
        for (Recommendation.Because b : r.because()) {
            if ("Recommendation".equals(b.fact())) continue;
            for (String id : b.resourceIds()) if (call.selections().contains(id)) ids.add(id);
        }
        List<ServiceRequest> out = new ArrayList<>();
        for (Resource d : call.draftOrders()) {
            if (d instanceof ServiceRequest sr && ids.contains(HookCall.reference(d))) out.add(sr);
        }
        return out;
    }

    private static String display(ServiceRequest o) {
        if (o.getCode().hasText()) return o.getCode().getText();
        return o.getCode().getCoding().stream().map(org.hl7.fhir.r4.model.Coding::getDisplay).filter(Objects::nonNull).findFirst().orElse("proposed");
    }

    private static Card.Action delete(ServiceRequest o, String description) {
        return new Card.Action("delete", description, null, HookCall.reference(o));
    }

    private Card.Action create(ServiceRequest resource, String description) {
        return new Card.Action("create", description, tree(resource), null);
    }

    /** The same order (patient, encounter, requester, side, reason, timing) for another procedure, as a draft proposal. */
    private static ServiceRequest replacement(ServiceRequest original, String system, String code, String display) {
        ServiceRequest sr = new ServiceRequest();
        sr.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        sr.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        sr.setCategory(original.getCategory());
        sr.setCode(new CodeableConcept(new org.hl7.fhir.r4.model.Coding(system, code, display)).setText(display));
        sr.setSubject(original.getSubject());
        sr.setEncounter(original.getEncounter());
        sr.setRequester(original.getRequester());
        sr.setBodySite(original.getBodySite());
        sr.setReasonCode(original.getReasonCode());
        sr.setReasonReference(original.getReasonReference());
        sr.setOccurrence(original.getOccurrence());
        sr.addNote().setText("Proposed by Primum CDS in place of " + HookCall.reference(original) + ".");
        return sr;
    }

    private static ServiceRequest tumourBoard(HookCall call, Recommendation r) {
        ServiceRequest sr = new ServiceRequest();
        sr.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        sr.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        sr.setCode(new CodeableConcept(new org.hl7.fhir.r4.model.Coding(NCIT, "C93304", "Tumor Board Review"))
                .setText("Multidisciplinary tumour-board discussion"));
        sr.setSubject(new Reference("Patient/" + call.patientId()));
        if (call.userId() != null && (call.userId().startsWith("Practitioner/") || call.userId().startsWith("PractitionerRole/"))) {
            sr.setRequester(new Reference(call.userId()));
        }
        sr.addNote().setText("Proposed by Primum CDS: " + r.title() + " (" + r.code() + ").");
        return sr;
    }

    private Object tree(Resource resource) {
        try {
            return json.readTree(fhir.newJsonParser().encodeResourceToString(resource));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
