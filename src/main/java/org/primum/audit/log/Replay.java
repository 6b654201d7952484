package org.primum.audit.log;

import org.primum.audit.store.Decision;
import org.primum.audit.store.DecisionFilter;
import org.primum.audit.store.DecisionStore;
import org.primum.core.Pipeline;
import org.primum.input.InvalidInputException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Logged decisions evaluated again under the current knowledge base: from the raw FHIR when it was logged
 * (reading, mapping, definitions and rules of today), else from the logged mapped record (definitions and
 * rules of today). The replay is not itself logged. Codes are compared as sets: a change of order alone
 * is no change of answer.
 */
public final class Replay {

    private final Pipeline current;
    private final DecisionStore store;

    public Replay(Pipeline current, DecisionStore store) {
        this.current = current.withoutListener();
        this.store = store;
    }

    public ReplayReport run(DecisionFilter filter) throws SQLException {
        List<ReplayReport.Change> changed = new ArrayList<>();
        List<ReplayReport.Failure> failed = new ArrayList<>();
        List<Decision> decisions = store.find(filter);
        int unchanged = 0;
        for (Decision d : decisions) {
            List<String> now;
            String basis = d.rawFhir() != null ? "raw-fhir" : "facts";
            try {
                now = d.rawFhir() != null ? fromRaw(d) : current.evaluate(FactsJson.read(d.factsJson()), d.asOf()).codes();
            } catch (InvalidInputException | IllegalArgumentException | java.io.UncheckedIOException e) {
                failed.add(new ReplayReport.Failure(d.id(), e.getMessage()));
                continue;
            }
            Set<String> added = new LinkedHashSet<>(now);
            d.codes().forEach(added::remove);
            Set<String> removed = new LinkedHashSet<>(d.codes());
            now.forEach(removed::remove);
            if (added.isEmpty() && removed.isEmpty()) {
                unchanged++;
            } else {
                changed.add(new ReplayReport.Change(d.id(), d.recordedAt(), d.origin(), d.asOf(), basis, d.knowledgeBaseVersion(),
                        current.knowledgeBase().version(), d.codes(), now, List.copyOf(added), List.copyOf(removed)));
            }
        }
        return new ReplayReport(current.knowledgeBase().version(), decisions.size() - failed.size(), unchanged, changed, failed);
    }

    private List<String> fromRaw(Decision d) {
        RawFhir.Input input = RawFhir.read(d.rawFhir());
        Pipeline.Result result = input.bundle()
                ? current.evaluate(input.bundleJson(), d.asOf())
                : current.evaluate(input.looseInputs(), input.patientId(), d.asOf());
        return result.evaluation().codes();
    }
}
