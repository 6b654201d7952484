package org.primum.tumourboard;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.primum.testdata.FhirRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The FHIR R4 bundle of the endpoint tests (built with {@link FhirRecord}), and the fixtures read from the class path. */
final class DeNovoBundles {

    private DeNovoBundles() {
    }

    static String fixture(String classpath) {
        try (InputStream in = DeNovoBundles.class.getResourceAsStream(classpath)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + classpath);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A de novo metastatic patient: left breast cancer diagnosed 2025-01-10, a bone metastasis found
     * 2025-01-20, ER+ PR+ HER2−, letrozole from 2025-02-01 and no disease-status assessment yet.
     */
    static Bundle deNovoBoneOnly() {
        return FhirRecord.patient("t-patient").born("1966-05-02")
                .primary("t-primary", p -> p.left().onset("2025-01-10"))
                .metastasis("t-bone", "bone", m -> m.onset("2025-01-20"))
                .receptor("t-er", "er", "positive", r -> r.on("2025-01-15"))
                .receptor("t-pr", "pr", "positive", r -> r.on("2025-01-15"))
                .receptor("t-her2", "her2", "negative", r -> r.on("2025-01-15"))
                .therapy("t-letrozole", "letrozole", t -> t.start("2025-02-01"))
                .bundle();
    }

    static String json(Resource r) {
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(r);
    }
}
