package org.primum.engine;

import org.kie.api.runtime.KieSession;
import org.primum.facts.CaseFacts;
import org.primum.facts.Fact;
import org.primum.facts.Thresholds;

import java.util.*;
import java.util.stream.Collectors;

/** Runs the knowledge base over one case's facts and turns the findings into recommendations. */
public final class Evaluator {

    private static final Comparator<Recommendation> IMPORTANCE = Comparator
            .comparing(Recommendation::indicator)
            .thenComparing(Recommendation::section)
            .thenComparing(Recommendation::code);

    private final KnowledgeBase knowledgeBase;

    public Evaluator(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    public KnowledgeBase knowledgeBase() { return knowledgeBase; }

    /**
     * The audit's evaluation (catalogue section F): the case's facts (the record as it stood before the act)
     * plus {@code auditFacts} (the {@link org.primum.facts.AuditedAct} and what only the audit knows, such as
     * the act's margins); the verdicts of the audit rules that fired, in rule order. Recommendations are not
     * built: the audit only reads verdicts.
     */
    public List<Judgement> judge(CaseFacts caseFacts, List<? extends Fact> auditFacts) {
        checkThresholds(caseFacts);
        List<Judgement> judgements = new ArrayList<>();
        List<Finding> findings = sorted(fire(knowledgeBase.newAuditSession(), caseFacts, auditFacts));
        for (Finding f : findings) {
            knowledgeBase.auditRule(f.rule()).ifPresent(rule -> judgements.add(new Judgement(rule, f.facts())));
        }
        return List.copyOf(judgements);
    }

    private static List<Finding> fire(KieSession session, CaseFacts caseFacts, List<? extends Fact> extra) {
        List<Finding> findings = new ArrayList<>();
        try {
            caseFacts.facts().forEach(session::insert);
            extra.forEach(session::insert);
            session.fireAllRules();
            session.getObjects(o -> o instanceof Finding).forEach(o -> findings.add((Finding) o));
        } finally {
            session.dispose();
        }
        return findings;
    }

    private void checkThresholds(CaseFacts caseFacts) {
        // the rule texts quote the knowledge base's thresholds: facts interpreted with other numbers would
        // get recommendations whose texts contradict the decision (a wiring error, not a clinical one)
        caseFacts.first(Thresholds.class).filter(t -> !t.equals(knowledgeBase.thresholds())).ifPresent(t -> {
            throw new IllegalArgumentException("the facts were interpreted with " + t + " but the knowledge base quotes "
                    + knowledgeBase.thresholds() + ": build the ClinicalInterpreter with KnowledgeBase#thresholds()");
        });
    }

    public Evaluation evaluate(CaseFacts caseFacts) {
        checkThresholds(caseFacts);
        // audit verdicts need an AuditedAct, which only judge() inserts; filtered all the same, so that no
        // AUDIT_ finding can ever become a recommendation
        List<Finding> findings = fire(knowledgeBase.newSession(), caseFacts, List.of()).stream()
                .filter(f -> knowledgeBase.auditRule(f.rule()).isEmpty()).collect(Collectors.toCollection(ArrayList::new));
        Map<String, List<Finding>> byCode = new LinkedHashMap<>();
        findings.forEach(f -> byCode.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(f));
        List<Recommendation> recommendations = new ArrayList<>();
        // one Because per fact, however many recommendations name it (describe() builds a sentence)
        Map<Fact, Recommendation.Because> described = new IdentityHashMap<>();
        byCode.forEach((code, group) -> recommendations.add(recommendation(code, group, described)));
        recommendations.sort(IMPORTANCE);
        return new Evaluation(knowledgeBase.version(), caseFacts, List.copyOf(recommendations), missingData(recommendations));
    }

    private Recommendation recommendation(String code, List<Finding> group, Map<Fact, Recommendation.Because> described) {
        RuleDefinition d = knowledgeBase.definition(code).orElseThrow();
        // one Because per (fact kind, description): a record key, not a "kind|description" string built per fact
        record Said(String fact, String description) {
        }
        Map<Said, Recommendation.Because> because = new LinkedHashMap<>();
        // the session hands findings back in no fixed order: sort them so that the same record always gets
        // the same answer, byte for byte (golden answers, replay, audit)
        for (Finding f : sorted(group)) {
            for (Object o : f.because()) {
                if (o instanceof Fact fact) {
                    Recommendation.Because b = described.computeIfAbsent(fact,
                            x -> new Recommendation.Because(x.getClass().getSimpleName(), x.describe(), x.sourceIds()));
                    because.putIfAbsent(new Said(b.fact(), b.description()), b);
                } else if (o instanceof Finding other) {
                    // a recommendation may rest on several findings of one code (a rule with an 'or', e.g. the
                    // oligometastatic exception after the window or after ablation): name the ids of all of them,
                    // not those of whichever came first
                    Said said = new Said("Recommendation", other.code());
                    Recommendation.Because known = because.get(said);
                    if (known == null) {
                        RuleDefinition od = knowledgeBase.definition(other.code()).orElseThrow();
                        because.put(said, new Recommendation.Because("Recommendation", other.code() + ": " + od.title(), sourceIds(other)));
                    } else if (!known.resourceIds().containsAll(sourceIds(other))) {
                        Set<String> ids = new LinkedHashSet<>(known.resourceIds());
                        ids.addAll(sourceIds(other));
                        because.put(said, new Recommendation.Because(known.fact(), known.description(), List.copyOf(ids)));
                    }
                }
            }
        }
        return new Recommendation(code, d.title(), d.statement(), d.indicator(), d.evidenceLevel(), d.section(),
                d.citations(), List.copyOf(because.values()), d.rule(), knowledgeBase.version());
    }

    /**
     * {@code findings} in the order of their {@link #matchKey}s, each key built once (a comparator that built
     * them built two strings per comparison).
     */
    private static List<Finding> sorted(List<Finding> findings) {
        if (findings.size() < 2) return findings;
        record Keyed(String key, Finding finding) {
        }
        List<Keyed> keyed = new ArrayList<>(findings.size());
        for (Finding f : findings) keyed.add(new Keyed(matchKey(f), f));
        keyed.sort(Comparator.comparing(Keyed::key));
        List<Finding> sorted = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) sorted.add(k.finding());
        return sorted;
    }

