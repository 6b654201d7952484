package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.primum.cdshooks.model.Coding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reasons a clinician may pick when overriding a warning or critical card, in the order the EHR
 * shows them: the concepts of {@code fhir-profiles/ValueSet-override-reason.json} (compose.include, each
 * with its system). Data, so that a reason can be added or reworded without a release.
 */
public record OverrideReasons(List<Coding> codings) {
    public static final String FILE = "ValueSet-override-reason.json";

    public OverrideReasons {
        codings = List.copyOf(codings);
    }

    /** Reads and checks the ValueSet: every concept has a system, a code and a display; no code twice; at least one. */
    public static OverrideReasons read(Path profilesDir) {
        ProfileFile f = ProfileFile.read(profilesDir, FILE, "ValueSet");
        List<Coding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode include : f.array(f.root().path("compose"), "include", "compose.include")) {
            String system = f.text(include, "system", "compose.include.system");
            for (JsonNode concept : f.array(include, "concept", "compose.include.concept")) {
                String code = f.text(concept, "code", "concept.code");
                String display = f.text(concept, "display", "concept " + code + ": display");
                if (!seen.add(system + "|" + code)) throw f.fail("concept " + code + " is listed twice");
                out.add(new Coding(system, code, display));
            }
        }
        if (out.isEmpty()) throw f.fail("no override reason (compose.include.concept)");
        return new OverrideReasons(out);
    }
}
