package org.primum.engine;

import org.junit.jupiter.api.Test;
import org.primum.facts.*;
import org.primum.definitions.ClinicalInterpreter;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule engine against a plain-Java reading of catalogue sections A–E, on thousands of generated
 * records (fixed seed). The scenarios say what the guidance means; this test says the compiled rules do
 * exactly that on every combination the generator reaches, which catches engine surprises (such as the
 * Drools node-sharing defect of {@link DroolsOrNotRegressionTest}) and DRL slips that no single
 * scenario happens to exercise.
 */
class RuleOracleTest {

    private static final KnowledgeBase KB = KnowledgeBase.load(Path.of("rules"));
    private static final Thresholds T = KB.thresholds();
    private static final LocalDate DX = LocalDate.of(2025, 1, 10);

    @Test
    void theRulesAgreeWithTheCatalogueOnGeneratedRecords() {
        Random random = new Random(20251123L);
        Evaluator evaluator = new Evaluator(KB);
        ClinicalInterpreter interpreter = new ClinicalInterpreter(T);
        Map<String, Integer> fired = new TreeMap<>();
        int cases = 4000;
        for (int i = 0; i < cases; i++) {
            ClinicalRecord record = generate(random);
            LocalDate asOf = DX.plusDays(10 + random.nextInt(260));
            CaseFacts facts = leftOut(random, interpreter.interpret(record, asOf));
            Set<String> expected = oracle(facts);
            Set<String> actual = new TreeSet<>(evaluator.evaluate(facts).codes());
            assertThat(actual).as("case " + i + " on " + asOf + "\n" + describe(facts)).isEqualTo(expected);
            actual.forEach(c -> fired.merge(c, 1, Integer::sum));
        }
        // the generator must reach every code, or the comparison proves little about it
        Set<String> codes = new TreeSet<>();
        KB.definitions().forEach(d -> codes.add(d.code()));
        assertThat(fired.keySet()).as("codes reached by the generator: " + fired).containsAll(codes);
    }

    /**
     * Now and then a part of the record left out by lenient reading, as {@code org.primum.core.Pipeline} adds it
     * to the interpreted facts (it is not a record the interpreter reads).
     */
    private static CaseFacts leftOut(Random r, CaseFacts facts) {
        if (r.nextInt(10) != 0) return facts;
        List<Fact> all = new ArrayList<>(facts.facts());
        all.add(new InvalidElement("Bundle.entry[3].resource.value[x]", "Observation", "two values of one choice element",
                InvalidElement.LeftOut.RESOURCE, List.of("Observation/x")));
        return new CaseFacts(facts.asOf(), all, facts.notes(), facts.unrecognised());
    }

    private static String describe(CaseFacts facts) {
        StringBuilder b = new StringBuilder();
        facts.facts().forEach(f -> b.append("  ").append(f.getClass().getSimpleName()).append(": ").append(f.describe()).append('\n'));
        return b.toString();
    }

    private static <T> T pick(Random r, List<T> items) { return items.get(r.nextInt(items.size())); }

