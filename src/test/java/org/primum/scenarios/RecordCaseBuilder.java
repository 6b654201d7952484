package org.primum.scenarios;

import org.primum.facts.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ScenarioCase} straight into a {@link ClinicalRecord}, bypassing FHIR: the facts the
 * mapping is meant to produce. Used to check the rules on their own (and while the mapping was being
 * written); {@link ScenarioTest} sends the same cases through the real FHIR pipeline.
 */
public final class RecordCaseBuilder {

    private RecordCaseBuilder() {
    }

    static final Map<String, DrugClass> CLASSES = Map.ofEntries(
            Map.entry("letrozole", DrugClass.ENDOCRINE), Map.entry("anastrozole", DrugClass.ENDOCRINE),
            Map.entry("tamoxifen", DrugClass.ENDOCRINE), Map.entry("fulvestrant", DrugClass.ENDOCRINE),
            Map.entry("palbociclib", DrugClass.CDK4_6_INHIBITOR), Map.entry("ribociclib", DrugClass.CDK4_6_INHIBITOR),
            Map.entry("trastuzumab", DrugClass.HER2_DIRECTED), Map.entry("pertuzumab", DrugClass.HER2_DIRECTED),
            Map.entry("paclitaxel", DrugClass.CHEMOTHERAPY), Map.entry("docetaxel", DrugClass.CHEMOTHERAPY),
            Map.entry("doxorubicin", DrugClass.CHEMOTHERAPY), Map.entry("cyclophosphamide", DrugClass.CHEMOTHERAPY),
            Map.entry("capecitabine", DrugClass.CHEMOTHERAPY), Map.entry("carboplatin", DrugClass.CHEMOTHERAPY),
            Map.entry("pembrolizumab", DrugClass.IMMUNOTHERAPY));

    static LocalDate d(String iso) { return iso == null ? null : LocalDate.parse(iso); }

    static Laterality side(String s) {
        return s == null ? null : switch (s) {
            case "left" -> Laterality.LEFT;
            case "right" -> Laterality.RIGHT;
            case "bilateral" -> Laterality.BILATERAL;
            default -> throw new IllegalArgumentException(s);
        };
    }

    static ProcedureKind kind(String k) {
        return switch (k) {
            case "lumpectomy", "partial-mastectomy" -> ProcedureKind.BREAST_CONSERVING_SURGERY;
            case "mastectomy", "bilateral-mastectomy" -> ProcedureKind.MASTECTOMY;
            case "sentinel-node-biopsy" -> ProcedureKind.SENTINEL_NODE_BIOPSY;
            case "axillary-dissection" -> ProcedureKind.AXILLARY_DISSECTION;
            case "breast-radiotherapy" -> ProcedureKind.LOCOREGIONAL_RADIOTHERAPY;
            case "bone-radiotherapy", "brain-radiotherapy" -> ProcedureKind.METASTASIS_RADIOTHERAPY;
            case "bone-sbrt", "liver-ablation" -> ProcedureKind.METASTASIS_ABLATION;
            default -> throw new IllegalArgumentException(k);
        };
    }

    static Response response(String v) {
        return switch (v) {
            case "responding", "partial" -> Response.RESPONDING;
            case "stable" -> Response.STABLE;
            case "progressing" -> Response.PROGRESSING;
            case "ned" -> Response.NO_EVIDENCE_OF_DISEASE;
            case "undetermined" -> Response.UNDETERMINED;
            default -> throw new IllegalArgumentException(v);
        };
    }

    static ReceptorValue receptor(String v) {
        return switch (v) {
            case "positive" -> ReceptorValue.POSITIVE;
            case "negative" -> ReceptorValue.NEGATIVE;
            case "equivocal" -> ReceptorValue.EQUIVOCAL;
            default -> throw new IllegalArgumentException(v);
        };
    }

    static final java.util.Set<String> NODES = java.util.Set.of("axillary-node", "supraclavicular-node", "unspecified-node",
            "cervical-node", "mediastinal-node");
    static final java.util.Set<String> NOT_OF_THE_PRIMARY = java.util.Set.of("bone-pain", "pain-unsited");

