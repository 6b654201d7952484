package org.primum.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.primum.cdshooks.model.Card;
import org.primum.cdshooks.model.Coding;
import org.primum.cdshooks.security.ClientIdentity;
import org.primum.engine.Citation;
import org.primum.engine.Evaluation;
import org.primum.engine.Indicator;
import org.primum.engine.Recommendation;
import org.primum.facts.Presentation;
import org.primum.facts.PrimaryLrtOrder;
import org.primum.facts.Scope;

import java.util.*;

/**
 * Turns the engine's recommendations into CDS Hooks cards. One card per warning or critical finding;
 * the info recommendations of the core pathway (section B) and of "how, if LRT is done" (section D) are
 * grouped into one card each so the EHR is not flooded, the decision leading ({@link GroupLead}). Patients
 * outside the guidance (not de novo metastatic, or any code of {@code fhir-profiles/ValueSet-cds-no-card.json}:
 * it says the guidance does not apply, or the patient has died) get no card. On the order hooks only the recommendations about the orders under review
 * (a fact of theirs names one of those orders) become cards, and the order checks of catalogue section E
 * carry suggestions with the concrete alternative ({@link OrderSuggestions}). Warning and critical cards
 * offer the override reasons of {@code fhir-profiles/} ({@link OverrideReasons}). A data gap of
 * {@code fhir-profiles/ValueSet-cds-order-data-gaps.json} names no order, yet it is why a timing check of an LRT
 * order could not be judged: on the order hooks it is shown whenever an order under review is a locoregional
 * order of the primary (product rule Fail safe). {@code DATA_INVALID_RECORD}
 * (part of the record was invalid FHIR and left out) is a warning card for every patient and on every hook:
 * what was left out may be what decided that the guidance does not apply, or silenced an order check.
 */
public final class CardFactory {

    /** Code system of {@code source.topic}: the catalogue's recommendation codes. */
    public static final String CATALOGUE_SYSTEM = "urn:primum:guidance-catalogue";
    public static final String SOURCE_LABEL = "Primum: locoregional therapy in de novo metastatic breast cancer";
    public static final int SUMMARY_MAX = 139; // the specification: "<140-character summary"
    static final String INVALID_RECORD = "DATA_INVALID_RECORD";

    /** Issues a card uuid carrying the card's catalogue codes, for the client the card goes to ({@link FeedbackStore#cardId}). */
    public interface CardIds {
        /** @param client the issuer of the calling client's JWT: only that client's feedback on the card is accepted */
        UUID cardId(Collection<String> codes, String client);
    }

    private final OrderSuggestions suggestions;
    private final List<Coding> overrideReasons;
    private final CatalogueCodes noCard;
    private final CatalogueCodes orderDataGaps;
    private final GroupLead groupLead;
    private final CardIds ids;

    /** @param json the application's mapper: the draft orders copied into proposals are read with it */
    public CardFactory(CdsProfiles profiles, ObjectMapper json, CardIds ids) {
        this.suggestions = new OrderSuggestions(profiles.orderSuggestions(), json);
        this.overrideReasons = profiles.overrideReasons().codings();
        this.noCard = profiles.noCard();
        this.orderDataGaps = profiles.orderDataGaps();
        this.groupLead = new GroupLead(profiles.groupLeadOrder());
        this.ids = ids;
    }

    /** The order check whose card (critical, delete the order) is the only one an order it concerns gets. */
    static final String CPM = "CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE";

    /** The cards of an evaluation for {@code client} (their uuids are bound to it; null when there is none). */
    public List<Card> cards(Evaluation evaluation, HookCall call, ClientIdentity client) {
        String issuer = client == null ? null : client.issuer();
        Optional<Presentation> presentation = evaluation.facts().first(Presentation.class);
        boolean outside = presentation.isEmpty() || presentation.get().scope() != Scope.DE_NOVO
                || evaluation.recommendations().stream().anyMatch(r -> noCard.contains(r.code()));
        if (outside) {
            // no treatment card outside the guidance; what was left out of the record is still worth a card
            return evaluation.recommendations().stream().filter(r -> r.code().equals(INVALID_RECORD)).map(r -> single(r, call, Set.of(), issuer)).toList();
        }

        // a prophylactic or contralateral mastectomy order is to be withdrawn, not improved: its card says so, and no
        // other card of the order hooks may be about it alone (e.g. "consider conservation", whose suggestion would
        // create a partial mastectomy of the healthy breast)
        Set<String> cpmOrders = new HashSet<>();
        if (call.orderHook()) {
            evaluation.recommendations().stream().filter(r -> r.code().equals(CPM)).forEach(r -> cpmOrders.addAll(OrderSuggestions.ordersBehind(r, call)));
        }
        boolean lrtOrderUnderReview = call.orderHook() && evaluation.facts().all(PrimaryLrtOrder.class).stream()
                .anyMatch(o -> o.sourceIds().stream().anyMatch(call.selections()::contains));
        List<Recommendation> relevant = new ArrayList<>();
        for (Recommendation r : evaluation.recommendations()) {
            if (call.orderHook() && !r.code().equals(INVALID_RECORD) && !(lrtOrderUnderReview && orderDataGaps.contains(r.code()))) {
                Set<String> concerned = concerned(r, call.selections());
                if (concerned.isEmpty()) continue;
                if (!r.code().equals(CPM) && cpmOrders.containsAll(concerned)) continue;
            }
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
        groups.forEach((key, members) -> cards.add(members.size() == 1 ? single(members.get(0), call, cpmOrders, issuer) : group(members, issuer)));
        return List.copyOf(cards);
    }

    /** The orders under review that a fact behind the recommendation names (directly or through another recommendation). */
    static Set<String> concerned(Recommendation r, Set<String> orders) {
        Set<String> out = new LinkedHashSet<>();
        for (Recommendation.Because b : r.because()) {
            for (String id : b.resourceIds()) if (orders.contains(id)) out.add(id);
        }
        return out;
    }

    private Card single(Recommendation r, HookCall call, Set<String> cpmOrders, String client) {
        List<Card.Suggestion> suggested = call.orderHook() ? suggestions.suggest(r, call, r.code().equals(CPM) ? Set.of() : cpmOrders) : List.of();
        boolean actionable = r.indicator() != Indicator.INFO;
        return new Card(ids.cardId(List.of(r.code()), client).toString(), summary(r.title()), CardDetail.markdown(List.of(r)),
                r.indicator().json(), source(r), suggested, suggested.isEmpty() ? null : "at-most-one",
                actionable ? overrideReasons : List.of(), List.of());
    }

    /** A grouped card leads with the decision ({@link GroupLead}): the summary, the topic and the detail start with it. */
    private Card group(List<Recommendation> members, String client) {
        List<Recommendation> ordered = groupLead.ordered(members);
        Recommendation lead = ordered.get(0);
        String heading = "B".equals(lead.section()) ? "Locoregional therapy of the primary: " : "If locoregional therapy is done: ";
        String summary = summary(heading + lead.title() + " (+" + (ordered.size() - 1) + " more)");
        return new Card(ids.cardId(ordered.stream().map(Recommendation::code).toList(), client).toString(), summary, CardDetail.markdown(ordered),
                Indicator.INFO.json(), source(lead), List.of(), null, List.of(), List.of());
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
}
