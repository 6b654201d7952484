package org.primum.engine;

import org.primum.facts.Fact;

import java.util.List;

/** An audit rule that fired: the criterion's verdict on one act, and the facts of the match behind it. */
public record Judgement(AuditRule rule, List<Fact> because) {
    public Judgement {
        because = List.copyOf(because);
    }

    public String code() { return rule.code(); }

    public String verdict() { return rule.verdict(); }
}
