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
 * <p>The rank is explicit, from the catalogue: first the paths of sections B and C (what to do about the
 * primary for this patient now), then the supporting advice of section B in the catalogue's order (systemic
 * therapy first, the tumour board, what LRT does not do, what to disclose, trials), then the advice of
 * section D on how to operate, most specific first (radiotherapy instead when conservation is not feasible,
 * timing after systemic therapy, conservation, the axilla, margins, post-operative radiotherapy). A code not
 * ranked here (a new one) follows the ranked ones in the engine's order; {@code GroupLeadTest} lists the
 * knowledge base's section B and D codes against this rank so that a new code is ranked deliberately.
 */
final class GroupLead {

    /** The decisions: which of the section B/C paths the patient is on. At most one of the first five fires with the others. */
    static final List<String> DECISIONS = List.of(
            "NO_LRT_DISTANT_PROGRESSION", "SURGERY_FOR_PROGRESSING_PRIMARY", "LRT_FOR_PALLIATION", "LRT_OPTION_FOR_LOCAL_CONTROL",
            "NO_LRT_BOTH_CONTROLLED", "DEFER_LRT_UNTIL_RESPONSE", "OLIGOMETASTATIC_NED_EXCEPTION", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT");

    /** The supporting advice, in the order a clinician should read it. */
    static final List<String> SUPPORT = List.of(
            "SYSTEMIC_THERAPY_FIRST", "MULTIDISCIPLINARY_DISCUSSION", "LRT_NOT_FOR_SURVIVAL", "DISCLOSE_NO_SURVIVAL_BENEFIT",
            "OFFER_CLINICAL_TRIAL",
            "PRIMARY_RADIOTHERAPY_ALTERNATIVE", "SURGERY_AFTER_SYSTEMIC_THERAPY", "BREAST_CONSERVATION_PREFERRED",
            "AXILLA_BY_NODAL_STATUS", "AIM_FOR_CLEAR_MARGINS", "RADIOTHERAPY_EVIDENCE_CONFLICTING");

    private GroupLead() {
    }

    /** The members, the leading one first; unranked codes after the ranked ones, in their given order (a stable sort). */
    static List<Recommendation> ordered(List<Recommendation> members) {
        List<Recommendation> out = new ArrayList<>(members);
        out.sort(Comparator.comparingInt(r -> rank(r.code())));
        return out;
    }

    static int rank(String code) {
        int d = DECISIONS.indexOf(code);
        if (d >= 0) return d;
        int s = SUPPORT.indexOf(code);
        return s >= 0 ? DECISIONS.size() + s : Integer.MAX_VALUE;
    }
}
