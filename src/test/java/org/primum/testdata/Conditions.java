package org.primum.testdata;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;

import static org.primum.testdata.Codes.*;

/**
 * Conditions of a test record: the primary breast cancer, its metastases, symptoms of the primary, and
 * any other diagnosis. The options choose among the coding styles real records use (a specific SNOMED
 * code, ICD-10-CM, or mCODE's generic code with a body site), so tests exercise the mapping as real data would.
 */
public final class Conditions {
    private Conditions() {
    }

    enum Style { SPECIFIC, GENERIC, ICD10, PATTERN }

    /** Options of a primary breast cancer. Default: the most specific SNOMED code known, undated, side unknown. */
    public static final class Primary {
        private String side;
        private String onset;
        private Style style = Style.SPECIFIC;

        /** left | right | null (not recorded). */
        public Primary side(String side) { this.side = side; return this; }
        public Primary left() { return side("left"); }
        public Primary right() { return side("right"); }
        /** ISO date of diagnosis; null leaves the condition undated. */
        public Primary onset(String iso) { this.onset = iso; return this; }
        /** ICD-10-CM C50.91x, the side in the code. */
        public Primary icd10() { this.style = Style.ICD10; return this; }
        /** mCODE's pattern: SNOMED 363346000 (malignant neoplastic disease) with the breast as body site. */
        public Primary mcodePattern() { this.style = Style.PATTERN; return this; }
        /** SNOMED 254837009 (malignant neoplasm of breast) with the breast as body site, whatever the side. */
        public Primary breastCancerCode() { this.style = Style.GENERIC; return this; }
    }

    /** Options of a metastasis. Default: the site's specific SNOMED code (mCODE's pattern where it has none), undated. */
    public static final class Metastasis {
        private String onset;
        private Style style = Style.SPECIFIC;
        private Integer lesions;
        private String side;
        private boolean bodySite;

        public Metastasis onset(String iso) { this.onset = iso; return this; }
        /** left | right: the side of the body site (nodes); null: not recorded. */
        public Metastasis side(String side) { this.side = side; return this; }
        /** The site's body structure beside the code (with its side, if given), as records with ICD-10-CM codes may add. */
        public Metastasis withBodySite() { this.bodySite = true; return this; }
        public Metastasis icd10() { this.style = Style.ICD10; return this; }
        /** SNOMED 128462008 (secondary malignant neoplastic disease) with the organ as body site. */
        public Metastasis mcodePattern() { this.style = Style.PATTERN; return this; }
        /** A recorded number of lesions (the extension the mapping is configured to read); null: not recorded. */
        public Metastasis lesions(Integer count) { this.lesions = count; return this; }
    }

    private static Condition condition(String id, Reference subject) {
        Condition c = new Condition();
        c.setId(id);
        c.setSubject(subject);
        return c;
    }

    /** An mCODE cancer condition, active and confirmed. */
    private static Condition cancer(String id, Reference subject, String profile) {
        Condition c = condition(id, subject);
        c.getMeta().addProfile(MCODE + profile);
        c.setClinicalStatus(cc(CONDITION_CLINICAL, "active", "Active"));
        c.setVerificationStatus(cc(CONDITION_VERIFICATION, "confirmed", "Confirmed"));
        return c;
    }

    static Condition primary(String id, Reference subject, Primary o) {
        Condition c = cancer(id, subject, "mcode-primary-cancer-condition");
        String side = o.side;
        switch (o.style) {
            case ICD10 -> c.setCode(cc(ICD10, "left".equals(side) ? "C50.912" : "right".equals(side) ? "C50.911" : "C50.919",
                    "Malignant neoplasm of unspecified site of " + (side == null ? "unspecified" : side) + " female breast"));
            case PATTERN -> {
                c.setCode(cc(SCT, "363346000", "Malignant neoplastic disease"));
                c.addBodySite(breast(side));
            }
            case GENERIC -> {
                c.setCode(cc(SCT, "254837009", "Malignant neoplasm of breast"));
                c.addBodySite(breast(side));
            }
            case SPECIFIC -> {
                if ("left".equals(side)) c.setCode(cc(SCT, "353431000119107", "Primary malignant neoplasm of female left breast"));
                else {
                    c.setCode(cc(SCT, "254837009", "Malignant neoplasm of breast"));
                    if (side != null) c.addBodySite(breast(side));
                }
            }
        }
        if (o.onset != null) c.setOnset(new DateTimeType(o.onset));
        return c;
    }

