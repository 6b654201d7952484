package org.primum.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.primum.cdshooks.CdsServiceCatalog;
import org.primum.cdshooks.TestPatient;
import org.primum.scenarios.ScenarioBundles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The valid inputs the fuzzer damages: every scenario Bundle and public fixture (tumour board), CDS Hooks
 * requests of the three hooks with full prefetch built from the same records, and NDJSON cohorts (audit).
 */
final class Seeds {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/public");
    private static final Path BENCH = Path.of("src/test/resources/bench/denovo-metastatic-bundle.json");
    /** The multi-megabyte fixtures cost ~100 times a scenario to evaluate: drawn less often. */
    private static final long LARGE = 300_000;
    private static final Map<String, String> PREFETCH_KEY = Map.of("Condition", "conditions", "Observation", "observations",
            "Procedure", "procedures", "MedicationRequest", "medicationRequests", "MedicationStatement", "medicationStatements",
            "MedicationAdministration", "medicationAdministrations", "ServiceRequest", "serviceRequests", "Medication", "medicationRequests");

    /**
     * @param asOf   the evaluation date (tumour board, audit), null for today
     * @param weight how often it is drawn, relative to the others
     */
    record Seed(String name, JsonNode tree, String asOf, double weight) {
    }

    private Seeds() {
    }

    /** Every scenario Bundle, the public fixtures and the benchmark Bundle. */
    static List<Seed> bundles() {
        List<Seed> out = new ArrayList<>();
        for (ScenarioBundles.Named s : ScenarioBundles.all()) out.add(new Seed("scenario " + s.name(), read(s.json()), s.asOf(), 1));
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(new Seed("fixture " + f.getFileName(), read(Files.readString(f)), "2025-07-01", Files.size(f) > LARGE ? 0.2 : 1));
            }
            out.add(new Seed("bench " + BENCH.getFileName(), read(Files.readString(BENCH)), "2025-07-01", 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Hook requests: each small Bundle's record as prefetch (the Patient, one searchset per key) for each of the
     * three hooks, and test patients with draft orders (a mastectomy on each side). Bodies only: the client JWT
     * is signed per call.
     */
    static List<Seed> hookRequests() {
        List<Seed> out = new ArrayList<>();
        TestPatient early = TestPatient.deNovo("fuzz-early", 50).letrozole(6);
        TestPatient real = TestPatient.realistic("fuzz-real");
        for (TestPatient p : List.of(early, real)) {
            p.draft("sr-left", "mastectomy", "left");
            p.draft("sr-right", "mastectomy", "right");
            for (String hook : List.of("patient-view", "order-select", "order-sign")) {
                out.add(new Seed(hook + " " + p.prefetchAll().path("patient").path("id").asText(),
                        p.request(hook, p.prefetchAll(), List.of("ServiceRequest/sr-left")), null, 3));
            }
        }
        JsonNode draft = early.request("order-sign", null, List.of()).path("context").path("draftOrders").path("entry").get(0).path("resource");
        for (Seed b : bundles()) {
            if (b.weight() < 1 || b.name().startsWith("fixture mcode-john")) continue;
            for (String hook : List.of("patient-view", "order-select", "order-sign")) {
                out.add(new Seed(hook + " " + b.name(), request(hook, b.tree(), draft), null, 1));
            }
        }
        return out;
    }

    /** Each small Bundle's resources as NDJSON lines (an array, one element per line), ids from the fullUrls. */
    static List<Seed> cohorts() {
        List<Seed> out = new ArrayList<>();
        for (Seed b : bundles()) {
            if (b.weight() < 1) continue;
            ArrayNode lines = JSON.createArrayNode();
            for (JsonNode e : b.tree().path("entry")) {
                if (!e.path("resource").isObject()) continue;
                ObjectNode r = (ObjectNode) e.path("resource").deepCopy();
                if (!r.hasNonNull("id") && e.hasNonNull("fullUrl")) r.put("id", tail(e.path("fullUrl").asText()));
                lines.add(r);
            }
            out.add(new Seed("cohort " + b.name(), lines, b.asOf() == null ? "2025-07-01" : b.asOf(), 1));
        }
        return out;
    }

    /** A hook call on the Bundle's patient: its record as the prefetch the discovery document asks for, drafts for order hooks. */
    private static ObjectNode request(String hook, JsonNode bundle, JsonNode draftTemplate) {
        ObjectNode patient = null;
        Map<String, ArrayNode> byKey = new LinkedHashMap<>();
        for (JsonNode e : bundle.path("entry")) {
            JsonNode r = e.path("resource");
            String type = r.path("resourceType").asText();
            if ("Patient".equals(type) && patient == null) {
                patient = (ObjectNode) r.deepCopy();
                if (!patient.hasNonNull("id")) patient.put("id", tail(e.path("fullUrl").asText()));
            }
            String key = PREFETCH_KEY.get(type);
            if (key == null) continue;
            ObjectNode entry = byKey.computeIfAbsent(key, k -> JSON.createArrayNode()).addObject();
            if (e.has("fullUrl")) entry.set("fullUrl", e.get("fullUrl"));
            entry.set("resource", r.deepCopy());
            entry.putObject("search").put("mode", "Medication".equals(type) ? "include" : "match");
        }
        String patientId = patient == null ? "none" : patient.path("id").asText();
        ObjectNode body = JSON.createObjectNode();
        body.put("hook", hook);
        body.put("hookInstance", java.util.UUID.nameUUIDFromBytes((hook + patientId).getBytes()).toString());
        ObjectNode context = body.putObject("context");
        context.put("userId", "Practitioner/surgeon-1");
        context.put("patientId", patientId);
        if (!"patient-view".equals(hook)) {
            ObjectNode drafts = context.putObject("draftOrders");
            drafts.put("resourceType", "Bundle").put("type", "collection");
            ObjectNode d = (ObjectNode) draftTemplate.deepCopy();
            d.putObject("subject").put("reference", "Patient/" + patientId);
            drafts.putArray("entry").addObject().set("resource", d);
            if ("order-select".equals(hook)) context.putArray("selections").add("ServiceRequest/" + d.path("id").asText());
        }
        ObjectNode prefetch = body.putObject("prefetch");
        prefetch.set("patient", patient);
        for (String key : CdsServiceCatalog.PREFETCH.keySet()) {
            if ("patient".equals(key)) continue;
            ArrayNode entries = byKey.get(key);
            if (entries == null) {
                prefetch.putNull(key);
                continue;
            }
            ObjectNode b = prefetch.putObject(key);
            b.put("resourceType", "Bundle").put("type", "searchset").put("total", entries.size());
            b.set("entry", entries);
        }
        return body;
    }

    private static String tail(String url) {
        return url.replaceFirst("^urn:uuid:", "").replaceFirst("^.*/", "");
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
