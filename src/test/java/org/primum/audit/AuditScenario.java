package org.primum.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.hl7.fhir.r4.model.*;
import org.primum.scenarios.FhirCaseBuilder;
import org.primum.scenarios.ScenarioCase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

/**
 * One audit scenario of {@code src/test/resources/audit/scenarios/*.yaml}: a record written as the
 * recommendation scenarios write it (the same keys, turned into FHIR by {@link FhirCaseBuilder}), plus
 * {@code tumourBoards} (reviews done: {id, date}), the audit's {@code asOf}, and what the audit must say:
 * {@code verdicts} (criterion → the patient's verdict; a criterion not named must not be judged) or
 * {@code outOfScope} (the scope).
 */
record AuditScenario(String name, String description, String asOf, ScenarioCase record, List<Review> tumourBoards,
                     Map<String, String> verdicts, String outOfScope) {

    record Review(String id, String date) {
    }

    static final Path DIR = Path.of("src/test/resources/audit/scenarios");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    static AuditScenario read(Path file) {
        try {
            ObjectNode tree = (ObjectNode) YAML.readTree(file.toFile());
            String description = text(tree.remove("description"));
            String asOf = text(tree.remove("asOf"));
            JsonNode boards = tree.remove("tumourBoards");
            JsonNode verdicts = tree.remove("verdicts");
            String outOfScope = text(tree.remove("outOfScope"));
            tree.put("asOf", asOf);
            tree.put("description", description);
            ScenarioCase record = YAML.treeToValue(tree, ScenarioCase.class);
            List<Review> reviews = boards == null ? List.of() : List.of(YAML.treeToValue(boards, Review[].class));
            Map<String, String> expected = new TreeMap<>();
            if (verdicts != null) verdicts.fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
            return new AuditScenario(file.getFileName().toString(), description, asOf, record, reviews, expected, outOfScope);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audit scenario " + file, e);
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The record as one FHIR Bundle, the tumour-board reviews added as Procedures (NCI Thesaurus C93304). */
    Bundle bundle() {
        Bundle bundle = FhirCaseBuilder.build(record);
        String patient = "Patient/" + (record.patient() == null ? "patient" : record.patient().id());
        for (Review r : tumourBoards) {
            Procedure p = new Procedure();
            p.setId(r.id());
            p.setStatus(Procedure.ProcedureStatus.COMPLETED);
            p.setSubject(new Reference(patient));
            p.getCode().addCoding().setSystem("http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl").setCode("C93304")
                    .setDisplay("Tumor Board Review");
            if (r.date() != null) p.setPerformed(new DateTimeType(r.date()));
            bundle.addEntry().setFullUrl("https://example.org/fhir/Procedure/" + r.id()).setResource(p);
        }
        return bundle;
    }

    static List<Path> files() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
