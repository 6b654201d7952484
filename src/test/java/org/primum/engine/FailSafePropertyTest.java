package org.primum.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.definitions.ClinicalInterpreter;
import org.primum.facts.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, deliverable 2: the safety checks fail safe. From a base record where a check fires, generated
 * degradations of the kind real records show (a therapy start, a status date or a metastasis onset dropped,
 * statuses dropped, contradictory statuses or staging of the same date added, an undated drug, unreadable
 * codes) must never silence the check unless the same answer names the gap (a DATA_MISSING_* code, or
 * DATA_INVALID_RECORD). One reading is allowed on purpose: a primary found progressing while the distant
 * disease is controlled is a surgical indication at any time (rules/README.md), so for the two timing checks
 * SURGERY_FOR_PROGRESSING_PRIMARY in their place is an answer, not a silence. Facts level (the definitions and
 * the rules), a fixed seed, a few hundred tries each.
 */
class FailSafePropertyTest {

    private static final KnowledgeBase KB = KnowledgeBase.load(Path.of("rules"));
    private static final Evaluator EVALUATOR = new Evaluator(KB);
    private static final ClinicalInterpreter INTERPRETER = new ClinicalInterpreter(KB.thresholds());
    private static final LocalDate DX = LocalDate.of(2025, 1, 10);
    private static final LocalDate START = LocalDate.of(2025, 2, 3);

    /** A change that real data makes to a record; {@code random} chooses its details. Applied in this order. */
    enum Degradation {
        DROP_THERAPY_START, DROP_STATUS_DATE, DROP_METASTASIS_ONSET, DROP_STATUSES, CONTRADICTORY_STATUS,
        CONTRADICTORY_STAGING, UNDATED_DRUG, UNKNOWN_CODE
    }

    private static final long SEED = 20261127L;
    private static final int TRIES = 300;

    /**
     * The generated cases: 1–4 degradations each (repeats allowed) and a salt for their details, from a fixed
     * seed so that a failure is reproduced by its case number. Written on plain JUnit: the usual
     * property-testing library (jqwik 1.10) prints a notice forbidding its use by AI agents, and this code is
     * written with one.
     */
    static Stream<Case> cases() {
        Random random = new Random(SEED);
        Degradation[] all = Degradation.values();
        return IntStream.range(0, TRIES).mapToObj(i -> {
            List<Degradation> ops = new ArrayList<>();
            int n = 1 + random.nextInt(4);
            for (int k = 0; k < n; k++) ops.add(all[random.nextInt(all.length)]);
            return new Case(i, List.copyOf(ops), random.nextLong());
        });
    }

