package org.primum.definitions;

import org.primum.facts.DateBasis;
import org.primum.facts.Laterality;
import org.primum.facts.LesionMeasurement;
import org.primum.facts.MappingNote;
import org.primum.facts.Metastasis;
import org.primum.facts.NodalDisease;
import org.primum.facts.PrimaryTumour;
import org.primum.facts.TnmCategory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The catalogue's "distant vs regional" for node records the mapping could not settle alone: regional nodes
 * of the side opposite a one-sided primary are distant (M1); a node record whose code and body site do not
 * say regional or distant (C77.0, C77.1, C77.9 without a body site) is distant only when a cM1/pM1 or stage IV
 * says so, and the answer notes the ambiguity either way.
 */
final class NodeReading {
    static final String DISTANT_NODES = "distant-lymph-nodes";

    /** The node records that are distant disease, as metastases; notes for the rest. */
    static List<Metastasis> distant(List<NodalDisease> nodes, List<PrimaryTumour> primaries, List<TnmCategory> staging,
                                    List<MappingNote> notes) {
        List<Metastasis> distant = new ArrayList<>();
        boolean stagedDistant = staging.stream().anyMatch(TnmCategory::showsDistantDisease);
        for (NodalDisease n : nodes) {
            String id = n.sourceId();
            if (!n.ambiguous()) {
                if (contralateral(n.side(), primaries)) {
                    distant.add(metastasis(n));
                    notes.add(new MappingNote("distant nodes", "Regional-type nodes on the side opposite the primary are distant (M1) disease.", List.of(id)));
                }
                continue;
            }
            if (stagedDistant) {
                distant.add(metastasis(n));
                notes.add(new MappingNote("ambiguous nodes", "A lymph-node record does not say whether the nodes are regional or distant; "
                        + "the staging (M1 or stage IV) shows distant disease, so they were counted as distant.", List.of(id)));
            } else {
                notes.add(new MappingNote("ambiguous nodes", "A lymph-node record does not say whether the nodes are regional or distant "
                        + "(no body site); without M1 or stage IV staging it is not taken as evidence of distant disease.", List.of(id)));
            }
        }
        return distant;
    }

    /**
     * The measurements of distant lesions (catalogue "distant progression": growth of an existing <i>distant</i>
     * site): a lesion of regional-type nodes is one only when those nodes are distant, i.e. its node record was read
     * distant here ({@code distantNodeIds}) or its side is opposite the primary's; ipsilateral or side unknown, it is
     * locoregional disease and its growth is not distant progression.
     */
    static List<LesionMeasurement> distantLesions(List<LesionMeasurement> measured, List<PrimaryTumour> primaries,
                                                  Set<String> distantNodeIds) {
        List<LesionMeasurement> distant = new ArrayList<>();
        for (LesionMeasurement m : measured) {
            if (!m.regionalNode()) distant.add(m);
            else if (distantNodeIds.contains(m.lesionKey()) || contralateral(m.side(), primaries)) distant.add(m.distantAt(DISTANT_NODES));
        }
        return distant;
    }

    private static boolean contralateral(Laterality side, List<PrimaryTumour> primaries) {
        if (side == null || side == Laterality.BILATERAL || primaries.isEmpty()) return false;
        return primaries.stream().noneMatch(p -> p.laterality() == null || p.laterality() == side || p.laterality() == Laterality.BILATERAL);
    }

    private static Metastasis metastasis(NodalDisease n) {
        return new Metastasis(n.sourceId(), DISTANT_NODES, false, n.display(), n.onset(),
                n.onset() == null ? DateBasis.UNDATED : DateBasis.RECORDED, null);
    }

    private NodeReading() {
    }
}
