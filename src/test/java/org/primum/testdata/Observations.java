package org.primum.testdata;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

import java.util.List;

import static org.primum.testdata.Codes.*;

/**
 * Observations of a test record: receptor results, disease status, performance status, TNM staging,
 * surgical margins, and ordinary measurements. The options choose among the codings real records use.
 */
public final class Observations {
    private Observations() {
    }

    /** Options of a receptor result. Default: the LOINC presence/interpretation tests answered with LOINC answers, undated. */
    public static final class Receptor {
        private String date;
        private boolean snomedAnswers;
        private boolean interpretationTests;
        private String method;

        public Receptor on(String iso) { this.date = iso; return this; }
        /** Answers in SNOMED CT (positive 10828004, negative 260385009, intermediate 11896004). */
        public Receptor snomedAnswers() { this.snomedAnswers = true; return this; }
        /** The [Interpretation] tests (ER 16112-5, PR 16113-3, HER2 85319-2) instead of the [Presence] ones. */
        public Receptor interpretationTests() { this.interpretationTests = true; return this; }
        /** HER2 by immunohistochemistry (LOINC 85319-2, immune stain). */
        public Receptor ihc() { this.method = "ihc"; return this; }
        /** HER2 by in situ hybridisation (LOINC 85318-4, FISH). */
        public Receptor ish() { this.method = "ish"; return this; }
    }

    /** Options of a disease status. Default: mCODE's LOINC 97509-4 (cancer disease progression), undated. */
    public static final class Status {
        private String date;
        private boolean responseLoinc;

        public Status on(String iso) { this.date = iso; return this; }
        /** The older LOINC 88040-1 (response to cancer treatment), with its own answers for improving and worsening. */
        public Status responseLoinc() { this.responseLoinc = true; return this; }
    }

    /** Options of a TNM category or stage group. Default: the AJCC code as value, undated. */
    public static final class Tnm {
        private String date;
        private boolean snomed;

        public Tnm on(String iso) { this.date = iso; return this; }
        /** The value as a SNOMED code (as Synthea writes it); only M1, M0, IV and T1 are known. */
        public Tnm snomed() { this.snomed = true; return this; }
    }