    record Case(int number, List<Degradation> ops, long salt) {
        @Override
        public String toString() { return "#" + number + " " + ops; }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deferralIsNeverSilencedWithoutAGap(Case c) {
        check("DEFER_LRT_UNTIL_RESPONSE", early(false), c.ops(), c.salt(), true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void prematureOrderIsNeverSilencedWithoutAGap(Case c) {
        check("ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT", early(true), c.ops(), c.salt(), true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void distantProgressionIsNeverSilencedWithoutAGap(Case c) {
        check("NO_LRT_DISTANT_PROGRESSION", progressing(false), c.ops(), c.salt(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void orderDuringProgressionIsNeverSilencedWithoutAGap(Case c) {
        check("ORDER_LRT_DURING_DISTANT_PROGRESSION", progressing(true), c.ops(), c.salt(), false);
    }

    private static void check(String code, Base base, List<Degradation> ops, long salt, boolean timing) {
        assertThat(codes(base.record(), base.asOf())).as("the base case fires " + code).contains(code);
        Random random = new Random(salt);
        ClinicalRecord record = base.record();
        // drops first: a contradiction then always contradicts a status still recorded (dropping the status it
        // contradicted would leave new data, not degraded data)
        for (Degradation op : ops.stream().sorted().toList()) record = degrade(op, record, random);
        Set<String> fired = codes(record, base.asOf());
        boolean gapNamed = fired.stream().anyMatch(c -> c.startsWith("DATA_MISSING_") || c.equals("DATA_INVALID_RECORD"));
        boolean surgicalIndication = timing && fired.contains("SURGERY_FOR_PROGRESSING_PRIMARY");
        assertThat(fired.contains(code) || gapNamed || surgicalIndication)
                .as(code + " silenced without a DATA_MISSING code after " + ops + "; fired " + fired + "\n" + describe(record, base.asOf()))
                .isTrue();
    }

    // ---------------------------------------------------------------- base cases

    private record Base(ClinicalRecord record, LocalDate asOf) {
    }

    /** Six weeks of letrozole, liver metastases, an early distant status; a lumpectomy proposed if asked. */
    private static Base early(boolean order) {
        ClinicalRecord.Builder b = base();
        b.diseaseStatuses.add(new DiseaseStatus("Observation/st-distant", DiseaseFocus.DISTANT, Response.STABLE, START.plusWeeks(4)));
        if (order) b.orders.add(lumpectomy());
        return new Base(b.build(), START.plusWeeks(6));
    }

    /** Twenty weeks of letrozole, the distant disease progressing at the week-18 restaging. */
    private static Base progressing(boolean order) {
        ClinicalRecord.Builder b = base();
        b.diseaseStatuses.add(new DiseaseStatus("Observation/st-distant", DiseaseFocus.DISTANT, Response.PROGRESSING, START.plusWeeks(18)));
        b.diseaseStatuses.add(new DiseaseStatus("Observation/st-primary", DiseaseFocus.PRIMARY, Response.STABLE, START.plusWeeks(18)));
        if (order) b.orders.add(lumpectomy());
        return new Base(b.build(), START.plusWeeks(20));
    }

    private static ClinicalRecord.Builder base() {
        ClinicalRecord.Builder b = new ClinicalRecord.Builder();
        b.patient = new PatientInfo("Patient/p", 58, "female");
        b.primaries.add(new PrimaryTumour("Condition/bc", "254837009", "breast", DX, DateBasis.RECORDED, Laterality.LEFT));
        b.metastases.add(new Metastasis("Condition/met-liver", "liver", false, null, DX.plusDays(7), DateBasis.RECORDED, null));
        b.staging.add(new TnmCategory("Observation/m1", TnmAxis.M, "M1", false, DX.plusDays(7)));
        b.receptors.add(new ReceptorStatus("Observation/er", Receptor.ER, ReceptorValue.POSITIVE, DX.plusDays(3)));
        b.receptors.add(new ReceptorStatus("Observation/pr", Receptor.PR, ReceptorValue.POSITIVE, DX.plusDays(3)));
        b.receptors.add(new ReceptorStatus("Observation/her2", Receptor.HER2, ReceptorValue.NEGATIVE, DX.plusDays(3)));
        b.therapies.add(new SystemicTherapy("MedicationRequest/letrozole", DrugClass.ENDOCRINE, "letrozole", START));
        return b;
    }

    private static ProposedOrder lumpectomy() {
        return new ProposedOrder("ServiceRequest/lump", ProcedureKind.BREAST_CONSERVING_SURGERY, "392021009", Laterality.LEFT, false, "draft");
    }

    // ---------------------------------------------------------------- degradations

    private static ClinicalRecord degrade(Degradation op, ClinicalRecord r, Random random) {
        return switch (op) {
            case DROP_THERAPY_START -> with(r, b -> {
                b.therapies.replaceAll(t -> new SystemicTherapy(t.sourceId(), t.drugClass(), t.drug(), null));
                return b;
            });
            case DROP_STATUS_DATE -> with(r, b -> {
                if (b.diseaseStatuses.isEmpty()) return b;
                int i = random.nextInt(b.diseaseStatuses.size());
                DiseaseStatus s = b.diseaseStatuses.get(i);
                b.diseaseStatuses.set(i, new DiseaseStatus(s.sourceId(), s.focus(), s.response(), null));
                return b;
            });
            case DROP_METASTASIS_ONSET -> with(r, b -> {
                b.metastases.replaceAll(m -> new Metastasis(m.sourceId(), m.site(), m.specificSite(), m.siteDisplay(), null, DateBasis.UNDATED, m.lesionCount()));
                return b;
            });
            case DROP_STATUSES -> with(r, b -> {
                if (!b.diseaseStatuses.isEmpty()) b.diseaseStatuses.remove(random.nextInt(b.diseaseStatuses.size()));
                return b;
            });
            case CONTRADICTORY_STATUS -> with(r, b -> {
                // a contradiction = another answer about the same disease on the same date as a status recorded (a
                // later one is news, a status of other disease is new information, neither a contradiction); a
                // whole-disease status contradicts a distant or whole status (against a status of the primary alone
                // it would be new information about the distant disease)
                if (b.diseaseStatuses.isEmpty()) return b;
                DiseaseStatus s = b.diseaseStatuses.get(random.nextInt(b.diseaseStatuses.size()));
                DiseaseFocus focus = s.focus() == DiseaseFocus.PRIMARY || random.nextBoolean() ? s.focus() : DiseaseFocus.WHOLE;
                Response response = Response.values()[random.nextInt(Response.values().length)];
                b.diseaseStatuses.add(new DiseaseStatus("Observation/contra-" + b.diseaseStatuses.size(), focus, response, s.date()));
                return b;
            });
            case CONTRADICTORY_STAGING -> with(r, b -> {
                String[][] categories = {{"M", "M0"}, {"M", "M1"}, {"STAGE_GROUP", "IIIC"}, {"STAGE_GROUP", "IV"}};
                String[] c = categories[random.nextInt(categories.length)];
                b.staging.add(new TnmCategory("Observation/stage-" + b.staging.size(), TnmAxis.valueOf(c[0]), c[1], false, DX.plusDays(7)));
                return b;
            });
            case UNDATED_DRUG -> with(r, b -> {
                b.therapies.add(new SystemicTherapy("MedicationStatement/palbo-" + b.therapies.size(), DrugClass.CDK4_6_INHIBITOR, "palbociclib", null));
                return b;
            });
            case UNKNOWN_CODE -> with(r, b -> {
                b.unrecognised.add(new UnrecognisedCode("Observation/x-" + b.unrecognised.size(), "Observation.code",
                        "http://example.org/local", "X" + random.nextInt(1000), null));
                return b;
            });
        };
    }

    private static ClinicalRecord with(ClinicalRecord r, UnaryOperator<ClinicalRecord.Builder> change) {
        ClinicalRecord.Builder b = new ClinicalRecord.Builder();
        b.patient = r.patient();
        b.primaries.addAll(r.primaries());
        b.metastases.addAll(r.metastases());
        b.nodes.addAll(r.nodes());
        b.staging.addAll(r.staging());
        b.receptors.addAll(r.receptors());
        b.performance.addAll(r.performance());
        b.diseaseStatuses.addAll(r.diseaseStatuses());
        b.therapies.addAll(r.therapies());
        b.procedures.addAll(r.procedures());
        b.orders.addAll(r.orders());
        b.symptoms.addAll(r.symptoms());
        b.margins.addAll(r.margins());
        b.unrecognised.addAll(r.unrecognised());
        b.notes.addAll(r.notes());
        return change.apply(b).build();
    }

    private static Set<String> codes(ClinicalRecord record, LocalDate asOf) {
        return new TreeSet<>(EVALUATOR.evaluate(INTERPRETER.interpret(record, asOf)).codes());
    }

    private static String describe(ClinicalRecord record, LocalDate asOf) {
        List<String> lines = new ArrayList<>();
        INTERPRETER.interpret(record, asOf).facts().forEach(f -> lines.add("  " + f.getClass().getSimpleName() + ": " + f.describe()));
        return String.join("\n", lines);
    }
}
