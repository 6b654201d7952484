package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered list of catalogue codes kept as data: the concepts of a ValueSet of {@code fhir-profiles/}
 * ({@code compose.include.concept}, in file order, every include in the catalogue's code system), so that
 * changing which codes the cards treat one way, or in which order, needs no Java change. A defect (another
 * system, a code twice, no code) stops start-up.
 */
public final class CatalogueCodes {
    private final List<String> codes;
    private final Map<String, Integer> positions = new HashMap<>();

    public CatalogueCodes(List<String> codes) {
        this.codes = List.copyOf(codes);
        for (int i = 0; i < this.codes.size(); i++) {
            if (positions.putIfAbsent(this.codes.get(i), i) != null) throw new IllegalArgumentException(this.codes.get(i) + " is listed twice");
        }
    }

    public List<String> codes() {
        return codes;
    }

    public boolean contains(String code) {
        return positions.containsKey(code);
    }

    /** The code's position in the list, or -1 when it is not listed. */
    public int indexOf(String code) {
        return positions.getOrDefault(code, -1);
    }

    /** Reads and checks the ValueSet {@code file} of the profiles folder. */
    static CatalogueCodes read(Path profilesDir, String file) {
        ProfileFile f = ProfileFile.read(profilesDir, file, "ValueSet");
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode include : f.array(f.root().path("compose"), "include", "compose.include")) {
            String system = f.text(include, "system", "compose.include.system");
            if (!CardFactory.CATALOGUE_SYSTEM.equals(system)) throw f.fail("compose.include.system must be " + CardFactory.CATALOGUE_SYSTEM);
            for (JsonNode concept : f.array(include, "concept", "compose.include.concept")) {
                String code = f.text(concept, "code", "concept.code");
                f.text(concept, "display", "concept " + code + ": display");
                if (out.contains(code)) throw f.fail("concept " + code + " is listed twice");
                out.add(code);
            }
        }
        if (out.isEmpty()) throw f.fail("no catalogue code (compose.include.concept)");
        return new CatalogueCodes(out);
    }
}