    /** The metastatic site a procedure of the test vocabulary targets, or null. */
    static String target(String kind) {
        return switch (kind) {
            case "bone-radiotherapy", "bone-sbrt" -> "bone";
            case "brain-radiotherapy" -> "brain";
            case "liver-ablation" -> "liver";
            default -> null;
        };
    }

    /**
     * A node record as the mapping reads it: a node code with a regional body site (or a regional code) is regional,
     * a distant node structure distant, and an ICD-10-CM C77.x without a body site ambiguous.
     */
    static void node(ClinicalRecord.Builder b, ScenarioCase.Met m) {
        String id = "Condition/" + m.id();
        boolean icdWithoutSite = ("icd10".equals(m.coding()) && !m.withBodySite()) || "unspecified-node".equals(m.site());
        boolean distantSite = m.site().equals("cervical-node") || m.site().equals("mediastinal-node");
        if (icdWithoutSite && !"axillary-node".equals(m.site())) {
            b.nodes.add(new NodalDisease(id, true, side(m.laterality()), null, d(m.date())));
        } else if (distantSite) {
            b.metastases.add(new Metastasis(id, "distant-lymph-nodes", false, null, d(m.date()),
                    m.date() == null ? DateBasis.UNDATED : DateBasis.RECORDED, m.count()));
        } else {
            b.nodes.add(new NodalDisease(id, false, side(m.laterality()), null, d(m.date())));
        }
    }

