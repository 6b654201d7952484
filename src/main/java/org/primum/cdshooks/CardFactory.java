package org.primum.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * carry suggestions with the concrete alternative ({@link OrderSuggestions}). Warning and critical cards
 * offer the override reasons of {@code fhir-profiles/} ({@link OverrideReasons}). {@code DATA_INVALID_RECORD}
 * (part of the record was invalid FHIR and left out) is a warning card for every patient and on every hook:
 * what was left out may be what decided that the guidance does not apply, or silenced an order check.
 */
public final class CardFactory {

    /** Code system of {@code source.topic}: the catalogue's recommendation codes. */
    public static final String CATALOGUE_SYSTEM = "urn:primum:guidance-catalogue";
    public static final String SOURCE_LABEL = "Primum: locoregional therapy in de novo metastatic breast cancer";
    public static final int SUMMARY_MAX = 139; // the specification: "<140-character summary"
    static final String INVALID_RECORD = "DATA_INVALID_RECORD";

    /** Issues a card uuid carrying the card's catalogue codes ({@link FeedbackStore#cardId}). */
    public interface CardIds {
        UUID cardId(Collection<String> codes);
    }

    private final OrderSuggestions suggestions;
    private final List<Coding> overrideReasons;
    private final CardIds ids;

    /** @param json the application's mapper: the draft orders copied into proposals are read with it */
    public CardFactory(CdsProfiles profiles, ObjectMapper json, CardIds ids) {
        this.suggestions = new OrderSuggestions(profiles.orderSuggestions(), json);
        this.overrideReasons = profiles.overrideReasons().codings();
        this.ids = ids;
    }

    public List<Card> cards(Evaluation evaluation, HookCall call) {
        Optional<Presentation> presentation = evaluation.facts().first(Presentation.class);
        if (presentation.isEmpty() || presentation.get().scope() != Scope.DE_NOVO) {
            return evaluation.recommendations().stream().filter(r -> r.code().equals(INVALID_RECORD)).map(r -> single(r, call)).toList();
        }

        List<Recommendation> relevant = new ArrayList<>();
        for (Recommendation r : evaluation.recommendations()) {
            if (r.code().startsWith("NOT_APPLICABLE_")) continue;
            if (call.orderHook() && !about(r, call.selections()) && !r.code().equals(INVALID_RECORD)) continue;
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
        List<Card.Suggestion> suggested = call.orderHook() ? suggestions.suggest(r, call) : List.of();
        boolean actionable = r.indicator() != Indicator.INFO;
        return new Card(ids.cardId(List.of(r.code())).toString(), summary(r.title()), CardDetail.markdown(List.of(r)),
                r.indicator().json(), source(r), suggested, suggested.isEmpty() ? null : "at-most-one",
                actionable ? overrideReasons : List.of(), List.of());
    }

    private Card group(List<Recommendation> members) {
        Recommendation first = members.get(0);
        String heading = "B".equals(first.section()) ? "Locoregional therapy of the primary: " : "If locoregional therapy is done: ";
        String summary = summary(heading + first.title() + " (+" + (members.size() - 1) + " more)");
        return new Card(ids.cardId(members.stream().map(Recommendation::code).toList()).toString(), summary, CardDetail.markdown(members),
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
}
