package org.primum.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.primum.cdshooks.OrderSuggestionMap.Entry;
import org.primum.cdshooks.model.Card;
import org.primum.engine.Recommendation;

import java.util.*;
import java.util.function.Function;

/**
 * The suggestions of an order-check card (catalogue section E): which draft orders to delete and which
 * order to propose instead, as {@link OrderSuggestionMap} says for the recommendation's code. The orders
 * concerned are the draft procedure orders under review that a fact of the recommendation comes from.
 */
final class OrderSuggestions {
    private final OrderSuggestionMap map;
    private final ObjectMapper json;

    OrderSuggestions(OrderSuggestionMap map, ObjectMapper json) {
        this.map = map;
        this.json = json;
    }

    /** @param excluded orders no suggestion may touch (prophylactic or contralateral mastectomies: their own card withdraws them) */
    List<Card.Suggestion> suggest(Recommendation r, HookCall call, Set<String> excluded) {
        Optional<Entry> entry = map.forCode(r.code());
        if (entry.isEmpty()) return List.of();
        Set<String> behind = ordersBehind(r, call);
        behind.removeAll(excluded);
        List<DraftOrder> orders = DraftOrderReader.procedureOrders(call, behind, json);
        if (orders.isEmpty()) return List.of();
        Entry e = entry.get();
        return switch (e.kind()) {
            case REPLACE -> perOrder(e, orders, o -> List.of(delete(o, fill(e.remove(), o)),
                    create(ProposedOrders.replacement(o, e.order(), e.orderText()), fill(e.propose(), o))));
            case WITHDRAW -> perOrder(e, orders, o -> List.of(delete(o, fill(e.remove(), o))));
            case WITHDRAW_AND_REQUEST -> withdrawAndRequest(e, orders, r, call);
        };
    }

    /**
     * The ids of the orders under review that a fact of the recommendation comes from (a ProposedOrder, or a
     * fact derived from one such as PrimaryLrtOrder; not the facts of another recommendation it builds on).
     */
    static Set<String> ordersBehind(Recommendation r, HookCall call) {
        Set<String> ids = new LinkedHashSet<>();
        for (Recommendation.Because b : r.because()) {
            if ("Recommendation".equals(b.fact())) continue;
            for (String id : b.resourceIds()) if (call.selections().contains(id)) ids.add(id);
        }
        return ids;
    }

    /** One suggestion per order; the first is the recommended one. */
    private static List<Card.Suggestion> perOrder(Entry e, List<DraftOrder> orders, Function<DraftOrder, List<Card.Action>> actions) {
        List<Card.Suggestion> out = new ArrayList<>();
        for (DraftOrder o : orders) out.add(new Card.Suggestion(fill(e.label(), o), uuid(), out.isEmpty(), actions.apply(o)));
        return out;
    }

    /** Withdraw every order and request the proposed one (recommended), or only withdraw them. */
    private static List<Card.Suggestion> withdrawAndRequest(Entry e, List<DraftOrder> orders, Recommendation r, HookCall call) {
        List<Card.Action> removeAll = new ArrayList<>();
        orders.forEach(o -> removeAll.add(delete(o, fill(e.remove(), o))));
        List<Card.Action> withRequest = new ArrayList<>(removeAll);
        withRequest.add(create(ProposedOrders.request(e.order(), e.orderText(), call.patientId(), call.userId(),
                "Proposed by Primum CDS: " + r.title() + " (" + r.code() + ")."), e.propose()));
        return List.of(new Card.Suggestion(e.label(), uuid(), true, withRequest),
                new Card.Suggestion(e.alternative(), uuid(), false, removeAll));
    }

    private static String fill(String text, DraftOrder o) {
        return text.replace(OrderSuggestionMap.ORDER_PLACEHOLDER, o.display());
    }

    private static Card.Action delete(DraftOrder o, String description) {
        return new Card.Action("delete", description, null, o.reference());
    }

    private static Card.Action create(Object resource, String description) {
        return new Card.Action("create", description, resource, null);
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