    public static ClinicalRecord build(ScenarioCase c) {
        var b = new ClinicalRecord.Builder();
        LocalDate asOf = c.asOfDate();
        String pid = c.patient() == null ? "patient" : c.patient().id();
        Integer age = c.patient() == null || c.patient().birthDate() == null ? null
                : Period.between(d(c.patient().birthDate()), asOf).getYears();
        String deceased = c.patient() == null ? null : c.patient().deceased();
        b.patient = new PatientInfo("Patient/" + pid, age, c.patient() == null ? "female" : c.patient().sex(), deceased != null,
                deceased == null || "true".equals(deceased) ? null : d(deceased));
        for (ScenarioCase.Primary p : c.allPrimaries()) {
            b.primaries.add(new PrimaryTumour("Condition/" + p.id(), "254837009", "Malignant neoplasm of breast", d(p.date()),
                    p.date() == null ? DateBasis.UNDATED : DateBasis.RECORDED, side(p.laterality())));
        }
        java.util.Set<String> primaryIds = c.allPrimaries().stream().map(ScenarioCase.Primary::id).collect(java.util.stream.Collectors.toSet());
        for (ScenarioCase.Met m : ScenarioCase.orEmpty(c.metastases())) {
            // a metastasis that names another cancer (a lung primary) as its own is not this cancer's
            if (m.relatedTo() != null && !primaryIds.contains(m.relatedTo())) continue;
            if (NODES.contains(m.site())) {
                node(b, m);
                continue;
            }
            b.metastases.add(new Metastasis("Condition/" + m.id(), m.site(), false, null, d(m.date()),
                    m.date() == null ? DateBasis.UNDATED : DateBasis.RECORDED, m.count()));
        }
        if (c.receptors() != null) {
            var r = c.receptors();
            if (r.er() != null) b.receptors.add(new ReceptorStatus("Observation/rec-er", Receptor.ER, receptor(r.er()), d(r.date())));
            if (r.pr() != null) b.receptors.add(new ReceptorStatus("Observation/rec-pr", Receptor.PR, receptor(r.pr()), d(r.date())));
            if (r.her2() != null) b.receptors.add(new ReceptorStatus("Observation/rec-her2", Receptor.HER2, receptor(r.her2()), d(r.date())));
        }
        for (ScenarioCase.Her2Test h : ScenarioCase.orEmpty(c.her2Tests())) {
            b.receptors.add(new ReceptorStatus("Observation/" + h.id(), Receptor.HER2, receptor(h.value()), d(h.date()),
                    "ish".equals(h.method()) ? AssayMethod.ISH : AssayMethod.IHC));
        }
        for (ScenarioCase.MarkerTest t : ScenarioCase.orEmpty(c.markerTests())) {
            Receptor marker = switch (t.marker()) {
                case "er" -> Receptor.ER;
                case "pr" -> Receptor.PR;
                case "her2" -> Receptor.HER2;
                default -> throw new IllegalArgumentException(t.marker());
            };
            b.receptors.add(new ReceptorStatus("Observation/" + t.id(), marker, receptor(t.value()), d(t.date())));
        }
        for (ScenarioCase.Therapy t : ScenarioCase.orEmpty(c.therapies())) {
            if (t.enteredInError()) continue; // never happened
            String type = t.resource() == null || t.resource().startsWith("request") ? "MedicationRequest"
                    : t.resource().equals("statement") ? "MedicationStatement"
                    : t.resource().equals("procedure") ? "Procedure" : "MedicationAdministration";
            b.therapies.add(new SystemicTherapy(type + "/" + t.id(), CLASSES.get(t.drug()), t.drug(), d(t.start())));
        }
        for (ScenarioCase.Status s : ScenarioCase.orEmpty(c.statuses())) {
            DiseaseFocus focus = switch (s.focus()) {
                case "primary", "nodes" -> DiseaseFocus.PRIMARY;
                case "distant" -> DiseaseFocus.DISTANT;
                default -> DiseaseFocus.WHOLE;
            };
            // as FhirRecord writes it: "nodes" focuses the first regional-type node record
            List<String> nodeFocus = "nodes".equals(s.focus()) ? ScenarioCase.orEmpty(c.metastases()).stream()
                    .filter(m -> org.primum.testdata.Codes.REGIONAL_NODE_SITES.contains(m.site())).findFirst()
                    .map(m -> List.of("Condition/" + m.id())).orElse(List.of()) : List.of();
            b.diseaseStatuses.add(new DiseaseStatus("Observation/" + s.id(), focus, response(s.value()), d(s.date()),
                    nodeFocus, "primary".equals(s.focus())));
        }
        for (ScenarioCase.Performance p : ScenarioCase.orEmpty(c.performance())) {
            b.performance.add(new PerformanceStatus("Observation/" + p.id(),
                    "ecog".equals(p.scale()) ? PerformanceScale.ECOG : PerformanceScale.KARNOFSKY, p.score(), d(p.date())));
        }
        for (ScenarioCase.Tnm t : ScenarioCase.orEmpty(c.tnm())) {
            String cat = t.category();
            boolean path = cat.startsWith("p");
            String bare = cat.replaceFirst("^[cpy]+", "");
            TnmAxis axis = bare.startsWith("T") ? TnmAxis.T : bare.startsWith("N") ? TnmAxis.N : bare.startsWith("M") ? TnmAxis.M : TnmAxis.STAGE_GROUP;
            b.staging.add(new TnmCategory("Observation/" + t.id(), axis, bare, path, d(t.date())));
        }
        for (ScenarioCase.Proc p : ScenarioCase.orEmpty(c.procedures())) {
            Laterality l = p.kind().equals("bilateral-mastectomy") ? Laterality.BILATERAL : side(p.laterality());
            b.procedures.add(new ProcedureDone("Procedure/" + p.id(), kind(p.kind()), p.kind(), l, p.isProphylactic(), d(p.date()), target(p.kind())));
        }
        for (ScenarioCase.Proc p : ScenarioCase.orEmpty(c.orders())) {
            // a revoked (completed, erroneous) order proposes nothing; an open one is dated by when it was authored
            if (!p.isProposed()) continue;
            Laterality l = p.kind().equals("bilateral-mastectomy") ? Laterality.BILATERAL : side(p.laterality());
            b.orders.add(new ProposedOrder("ServiceRequest/" + p.id(), kind(p.kind()), p.kind(), l, p.isProphylactic(),
                    p.status() == null ? "draft" : p.status(), d(p.date())));
        }
        for (ScenarioCase.Symptom s : ScenarioCase.orEmpty(c.symptoms())) {
            if (NOT_OF_THE_PRIMARY.contains(s.kind())) continue; // located elsewhere, or nowhere said
            b.symptoms.add(new PrimarySymptom("Condition/" + s.id(), s.kind(), d(s.date()), side(s.laterality())));
        }
        for (ScenarioCase.Margin m : ScenarioCase.orEmpty(c.margins())) {
            b.margins.add(new MarginStatus("Observation/" + m.id(), m.involved(), d(m.date()), side(m.laterality())));
        }
        return b.build();
    }
}