    static ClinicalRecord generate(Random r) {
        var b = new ClinicalRecord.Builder();
        b.patient = r.nextInt(25) == 0 ? new PatientInfo("Patient/p", 60, "female", true, r.nextBoolean() ? null : DX.plusDays(100))
                : new PatientInfo("Patient/p", 60, "female");
        Laterality side = pick(r, Arrays.asList(Laterality.LEFT, Laterality.RIGHT, null));
        int primaries = r.nextInt(10) == 0 ? 0 : 1;
        if (primaries == 1) b.primaries.add(new PrimaryTumour("Condition/bc", "254837009", "breast", DX, DateBasis.RECORDED, side));
        if (r.nextInt(15) == 0) b.primaries.add(new PrimaryTumour("Condition/bc2", "254837009", "breast", DX,
                DateBasis.RECORDED, side == null ? Laterality.LEFT : side.opposite()));
        // metastases: none, de novo, late (recurrent)
        int metMode = r.nextInt(12);
        LocalDate metDate = metMode == 0 ? null : metMode == 1 ? DX.plusDays(120) : DX.plusDays(10);
        if (metMode != 0) {
            int n = 1 + r.nextInt(3);
            List<String> sites = List.of("bone", "bone", "liver", "lung", "brain", Metastasis.UNSPECIFIED);
            for (int k = 0; k < n; k++) {
                String site = pick(r, sites);
                Integer count = r.nextInt(3) == 0 ? null : 1 + r.nextInt(5);
                b.metastases.add(new Metastasis("Condition/m" + k, site, false, null, metDate, DateBasis.RECORDED, count));
            }
        } else if (r.nextInt(3) == 0) {
            b.staging.add(new TnmCategory("Observation/m1", TnmAxis.M, "M1", false, DX.plusDays(5)));
        }
        // receptors
        for (Receptor rec : Receptor.values()) {
            if (r.nextInt(8) == 0) continue;
            ReceptorValue v = r.nextInt(12) == 0 ? ReceptorValue.EQUIVOCAL : r.nextBoolean() ? ReceptorValue.POSITIVE : ReceptorValue.NEGATIVE;
            b.receptors.add(new ReceptorStatus("Observation/" + rec, rec, v, DX.plusDays(3)));
        }
        // systemic therapy: none, undated, or started 2–4 weeks after diagnosis
        int therapy = r.nextInt(8);
        LocalDate start = DX.plusDays(14 + r.nextInt(14));
        if (therapy == 1) b.therapies.add(new SystemicTherapy("MedicationRequest/t", DrugClass.ENDOCRINE, "letrozole", null));
        else if (therapy > 1) b.therapies.add(new SystemicTherapy("MedicationRequest/t", DrugClass.CHEMOTHERAPY, "paclitaxel", start));
        // an undated second drug beside a dated one, and the treatment of an earlier disease (history)
        if (therapy > 1 && r.nextInt(6) == 0) b.therapies.add(new SystemicTherapy("MedicationRequest/t2", DrugClass.ENDOCRINE, "letrozole", null));
        if (r.nextInt(8) == 0) b.therapies.add(new SystemicTherapy("MedicationRequest/old", DrugClass.CHEMOTHERAPY, "doxorubicin", DX.minusYears(10)));
        // disease statuses
        List<Response> responses = List.of(Response.values());
        for (DiseaseFocus focus : DiseaseFocus.values()) {
            if (r.nextInt(3) != 0) continue;
            b.diseaseStatuses.add(new DiseaseStatus("Observation/s-" + focus, focus, pick(r, responses), DX.plusDays(30 + r.nextInt(200))));
        }
        if (r.nextInt(2) == 0) {
            boolean ecog = r.nextBoolean();
            b.performance.add(new PerformanceStatus("Observation/ps", ecog ? PerformanceScale.ECOG : PerformanceScale.KARNOFSKY,
                    ecog ? r.nextInt(5) : 10 * (1 + r.nextInt(10)), DX.plusDays(5)));
        }
        if (r.nextBoolean()) b.staging.add(new TnmCategory("Observation/t", TnmAxis.T, pick(r, List.of("T1", "T2", "T3", "T4", "T4b", "T4d")), false, DX.plusDays(5)));
        if (r.nextBoolean()) b.staging.add(new TnmCategory("Observation/n", TnmAxis.N, pick(r, List.of("N0", "N0(i+)", "N1", "N2")), r.nextInt(4) == 0, DX.plusDays(5)));
        // procedures done
        int proc = r.nextInt(10);
        Laterality other = side == null ? Laterality.RIGHT : side.opposite();
        if (proc == 1) b.procedures.add(new ProcedureDone("Procedure/lump", ProcedureKind.BREAST_CONSERVING_SURGERY, "x", side, false, DX.plusDays(r.nextBoolean() ? 5 : 150)));
        if (proc == 2) b.procedures.add(new ProcedureDone("Procedure/mrt", ProcedureKind.METASTASIS_RADIOTHERAPY, "x", null, false, DX.plusDays(40)));
        if (proc == 5 && !b.metastases.isEmpty()) b.procedures.add(new ProcedureDone("Procedure/sbrt", ProcedureKind.METASTASIS_ABLATION, "x", null,
                false, DX.plusDays(40), b.metastases.get(0).site()));
        if (proc == 3) b.procedures.add(new ProcedureDone("Procedure/cpm", ProcedureKind.MASTECTOMY, "x", other, false, DX.plusDays(60)));
        if (proc == 4) b.procedures.add(new ProcedureDone("Procedure/proph", ProcedureKind.MASTECTOMY, "x", side, true, DX.plusDays(60)));
        // orders
        int orders = r.nextInt(3);
        for (int k = 0; k < orders; k++) {
            ProcedureKind kind = pick(r, List.of(ProcedureKind.BREAST_CONSERVING_SURGERY, ProcedureKind.MASTECTOMY, ProcedureKind.MASTECTOMY,
                    ProcedureKind.AXILLARY_DISSECTION, ProcedureKind.SENTINEL_NODE_BIOPSY, ProcedureKind.LOCOREGIONAL_RADIOTHERAPY,
                    ProcedureKind.METASTASIS_RADIOTHERAPY, ProcedureKind.RADIOTHERAPY_UNSPECIFIED_SITE));
            Laterality l = pick(r, Arrays.asList(side, other, Laterality.BILATERAL, null));
            b.orders.add(new ProposedOrder("ServiceRequest/o" + k, kind, "x", l, r.nextInt(10) == 0, "draft"));
        }
        if (r.nextInt(4) == 0) b.symptoms.add(new PrimarySymptom("Condition/sym", pick(r, List.of("ulceration", "fungation", "bleeding", "pain", "infection")), DX.plusDays(20 + r.nextInt(100))));
        return b.build();
    }