    private static Observation observation(String id, Reference subject, CodeableConcept code, String date) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(subject);
        o.setCode(code);
        if (date != null) o.setEffective(new DateTimeType(date));
        return o;
    }

    /** An mCODE tumour marker test of {@code marker} (er | pr | her2): positive, negative or equivocal. */
    static Observation receptor(String id, String marker, String value, Reference subject, String primaryRef, Receptor o) {
        String[] test = switch (marker) {
            case "er" -> o.interpretationTests ? new String[]{"16112-5", "Estrogen receptor [Interpretation] in Tissue"}
                    : new String[]{"85337-4", "Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain"};
            case "pr" -> o.interpretationTests ? new String[]{"16113-3", "Progesterone receptor [Interpretation] in Tissue"}
                    : new String[]{"85339-0", "Progesterone receptor Ag [Presence] in Breast cancer specimen by Immune stain"};
            case "her2" -> "ish".equals(o.method) ? new String[]{"85318-4", "ERBB2 gene duplication [Presence] in Breast cancer specimen by FISH"}
                    : o.interpretationTests || "ihc".equals(o.method) ? new String[]{"85319-2", "HER2 [Presence] in Breast cancer specimen by Immune stain"}
                    : new String[]{"48676-1", "HER2 [Interpretation] in Tissue"};
            default -> throw new IllegalArgumentException("receptor " + marker);
        };
        Observation r = observation(id, subject, cc(LOINC, test[0], test[1]), o.date);
        r.getMeta().addProfile(MCODE + "mcode-tumor-marker-test");
        if (primaryRef != null) r.addFocus(new Reference(primaryRef));
        boolean snomed = o.snomedAnswers;
        r.setValue(switch (value) {
            case "positive" -> snomed ? cc(SCT, "10828004", "Positive") : cc(LOINC, "LA6576-8", "Positive");
            case "negative" -> snomed ? cc(SCT, "260385009", "Negative") : cc(LOINC, "LA6577-6", "Negative");
            case "equivocal" -> snomed ? cc(SCT, "11896004", "Intermediate") : cc(LOINC, "LA11884-6", "Indeterminate");
            default -> throw new IllegalArgumentException("receptor value " + value);
        });
        return r;
    }

    /**
     * An mCODE cancer disease status: responding | partial | stable | progressing | ned | undetermined, about
     * {@code focusRef} (the primary or a metastasis; null: the whole disease).
     */
    static Observation status(String id, String value, Reference subject, List<String> focusRefs, Status o) {
        boolean older = o.responseLoinc;
        CodeableConcept code = older ? cc(LOINC, "88040-1", "Response to cancer treatment")
                : cc(LOINC, "97509-4", "Cancer disease progression");
        Observation s = observation(id, subject, code, o.date);
        s.getMeta().addProfile(MCODE + "mcode-cancer-disease-status");
        for (String f : focusRefs) s.addFocus(new Reference(f));
        s.setValue(switch (value) {
            case "responding" -> older ? cc(SCT, "385633008", "Improving") : cc(SCT, "268910001", "Patient's condition improved");
            case "partial" -> cc(SCT, "551001000124108", "Cancer in partial remission");
            case "stable" -> cc(SCT, "359746009", "Patient's condition stable");
            case "progressing" -> older ? cc(SCT, "230993007", "Worsening") : cc(SCT, "271299001", "Patient's condition worsened");
            case "ned" -> cc(SCT, "550991000124107", "Malignant neoplasm in full remission");
            case "undetermined" -> cc(SCT, "709137006", "Patient condition undetermined");
            default -> throw new IllegalArgumentException("status " + value);
        });
        return s;
    }

    /** scale: ecog | karnofsky. */
    static Observation performance(String id, String scale, int score, String date, Reference subject) {
        CodeableConcept code = switch (scale) {
            case "ecog" -> cc(LOINC, "89247-1", "ECOG Performance Status score");
            case "karnofsky" -> cc(LOINC, "89243-0", "Karnofsky Performance Status score");
            default -> throw new IllegalArgumentException("performance scale " + scale);
        };
        Observation o = observation(id, subject, code, date);
        o.setValue(new IntegerType(score));
        return o;
    }

    /**
     * An AJCC category such as cT4b, cN0, pN0, cM1 (prefix c/p/y, axis T/N/M), or a stage group (IV, IIIA),
     * about the primary ({@code primaryRef}, may be null).
     */
    static Observation tnm(String id, String category, Reference subject, String primaryRef, Tnm o) {
        boolean stage = !category.matches("^[cpy]*[TNM].*");
        boolean path = category.startsWith("p");
        String bare = category.replaceFirst("^[cpy]+", "");
        char axis = stage ? 'S' : bare.charAt(0);
        CodeableConcept code = switch (axis) {
            case 'T' -> path ? cc(LOINC, "21899-0", "Primary tumor.pathology Cancer") : cc(LOINC, "21905-5", "Primary tumor.clinical Cancer");
            case 'N' -> path ? cc(LOINC, "21900-6", "Regional lymph nodes.pathology") : cc(LOINC, "21906-3", "Regional lymph nodes.clinical");
            case 'M' -> path ? cc(LOINC, "21901-4", "Distant metastases.pathology") : cc(LOINC, "21907-1", "Distant metastases.clinical");
            default -> path ? cc(LOINC, "21902-2", "Stage group.pathology") : cc(LOINC, "21908-9", "Stage group.clinical Cancer");
        };
        Observation t = observation(id, subject, code, o.date);
        if (primaryRef != null) t.addFocus(new Reference(primaryRef));
        if (o.snomed) {
            t.setValue(switch (bare) {
                case "M1" -> cc(SCT, "55440008", "M1 category");
                case "M0" -> cc(SCT, "30893008", "M0 category");
                case "IV" -> cc(SCT, "258228008", "Stage 4");
                case "T1" -> cc(SCT, "23351008", "T1 category");
                default -> throw new IllegalArgumentException("no SNOMED code in the test vocabulary for " + category);
            });
        } else {
            t.setValue(cc(AJCC, category, category));
        }
        return t;
    }

    /** A surgical margin: involved (in words, as pathology reports write it) or uninvolved (LOINC answer). */
    static Observation margin(String id, boolean involved, String date, Reference subject) {
        Observation o = observation(id, subject, cc(LOINC, "44669-0", "Surgical margin [Interpretation]"), date);
        o.setValue(involved ? text("Involved") : cc(LOINC, "LA27151-2", "Uninvolved"));
        return o;
    }

    /** A measurement the guidance does not use (vital sign, lab), with a UCUM quantity. */
    static Observation measurement(String id, String loinc, String display, double value, String unit, String date, Reference subject) {
        Observation o = observation(id, subject, cc(LOINC, loinc, display), date);
        o.setValue(new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(unit));
        return o;
    }
}