    /**
     * A metastasis at {@code site} (a name of {@link Codes#SITES}, or "unspecified": a secondary cancer with no
     * site), related to the primary ({@code primaryRef}, may be null) by the condition-related extension.
     */
    static Condition metastasis(String id, String site, Reference subject, String primaryRef, Metastasis o) {
        Condition c = cancer(id, subject, "mcode-secondary-cancer-condition");
        if ("unspecified".equals(site)) {
            c.setCode(o.style == Style.ICD10 ? cc(ICD10, "C79.9", "Secondary malignant neoplasm of unspecified site")
                    : cc(SCT, "128462008", "Secondary malignant neoplastic disease"));
        } else {
            Site s = known(SITES, site, "metastatic site");
            boolean withSite = o.bodySite || o.side != null;
            if (o.style == Style.ICD10 || (s.snomed() == null && s.bodySite() == null)) {
                c.setCode(cc(ICD10, s.icd10(), null));
            } else if (o.style == Style.PATTERN || s.snomed() == null) {
                c.setCode(cc(SCT, "128462008", "Secondary malignant neoplastic disease"));
                withSite = true;
            } else {
                c.setCode(cc(SCT, s.snomed(), s.display()));
            }
            if (withSite && s.bodySite() != null) {
                CodeableConcept b = cc(SCT, s.bodySite(), s.bodySiteDisplay());
                if (o.side != null) b.addExtension(lateralityQualifier(o.side));
                c.addBodySite(b);
            }
        }
        if (o.onset != null) c.setOnset(new DateTimeType(o.onset));
        if (primaryRef != null) c.addExtension(new Extension(CONDITION_RELATED, new Reference(primaryRef)));
        if (o.lesions != null) c.addExtension(new Extension(LESION_COUNT, new IntegerType(o.lesions)));
        return c;
    }

    /**
     * A symptom of the primary at the breast of {@code side}: pain (coded), or ulceration, bleeding, fungating,
     * infection (in words, as most records write them).
     */
    static Condition symptom(String id, String kind, String side, String onset, Reference subject) {
        Condition c = condition(id, subject);
        c.setClinicalStatus(cc(CONDITION_CLINICAL, "active", "Active"));
        c.setCode(switch (kind) {
            case "pain" -> cc(SCT, "53430007", "Breast pain");
            case "ulceration" -> text("Ulceration of breast tumour");
            case "bleeding" -> text("Bleeding from breast tumour");
            case "fungating" -> text("Fungating tumour of breast");
            case "infection" -> text("Infected breast tumour");
            // not symptoms of the primary: located elsewhere, or nowhere said
            case "bone-pain" -> text("Bone pain due to metastatic breast cancer");
            case "pain-unsited" -> text("Pain");
            default -> throw new IllegalArgumentException("symptom " + kind);
        });
        switch (kind) {
            case "bone-pain" -> c.addBodySite(cc(SCT, "272673000", "Bone structure"));
            case "pain-unsited" -> { }
            default -> c.addBodySite(breast(side));
        }
        if (onset != null) c.setOnset(new DateTimeType(onset));
        return c;
    }

    /** Any other diagnosis, active and confirmed (hypertension, diabetes…): what a chart holds besides the cancer. */
    static Condition other(String id, CodeableConcept code, String onset, Reference subject) {
        Condition c = condition(id, subject);
        c.setClinicalStatus(cc(CONDITION_CLINICAL, "active", "Active"));
        c.setVerificationStatus(cc(CONDITION_VERIFICATION, "confirmed", "Confirmed"));
        c.setCode(code);
        if (onset != null) c.setOnset(new DateTimeType(onset));
        return c;
    }
}
