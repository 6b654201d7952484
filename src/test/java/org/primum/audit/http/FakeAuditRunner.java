package org.primum.audit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The test double of the audit engine (the service's AuditRunner bean in the tests): reads the upload as
 * the engine would (NDJSON line by line, or a Bundle), lists every patient it references, and answers in
 * the shape of issue 12's JSON with no criteria. {@link #hold} keeps it running until released or
 * cancelled, for the status and cancel tests. An alternative with a priority: it stays the one runner of
 * the tests once the service has the engine's own AuditRunner bean.
 */
@Alternative
@Priority(1)
@Singleton
public class FakeAuditRunner implements AuditRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    static volatile boolean hold;
    static volatile Path lastInput;

    @Override
    public byte[] run(Path input, LocalDate asOf, Progress progress, BooleanSupplier cancelled) throws Exception {
        lastInput = input;
        List<JsonNode> resources = new ArrayList<>();
        if (input.toString().endsWith(".ndjson")) {
            try (BufferedReader lines = Files.newBufferedReader(input)) {
                for (String line; (line = lines.readLine()) != null; ) if (!line.isBlank()) resources.add(JSON.readTree(line));
            }
        } else {
            for (JsonNode entry : JSON.readTree(input.toFile()).path("entry")) resources.add(entry.path("resource"));
        }
        Set<String> patients = new TreeSet<>();
        for (JsonNode r : resources) {
            if ("Patient".equals(r.path("resourceType").asText())) patients.add("Patient/" + r.path("id").asText());
            else if (r.path("subject").has("reference")) patients.add(r.path("subject").path("reference").asText());
        }
        while (hold) {
            progress.patientsDone(0);
            if (cancelled.getAsBoolean()) throw new InterruptedException("cancelled");
            Thread.sleep(20);
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("patients");
        long done = 0;
        for (String p : patients) {
            list.addObject().put("patient", p).putArray("criteria");
            progress.patientsDone(++done);
        }
        out.putArray("summary");
        out.putObject("breastConservationRate");
        out.put("knowledgeBaseVersion", "fake-" + asOf);
        return JSON.writeValueAsBytes(out);
    }
}
