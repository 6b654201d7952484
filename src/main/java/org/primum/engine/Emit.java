package org.primum.engine;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.RuleContext;
import org.primum.facts.Thresholds;

import java.util.List;

/**
 * The one consequence every rule has: {@code emit(kcontext);}. The recommendation's code and texts
 * are the rule's metadata; the facts that made it fire are the match's objects.
 */
public final class Emit {
    private Emit() {
    }

    public static void emit(RuleContext kcontext) {
        var rule = kcontext.getRule();
        String code = RuleDefinition.meta(rule.getMetaData(), "code");
        String lrtPath = RuleDefinition.meta(rule.getMetaData(), "lrtPath");
        List<Object> because = kcontext.getMatch().getObjects().stream()
                .filter(o -> !(o instanceof Thresholds))
                .toList();
        ((KieSession) kcontext.getKieRuntime()).insert(new Finding(code, rule.getName(), lrtPath == null ? "" : lrtPath, because));
    }
}
