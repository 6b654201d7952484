package org.primum.scenarios;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.primum.scenarios.ScenarioCase.orEmpty;

/**
 * One patient's whole course ({@code src/test/resources/scenarios/longitudinal/*.yml}): the record written once, with
 * the fields of a {@link ScenarioCase} but {@code asOf}, {@code orders} and {@code expect}, and the {@link Day}s it is
 * asked about. Each day becomes a ScenarioCase of its own (the same record, that day's asOf and orders under review),
 * so a course runs through exactly the pipeline and assertions of the single-snapshot scenarios.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record LongitudinalCourse(String description, ScenarioCase.Patient patient, ScenarioCase.Primary primary,
                                 List<ScenarioCase.Primary> otherPrimaries, List<ScenarioCase.OtherCondition> otherConditions,
                                 List<ScenarioCase.Met> metastases, ScenarioCase.Receptors receptors,
                                 List<ScenarioCase.Therapy> therapies, List<ScenarioCase.Status> statuses,
                                 List<ScenarioCase.Performance> performance, List<ScenarioCase.Tnm> tnm,
                                 List<ScenarioCase.Proc> procedures, List<ScenarioCase.Symptom> symptoms,
                                 List<ScenarioCase.Margin> margins, List<ScenarioCase.Her2Test> her2Tests,
                                 List<ScenarioCase.MarkerTest> markerTests, List<Measurement> measurements, Amend amend,
                                 List<Day> days) {

    /**
     * A size of a distant lesion over time (catalogue "distant progression": ≥ 20 % growth in longest diameter of
     * an existing site): the longest diameter in mm of the metastasis {@code lesion} (its id), as a LOINC 33728-7
     * Observation focused on that Condition.
     */
    public record Measurement(String id, String lesion, double mm, String date) {
    }

    /**
     * What the compact record cannot say and real records do: the day a resource was entered ({@code recorded}:
     * "Type/id" → ISO date; Condition.recordedDate, Observation.issued) and a resource's FHIR status ({@code status}:
     * "Type/id" → code, e.g. an Observation entered-in-error), and the day a condition ended ({@code abated}:
     * "Condition/id" → ISO date; abatementDateTime, clinical status resolved).
     */
    public record Amend(Map<String, String> recorded, Map<String, String> status, Map<String, String> abated) {
        public Map<String, String> abatedOrEmpty() { return abated == null ? Map.of() : abated; }
        public Map<String, String> recordedOrEmpty() { return recorded == null ? Map.of() : recorded; }
        public Map<String, String> statusOrEmpty() { return status == null ? Map.of() : status; }
    }

    /**
     * One question about the course: the day ({@code asOf}), the orders under review that day (a CDS Hooks
     * {@code hook}: order-select sends them as drafts, order-sign as active), and the complete answer expected.
     * {@code notNamed}: resources ("Type/id") no recommendation of that day may name, e.g. a status superseded or
     * entered in error.
     */
    public record Day(String asOf, String label, String hook, List<ScenarioCase.Proc> orders, String why,
                      List<String> fires, List<String> doesNotFire, Map<String, List<String>> because,
                      List<ScenarioCase.ExpectedNote> notes, List<String> notNamed) {
        public Day {
            if (hook != null && !List.of("order-select", "order-sign").contains(hook)) {
                throw new IllegalArgumentException("hook is order-select or order-sign, not " + hook);
            }
            if (hook != null && (orders == null || orders.isEmpty())) throw new IllegalArgumentException("a hook reviews orders: none given");
            if (fires == null) throw new IllegalArgumentException("a day lists every code that fires (fires: [] for none)");
        }

        public List<String> notNamedOrEmpty() { return notNamed == null ? List.of() : notNamed; }

        /** The orders as the hook sends them: order-sign signs them (active), order-select proposes drafts. */
        List<ScenarioCase.Proc> ordersUnderReview() {
            String status = "order-sign".equals(hook) ? "active" : null;
            return orEmpty(orders).stream().map(o -> new ScenarioCase.Proc(o.id(), o.kind(), o.laterality(), o.date(),
                    o.prophylactic(), o.status() != null ? o.status() : status, o.coding())).toList();
        }
    }

    /** The record as a scenario asked on that day, with that day's orders under review and its expectations. */
    public ScenarioCase on(Day day) {
        ScenarioCase.Expect expect = new ScenarioCase.Expect(day.fires(), null, null, day.doesNotFire(), day.because(), day.notes());
        return new ScenarioCase(description + " [" + day.asOf() + ": " + day.label() + "]", day.asOf(), patient, primary,
                otherPrimaries, otherConditions, metastases, receptors, therapies, statuses, performance, tnm, procedures,
                day.ordersUnderReview(), symptoms, margins, her2Tests, markerTests, expect);
    }

    /** Whether the course says only what a scenario says (no amendments, no lesion sizes), so that its direct record says it all. */
    public boolean scenarioAlone() {
        return amend == null && orEmpty(measurements).isEmpty();
    }

    /** The FHIR Bundle an EHR would send on that day: the day's scenario as built for every scenario, amended. */
    public Bundle bundle(Day day) {
        Bundle bundle = FhirCaseBuilder.build(on(day));
        String subject = "Patient/" + (patient == null ? "patient" : patient.id());
        // the entries' fullUrl base as the builder writes it (https://…/fhir/Type/id), so references resolve alike
        String url = bundle.getEntryFirstRep().getFullUrl();
        String base = url.substring(0, url.lastIndexOf('/', url.lastIndexOf('/') - 1) + 1);
        for (Measurement m : orEmpty(measurements)) bundle.addEntry().setFullUrl(base + "Observation/" + m.id()).setResource(size(m, subject));
        amend(bundle, amend);
        return bundle;
    }

    private static Observation size(Measurement m, String subject) {
        Observation o = new Observation();
        o.setId(m.id());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.getCode().addCoding().setSystem("http://loinc.org").setCode("33728-7").setDisplay("Size.maximum dimension in Tumor");
        o.setSubject(new org.hl7.fhir.r4.model.Reference(subject));
        o.addFocus(new org.hl7.fhir.r4.model.Reference("Condition/" + m.lesion()));
        o.setEffective(new DateTimeType(m.date()));
        o.setValue(new org.hl7.fhir.r4.model.Quantity().setValue(m.mm()).setUnit("mm").setSystem("http://unitsofmeasure.org").setCode("mm"));
        return o;
    }

    /** Applies the course's amendments to the built Bundle: entry dates, abatements and FHIR statuses, by "Type/id". */
    private static void amend(Bundle bundle, Amend amend) {
        if (amend == null) return;
        amend.recordedOrEmpty().forEach((ref, date) -> {
            Resource r = resource(bundle, ref);
            if (r instanceof Condition c) c.setRecordedDateElement(new DateTimeType(date));
            else if (r instanceof Observation o) o.setIssuedElement(new InstantType(date + "T09:00:00Z"));
            else throw new IllegalArgumentException("no entry date for " + ref);
        });
        amend.abatedOrEmpty().forEach((ref, date) -> {
            if (!(resource(bundle, ref) instanceof Condition c)) throw new IllegalArgumentException("only a condition abates: " + ref);
            c.setAbatement(new DateTimeType(date));
            c.getClinicalStatus().getCodingFirstRep().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical").setCode("resolved");
        });
        amend.statusOrEmpty().forEach((ref, status) -> {
            Resource r = resource(bundle, ref);
            if (r instanceof Observation o) o.setStatus(Observation.ObservationStatus.fromCode(status));
            else if (r instanceof Procedure p) p.setStatus(Procedure.ProcedureStatus.fromCode(status));
            else if (r instanceof Condition c) c.getVerificationStatus().getCodingFirstRep()
                    .setSystem("http://terminology.hl7.org/CodeSystem/condition-ver-status").setCode(status);
            else throw new IllegalArgumentException("no status for " + ref);
        });
    }

    private static Resource resource(Bundle bundle, String ref) {
        String[] typeAndId = ref.split("/");
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r.fhirType().equals(typeAndId[0]) && r.getIdElement().getIdPart().equals(typeAndId[1]))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no resource " + ref + " in the course"));
    }

    /**
     * The clinical date of every dated resource of the record, by id ("rec-er" etc. for the receptors, as
     * {@link FhirCaseBuilder} names them): what an answer on a day may name must be dated on or before it.
     */
    public Map<String, String> datesById() {
        Map<String, String> dates = new HashMap<>();
        if (primary != null) dates.put(primary.id(), primary.date());
        orEmpty(otherPrimaries).forEach(p -> dates.put(p.id(), p.date()));
        orEmpty(otherConditions).forEach(o -> dates.put(o.id(), o.date()));
        orEmpty(metastases).forEach(m -> dates.put(m.id(), m.date()));
        if (receptors != null) for (String m : List.of("er", "pr", "her2")) dates.put("rec-" + m, receptors.date());
        orEmpty(therapies).forEach(t -> dates.put(t.id(), t.start()));
        orEmpty(statuses).forEach(s -> dates.put(s.id(), s.date()));
        orEmpty(performance).forEach(p -> dates.put(p.id(), p.date()));
        orEmpty(tnm).forEach(t -> dates.put(t.id(), t.date()));
        orEmpty(procedures).forEach(p -> dates.put(p.id(), p.date()));
        orEmpty(symptoms).forEach(s -> dates.put(s.id(), s.date()));
        orEmpty(margins).forEach(m -> dates.put(m.id(), m.date()));
        orEmpty(her2Tests).forEach(h -> dates.put(h.id(), h.date()));
        orEmpty(markerTests).forEach(t -> dates.put(t.id(), t.date()));
        orEmpty(measurements).forEach(m -> dates.put(m.id(), m.date()));
        dates.values().removeIf(java.util.Objects::isNull);
        return dates;
    }

    static final Path DIR = ScenarioCase.DIR.resolve("longitudinal");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public static LongitudinalCourse read(Path file) {
        try {
            return YAML.readValue(file.toFile(), LongitudinalCourse.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read course " + file, e);
        }
    }

    /** Every course file, sorted by name. */
    public static List<Path> files() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
