package org.primum.audit;

import org.hl7.fhir.r4.model.Bundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A small cohort of audit scenarios as one NDJSON body (for tests outside this package: the HTTP round trip). */
public final class AuditHttpEngineSupport {
    private AuditHttpEngineSupport() {
    }

    /** The named scenarios' resources (each patient named after her scenario), one per line, shuffled, with one broken line. */
    public static byte[] ndjson(String... scenarios) {
        List<String> lines = new ArrayList<>();
        for (String name : scenarios) {
            Bundle b = AuditScenario.read(AuditScenario.DIR.resolve(name)).bundle();
            AuditCohortTest.renamePatient(b, name.replace(".yaml", ""));
            for (Bundle.BundleEntryComponent e : b.getEntry()) lines.add(AuditTestSupport.line(e.getResource()));
        }
        Collections.shuffle(lines, new Random(7));
        lines.add(3, "{\"resourceType\": \"Condition\", \"id\": ");
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