    private static String matchKey(Finding finding) {
        StringBuilder key = new StringBuilder(finding.rule());
        for (Object o : finding.because()) {
            key.append('|').append(o.getClass().getSimpleName());
            if (o instanceof Fact f) key.append(f.sourceIds());
            // two findings resting on different findings of one code differ by the ids of those
            else if (o instanceof Finding nested) key.append(nested.code()).append(sourceIds(nested));
        }
        return key.toString();
    }

    private static List<String> sourceIds(Finding finding) {
        Set<String> ids = new LinkedHashSet<>();
        for (Object o : finding.because()) {
            if (o instanceof Fact f) ids.addAll(f.sourceIds());
            else if (o instanceof Finding nested) ids.addAll(sourceIds(nested));
        }
        return List.copyOf(ids);
    }

    /** The DATA_MISSING_* recommendations, itemised; the mapping's assumptions stay in the notes. */
    private static List<MissingData> missingData(List<Recommendation> recommendations) {
        List<MissingData> missing = new ArrayList<>();
        for (Recommendation r : recommendations) {
            if (r.code().startsWith("DATA_MISSING_")) {
                List<String> ids = r.because().stream().flatMap(b -> b.resourceIds().stream()).distinct().toList();
                String detail = String.join("; ", r.because().stream().map(Recommendation.Because::description).toList());
                missing.add(new MissingData(r.code(), r.title(), detail, ids));
            }
        }
        return List.copyOf(missing);
    }
}
