package org.primum.audit;

import org.primum.audit.model.*;
import java.util.*;

/** The cohort's counts, added to patient by patient from the audit's threads. */
final class Aggregates {

    private final Map<String, long[]> byCriterion = new LinkedHashMap<>();
    private final Map<String, Long> outOfScope = new TreeMap<>();
    private long patients, audited, breastSurgeries, breastConserving, withBreastSurgery;

    Aggregates() {
        Criteria.CODES.forEach(c -> byCriterion.put(c, new long[Verdict.values().length]));
    }

    synchronized void add(PatientResult p) {
        patients++;
        if (!p.audited()) {
            outOfScope.merge(p.scope(), 1L, Long::sum);
            return;
        }
        audited++;
        Map<String, Verdict> worst = new HashMap<>();
        for (CriterionResult c : p.criteria()) worst.merge(c.code(), c.verdict(), Verdict::worse);
        worst.forEach((code, v) -> byCriterion.computeIfAbsent(code, k -> new long[Verdict.values().length])[v.ordinal()]++);
        breastSurgeries += p.breastSurgeries();
        breastConserving += p.breastConserving();
        if (p.breastSurgeries() > 0) withBreastSurgery++;
    }

    synchronized List<CriterionSummary> summary(Map<String, String> titles) {
        List<CriterionSummary> list = new ArrayList<>();
        byCriterion.forEach((code, n) -> list.add(new CriterionSummary(code, titles.getOrDefault(code, code),
                n[Verdict.CONCORDANT.ordinal()], n[Verdict.DISCORDANT.ordinal()], n[Verdict.NOT_EVALUABLE.ordinal()])));
        return list;
    }

    synchronized BreastConservation breastConservation() {
        return new BreastConservation(breastConserving, breastSurgeries, withBreastSurgery);
    }

    synchronized long patients() {
        return patients;
    }

    synchronized long audited() {
        return audited;
    }

    synchronized Map<String, Long> outOfScope() {
        return Map.copyOf(outOfScope);
    }
}