    // ---------- the catalogue, read plainly ----------

    static Set<String> oracle(CaseFacts f) {
        Set<String> out = new TreeSet<>();
        Presentation p = f.first(Presentation.class).orElseThrow();
        boolean intact = p.deNovoIntact(), deNovo = p.deNovo();
        Optional<TherapyExposure> exposure = f.first(TherapyExposure.class);
        Long weeks = exposure.map(TherapyExposure::weeks).orElse(null);
        Optional<ResponseAssessment> distant = f.all(ResponseAssessment.class).stream().filter(a -> a.focus() == DiseaseFocus.DISTANT).findFirst();
        Optional<ResponseAssessment> primary = f.all(ResponseAssessment.class).stream().filter(a -> a.focus() == DiseaseFocus.PRIMARY).findFirst();
        boolean distantControlled = distant.map(ResponseAssessment::controlled).orElse(false);
        boolean distantProgressing = distant.map(a -> a.response() == Response.PROGRESSING).orElse(false);
        Response primaryResponse = primary.map(ResponseAssessment::response).orElse(null);
        List<PrimarySymptom> symptoms = f.all(PrimarySymptom.class);
        boolean symptomatic = !symptoms.isEmpty();
        Optional<MetastaticPattern> pattern = f.first(MetastaticPattern.class);
        Optional<TumourSubtype> subtype = f.first(TumourSubtype.class);
        Optional<TnmCategory> tCat = f.all(TnmCategory.class).stream().filter(t -> t.axis() == TnmAxis.T).findFirst();
        Optional<TnmCategory> nCat = f.all(TnmCategory.class).stream().filter(t -> t.axis() == TnmAxis.N).findFirst();
        boolean t4 = tCat.map(t -> t.category().startsWith("T4")).orElse(false);
        List<PrimaryTumour> primaries = f.all(PrimaryTumour.class);
        List<ProposedOrder> orders = f.all(ProposedOrder.class);
        List<ProcedureDone> procedures = f.all(ProcedureDone.class);
        boolean afterWindow = weeks != null && weeks >= T.responseWindowMinWeeks();
        // unknown weeks fail safe: the window counts as not yet passed
        boolean beforeWindow = !afterWindow;
        boolean distantAssessed = distant.map(ResponseAssessment::assessment).orElse(false);
        boolean progressingPrimaryIndication = exposure.isPresent() && distantControlled && primaryResponse == Response.PROGRESSING;

        // A
        // catalogue A: any patient, whether the guidance applies or not
        if (!f.all(InvalidElement.class).isEmpty()) out.add("DATA_INVALID_RECORD");
        if (p.scope() == Scope.NO_DISTANT_METASTASIS) out.add("NOT_APPLICABLE_NO_METASTASIS");
        if (p.scope() == Scope.RECURRENT) out.add("NOT_APPLICABLE_RECURRENT");
        // catalogue A states it independently of the window: a recurrence after resection meets both
        if (p.scope() == Scope.RESECTED_BEFORE_METASTASIS || (p.scope() == Scope.RECURRENT && p.primaryResectedOn() != null
                && p.metastasisFound() != null && p.primaryResectedOn().isBefore(p.metastasisFound()))) out.add("NOT_APPLICABLE_PRIMARY_RESECTED");
        if (p.scope() == Scope.DECEASED) out.add("NOT_APPLICABLE_DECEASED");
        if (intact && exposure.map(TherapyExposure::startUnknown).orElse(false)) out.add("DATA_MISSING_THERAPY_START");
        if (intact && subtype.isPresent() && !subtype.get().complete()) out.add("DATA_MISSING_RECEPTOR_STATUS");
        if (intact && pattern.map(MetastaticPattern::siteUnknown).orElse(false)) out.add("DATA_MISSING_METASTATIC_SITES");
        if (intact && afterWindow && !distantAssessed) out.add("DATA_MISSING_RESPONSE_ASSESSMENT");
        // B
        if (intact) out.addAll(List.of("SYSTEMIC_THERAPY_FIRST", "MULTIDISCIPLINARY_DISCUSSION", "LRT_NOT_FOR_SURVIVAL"));
        if (intact && !symptomatic && beforeWindow && !progressingPrimaryIndication) out.add("DEFER_LRT_UNTIL_RESPONSE");
        if (intact && distantProgressing && !symptomatic) out.add("NO_LRT_DISTANT_PROGRESSION");
        if (intact && afterWindow && distantControlled && distantAssessed && !symptomatic
                && (primaryResponse == Response.RESPONDING || primaryResponse == Response.NO_EVIDENCE_OF_DISEASE)) out.add("NO_LRT_BOTH_CONTROLLED");
        if (intact && afterWindow && distantControlled && distantAssessed && !symptomatic && !t4
                && (primaryResponse == null || primaryResponse == Response.STABLE)) out.add("LRT_OPTION_FOR_LOCAL_CONTROL");
        if (intact && progressingPrimaryIndication) out.add("SURGERY_FOR_PROGRESSING_PRIMARY");
        if (intact && symptomatic) out.add("LRT_FOR_PALLIATION");
        // C
        boolean oligo = pattern.map(m -> m.organCount() == 1 && !m.siteUnknown() && m.lesionCount() != null
                && m.lesionCount() <= T.oligometastaticMaxLesions()).orElse(false);
        boolean ablated = procedures.stream().anyMatch(d -> d.kind() == ProcedureKind.METASTASIS_ABLATION);
        boolean clear = f.first(DistantClearance.class).map(DistantClearance::clear).orElse(false);
        if (intact && oligo && distantControlled && clear && ((afterWindow && distantAssessed) || ablated)) out.add("OLIGOMETASTATIC_NED_EXCEPTION");
        if (intact && pattern.map(MetastaticPattern::boneOnly).orElse(false) && subtype.map(TumourSubtype::isHrPositive).orElse(false)
                && !distantProgressing) out.add("BONE_ONLY_HR_POSITIVE_MAY_BENEFIT");
        if (intact && subtype.map(s -> s.subtype() == Subtype.TRIPLE_NEGATIVE).orElse(false)) out.add("TRIPLE_NEGATIVE_CAUTION");
        if (intact && f.first(PerformanceStatus.class).map(ps -> ps.scale() == PerformanceScale.ECOG ? ps.score() >= T.poorEcogMin()
                : ps.score() <= T.poorKarnofskyMax()).orElse(false)) out.add("POOR_PERFORMANCE_STATUS");
        // LRT paths (all surgical) and orders of the primary
        boolean lrtPath = out.stream().anyMatch(c -> List.of("LRT_OPTION_FOR_LOCAL_CONTROL", "SURGERY_FOR_PROGRESSING_PRIMARY",
                "LRT_FOR_PALLIATION", "OLIGOMETASTATIC_NED_EXCEPTION", "BONE_ONLY_HR_POSITIVE_MAY_BENEFIT").contains(c));
        List<ProposedOrder> ofPrimary = orders.stream().filter(o -> ofPrimary(o, primaries)).toList();
        boolean lrtOrder = deNovo && ofPrimary.stream().anyMatch(o -> o.kind().locoregional());
        boolean surgicalOrder = deNovo && ofPrimary.stream().anyMatch(o -> o.kind().surgical());
        boolean surgical = lrtPath || surgicalOrder;
        if (lrtPath || lrtOrder) out.addAll(List.of("DISCLOSE_NO_SURVIVAL_BENEFIT", "OFFER_CLINICAL_TRIAL"));
        // D
        boolean mastectomyOrder = deNovo && orders.stream().anyMatch(o -> o.kind() == ProcedureKind.MASTECTOMY);
        if (surgical || mastectomyOrder) out.add("BREAST_CONSERVATION_PREFERRED");
        if (surgical && (t4 || symptoms.stream().anyMatch(s -> s.symptom().matches("(?i).*(ulcer|fungat).*")))) out.add("PRIMARY_RADIOTHERAPY_ALTERNATIVE");
        if (surgical) out.addAll(List.of("AIM_FOR_CLEAR_MARGINS", "AXILLA_BY_NODAL_STATUS", "RADIOTHERAPY_EVIDENCE_CONFLICTING", "SURGERY_AFTER_SYSTEMIC_THERAPY"));
        // E
        boolean cpm = orders.stream().anyMatch(o -> o.kind() == ProcedureKind.MASTECTOMY && contralateral(o.laterality(), o.prophylactic(), primaries))
                || procedures.stream().anyMatch(d -> d.kind() == ProcedureKind.MASTECTOMY && contralateral(d.laterality(), d.prophylactic(), primaries));
        if (deNovo && cpm) out.add("CONTRALATERAL_PROPHYLACTIC_MASTECTOMY_INAPPROPRIATE");
        boolean lrtOrderIntact = intact && ofPrimary.stream().anyMatch(o -> o.kind().locoregional());
        if (lrtOrderIntact && !symptomatic && beforeWindow && !progressingPrimaryIndication) out.add("ORDER_LRT_BEFORE_RESPONSE_ASSESSMENT");
        // during progression: a safety check of the present state, also after the resection (rules/README.md)
        if (lrtOrder && distantProgressing && !symptomatic) out.add("ORDER_LRT_DURING_DISTANT_PROGRESSION");
        if (mastectomyOrder) out.add("ORDER_MASTECTOMY_CONSIDER_CONSERVATION");
        if (deNovo && orders.stream().anyMatch(o -> o.kind() == ProcedureKind.AXILLARY_DISSECTION)
                && nCat.map(n -> n.category().startsWith("N0")).orElse(false)) out.add("ORDER_AXILLARY_DISSECTION_NODE_NEGATIVE");
        return out;
    }

    /** An order of the primary: not prophylactic, and on its side (or either side unknown, or bilateral). */
    static boolean ofPrimary(ProposedOrder o, List<PrimaryTumour> primaries) {
        if (o.prophylactic()) return false;
        return primaries.stream().anyMatch(p -> p.laterality() == null || o.laterality() == null || p.laterality() == o.laterality()
                || p.laterality() == Laterality.BILATERAL || o.laterality() == Laterality.BILATERAL);
    }

    /** Catalogue E: prophylactic-coded, opposite a one-sided primary, or bilateral for a one-sided cancer. */
    static boolean contralateral(Laterality side, boolean prophylactic, List<PrimaryTumour> primaries) {
        if (prophylactic) return true;
        if (side == null) return false;
        Set<Laterality> sides = new HashSet<>();
        primaries.forEach(p -> sides.add(p.laterality()));
        if (side == Laterality.BILATERAL) {
            return !primaries.isEmpty() && !sides.contains(Laterality.BILATERAL)
                    && !(sides.contains(Laterality.LEFT) && sides.contains(Laterality.RIGHT));
        }
        return sides.contains(side.opposite()) && !sides.contains(side) && !sides.contains(Laterality.BILATERAL);
    }
}
