package org.primum.audit;

import org.primum.audit.model.*;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.primum.core.Pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.*;
import java.util.zip.GZIPOutputStream;

/** The audit engine on the repository's knowledge base, and FHIR Bundles turned into Bulk Data NDJSON. */
final class AuditTestSupport {
    private AuditTestSupport() {
    }

    static final Pipeline PIPELINE = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
    static final AuditEngine ENGINE = new AuditEngine(PIPELINE);
    private static final IParser JSON = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(false);

    /** Every resource of the Bundles, one NDJSON file per resource type (as a Bulk Data export writes them), appended. */
    static void writeNdjson(Path dir, Bundle... bundles) throws IOException {
        Files.createDirectories(dir);
        for (Bundle b : bundles) {
            for (Bundle.BundleEntryComponent e : b.getEntry()) {
                Resource r = e.getResource();
                // an export gives every resource its id; a Bundle entry may carry it only in its fullUrl (urn:uuid:…)
                String id = r.getIdElement().getIdPart();
                if ((id == null || id.startsWith("urn:")) && e.getFullUrl() != null) {
                    r.setId(e.getFullUrl().replaceFirst("^urn:uuid:", "").replaceFirst("^.*/", ""));
                }
                Files.writeString(dir.resolve(r.fhirType() + ".ndjson"), JSON.encodeResourceToString(r) + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }

    static String line(Resource r) {
        return JSON.encodeResourceToString(r);
    }

    static void gzip(Path file, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (String l : lines) out.write((l + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    static AuditReport audit(Path input, LocalDate asOf) {
        return ENGINE.run(AuditInput.of(input), AuditOptions.defaults(asOf).withBucketBytes(1 << 12),
                ProgressListener.NONE, () -> false);
    }

    /** Every patient's result, by "Patient/<id>". */
    static Map<String, PatientResult> patients(AuditReport report) {
        Map<String, PatientResult> map = new TreeMap<>();
        report.forEachPatient(p -> map.put(p.patient(), p));
        return map;
    }

    /** The patient's worst verdict per criterion (the summary's counting). */
    static Map<String, Verdict> worst(PatientResult p) {
        Map<String, Verdict> map = new TreeMap<>();
        p.criteria().forEach(c -> map.merge(c.code(), c.verdict(), Verdict::worse));
        return map;
    }
}
