package org.primum.definitions;

import org.primum.facts.DiseaseFocus;
import org.primum.facts.DiseaseStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a disease status speaks of, once the definitions know which node records are distant disease (catalogue
 * "response assessment": a status focused on the primary or a regional-node record speaks of locoregional disease;
 * "distant vs regional": nodes of the side opposite the primary, or ambiguous nodes with M1 staging, are distant).
 * The mapping reads every node record in a focus as locoregional, since it cannot tell the side yet; a status about
 * nodes found distant speaks of the distant disease instead, and of both when the primary or a regional node record
 * is in its focus too.
 */
final class StatusFocus {

    static List<DiseaseStatus> of(List<DiseaseStatus> statuses, Set<String> distantNodes) {
        return statuses.stream().map(s -> refocused(s, distantNodes)).toList();
    }

    private static DiseaseStatus refocused(DiseaseStatus s, Set<String> distantNodes) {
        if (s.nodeFocus().stream().noneMatch(distantNodes::contains)) return s;
        boolean locoregional = s.primaryFocus() || s.nodeFocus().stream().anyMatch(id -> !distantNodes.contains(id));
        DiseaseFocus focus = locoregional ? DiseaseFocus.WHOLE : DiseaseFocus.DISTANT;
        List<String> metastases = new ArrayList<>(s.metastasisFocus());
        s.nodeFocus().stream().filter(distantNodes::contains).forEach(metastases::add);
        return new DiseaseStatus(s.sourceId(), focus, s.response(), s.date(), s.nodeFocus(), s.primaryFocus(), metastases);
    }

    private StatusFocus() {
    }
}
