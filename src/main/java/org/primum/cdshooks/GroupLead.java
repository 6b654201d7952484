package org.primum.cdshooks;

import org.primum.engine.Recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of the recommendations in a grouped info card: the decision first (its title is the card's
 * summary, its code the card's {@code source.topic}), the supporting codes after it. The engine sorts by
 * indicator, section and then code, so within one group of info recommendations its order is alphabetical:
 * "Disclose that no survival benefit is proven" would head the card instead of the decision it supports.
 *
 * <p>The rank is clinical knowledge, so it is data: {@code fhir-profiles/ValueSet-cds-group-lead-order.json}
 * (the decisions of sections B and C, then the supporting advice of B and D, each in the catalogue's reading
 * order; the file's description says why). A code not listed there (a new one) follows the listed ones in the
 * engine's order; {@code CardFactoryTest} lists the knowledge base's section B and D info codes against it so
 * that a new code is ranked deliberately.
 */
final class GroupLead {

    private final CatalogueCodes order;

    GroupLead(CatalogueCodes order) {
        this.order = order;
    }

    /** The members, the leading one first; unranked codes after the ranked ones, in their given order (a stable sort). */
    List<Recommendation> ordered(List<Recommendation> members) {
        List<Recommendation> out = new ArrayList<>(members);
        out.sort(Comparator.comparingInt(r -> rank(r.code())));
        return out;
    }

    int rank(String code) {
        int i = order.indexOf(code);
        return i >= 0 ? i : Integer.MAX_VALUE;
    }
}
