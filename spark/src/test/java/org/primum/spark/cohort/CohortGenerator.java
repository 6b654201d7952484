package org.primum.spark.cohort;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

/**
 * A synthetic cohort of de novo metastatic breast cancer as a FHIR Bulk Data export: one NDJSON file per resource
 * type, each patient's resources scattered over them, codes as {@code fhir-profiles/} recognises them (those of the
 * scenario builder, src/test/java/org/primum/scenarios/FhirCaseBuilder). Seeded: the same arguments give the same
 * files. Mixes what the audit distinguishes: de novo, recurrent, without metastasis or without a breast primary;
 * operations before or after systemic therapy, during progression, undated, contralateral prophylactic; tumour
 * boards, margins, therapies through a shared Medication, and resources the mapping does not read (Encounters).
 *
 * <p>JDK only, so that the benchmark runs it without a build:
 * {@code java spark/src/test/java/org/primum/spark/cohort/CohortGenerator.java N OUT_DIR [SEED] [ENCOUNTERS_PER_PATIENT]}.
 */
public final class CohortGenerator {

    private static final String SCT = "http://snomed.info/sct", LOINC = "http://loinc.org", ICD10 = "http://hl7.org/fhir/sid/icd-10-cm",
            RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm", AJCC = "http://cancerstaging.org",
            NCI = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";
    private static final LocalDate START = LocalDate.of(2019, 1, 1);
    /** site → SNOMED secondary malignant neoplasm code. */
    private static final String[][] SITES = {{"94222008", "bone"}, {"94381002", "liver"}, {"94391008", "lung"}, {"94225005", "brain"}};
    /** RxNorm ingredient, name. */
    private static final String[][] DRUGS = {{"72965", "letrozole"}, {"583214", "paclitaxel"}, {"224905", "trastuzumab"},
            {"1601374", "palbociclib"}, {"84857", "anastrozole"}};
    private static final String[] TYPES = {"Patient", "Condition", "Observation", "Procedure", "MedicationRequest", "Medication", "Encounter"};

    private final Map<String, BufferedWriter> out = new HashMap<>();
    private final int encounters;
    private long resources;

    private CohortGenerator(Path dir, int encounters) throws IOException {
        Files.createDirectories(dir);
        for (String t : TYPES) out.put(t, Files.newBufferedWriter(dir.resolve(t + ".ndjson"), StandardCharsets.UTF_8));
        this.encounters = encounters;
    }

    /** Writes {@code patients} patients into {@code dir}; returns the number of resources (lines) written. */
    public static long generate(Path dir, int patients, long seed, int encountersPerPatient) {
        try {
            CohortGenerator g = new CohortGenerator(dir, encountersPerPatient);
            for (String[] d : DRUGS) {
                g.write("Medication", "{\"resourceType\":\"Medication\",\"id\":\"med-" + d[1] + "\",\"code\":" + cc(RXNORM, d[0], d[1]) + "}");
            }
            for (int i = 0; i < patients; i++) g.patient(String.format("p%07d", i), new SplittableRandom(seed * 1_000_003L + i));
            for (BufferedWriter w : g.out.values()) w.close();
            return g.resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: java CohortGenerator.java PATIENTS OUT_DIR [SEED] [ENCOUNTERS_PER_PATIENT]");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        long n = generate(Path.of(args[1]), Integer.parseInt(args[0]), args.length > 2 ? Long.parseLong(args[2]) : 1,
                args.length > 3 ? Integer.parseInt(args[3]) : 8);
        System.out.printf("%s patients, %d resources in %s (%.1f s)%n", args[0], n, args[1], (System.nanoTime() - t0) / 1e9);
    }

    private void patient(String id, SplittableRandom rnd) throws IOException {
        String subject = "\"subject\":{\"reference\":\"Patient/" + id + "\"}";
        LocalDate dx = START.plusDays(rnd.nextInt(2200));
        write("Patient", "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"gender\":\"female\",\"birthDate\":\""
                + dx.minusYears(35 + rnd.nextInt(45)).minusDays(rnd.nextInt(365)) + "\"}");
        int kind = rnd.nextInt(100);
        boolean breast = kind >= 4;                       // 4 %: no breast primary at all
        boolean recurrent = kind >= 4 && kind < 11;       // 7 %: metastasis long after the primary
        boolean noMetastasis = kind >= 11 && kind < 15;   // 4 %: no distant disease
        String side = rnd.nextInt(10) < 1 ? null : rnd.nextBoolean() ? "left" : "right";
        if (breast) {
            write("Condition", condition(id + "-bc", subject, primaryCode(side, rnd), dx, side == null || rnd.nextInt(10) == 0 ? null : side));
        } else {
            write("Condition", condition(id + "-other", subject, cc(SCT, "363358000", "Malignant tumor of lung"), dx, null));
        }
        LocalDate metDate = null;
        if (!noMetastasis) {
            metDate = recurrent ? dx.plusDays(200 + rnd.nextInt(900)) : dx.plusDays(rnd.nextInt(60));
            int sites = 1 + rnd.nextInt(3);
            for (int s = 0; s < sites; s++) {
                String[] site = SITES[rnd.nextInt(SITES.length)];
                write("Condition", condition(id + "-met" + s, subject, cc(SCT, site[0], "Secondary malignant neoplasm of " + site[1]),
                        metDate.plusDays(rnd.nextInt(10)), null));
            }
        }
        LocalDate rec = dx.plusDays(4);
        write("Observation", observation(id + "-er", subject, cc(LOINC, "85337-4", "Estrogen receptor"), rec, posNeg(rnd.nextInt(10) < 7)));
        write("Observation", observation(id + "-pr", subject, cc(LOINC, "85339-0", "Progesterone receptor"), rec, posNeg(rnd.nextInt(10) < 6)));
        write("Observation", observation(id + "-her2", subject, cc(LOINC, "48676-1", "HER2"), rec, posNeg(rnd.nextInt(10) < 2)));
        boolean nodePositive = rnd.nextInt(10) < 5;
        write("Observation", observation(id + "-cn", subject, cc(LOINC, "21906-3", "Regional lymph nodes.clinical"), dx.plusDays(2),
                "\"valueCodeableConcept\":" + cc(AJCC, nodePositive ? "cN1" : "cN0", nodePositive ? "cN1" : "cN0")));
        if (metDate != null && !recurrent) {
            write("Observation", observation(id + "-cm", subject, cc(LOINC, "21907-1", "Distant metastases.clinical"), metDate.plusDays(3),
                    "\"valueCodeableConcept\":" + cc(AJCC, "cM1", "cM1")));
        }
        write("Observation", observation(id + "-ecog", subject, cc(LOINC, "89247-1", "ECOG Performance Status score"), dx.plusDays(5),
                "\"valueInteger\":" + rnd.nextInt(3)));

        LocalDate therapy = null;
        if (rnd.nextInt(100) < 85) {
            therapy = dx.plusDays(14 + rnd.nextInt(50));
            String[] drug = DRUGS[rnd.nextInt(DRUGS.length)];
            String medication = rnd.nextInt(10) == 0
                    ? "\"medicationReference\":{\"reference\":\"Medication/med-" + drug[1] + "\"}"
                    : "\"medicationCodeableConcept\":" + cc(RXNORM, drug[0], drug[1]);
            write("MedicationRequest", "{\"resourceType\":\"MedicationRequest\",\"id\":\"" + id + "-rx\",\"status\":\"active\",\"intent\":\"order\","
                    + medication + "," + subject + ",\"authoredOn\":\"" + therapy + "\"}");
            for (int w : new int[]{12, 24}) {
                if (rnd.nextInt(10) < 7) {
                    String[] value = rnd.nextInt(10) < 2 ? new String[]{"271299001", "Patient's condition worsened"}
                            : rnd.nextBoolean() ? new String[]{"359746009", "Patient's condition stable"}
                            : new String[]{"268910001", "Patient's condition improved"};
                    String focus = rnd.nextBoolean() ? ",\"focus\":[{\"reference\":\"Condition/" + id + "-bc\"}]"
                            : metDate != null && rnd.nextBoolean() ? ",\"focus\":[{\"reference\":\"Condition/" + id + "-met0\"}]" : "";
                    write("Observation", observation(id + "-status" + w, subject, cc(LOINC, "97509-4", "Cancer disease progression"),
                            therapy.plusWeeks(w), "\"valueCodeableConcept\":" + cc(SCT, value[0], value[1]) + focus));
                }
            }
        }
        if (rnd.nextInt(100) < 65) operations(id, subject, dx, therapy, side, rnd);
        for (int e = 0; e < encounters; e++) {
            write("Encounter", "{\"resourceType\":\"Encounter\",\"id\":\"" + id + "-enc" + e + "\",\"status\":\"finished\","
                    + "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},"
                    + subject + ",\"period\":{\"start\":\"" + dx.plusDays(rnd.nextInt(700)) + "\"}}");
        }
    }

    private void operations(String id, String subject, LocalDate dx, LocalDate therapy, String side, SplittableRandom rnd) throws IOException {
        LocalDate when = therapy != null && rnd.nextInt(10) < 7 ? therapy.plusWeeks(4 + rnd.nextInt(40)) : dx.plusDays(7 + rnd.nextInt(60));
        boolean undated = rnd.nextInt(100) < 4;
        if (rnd.nextInt(10) < 5) {
            write("Procedure", procedure(id + "-tb", subject, cc(NCI, "C93304", "Tumor Board Review"), null, when.minusDays(3 + rnd.nextInt(20)), null));
        }
        boolean mastectomy = rnd.nextBoolean();
        write("Procedure", procedure(id + "-op", subject, mastectomy ? cc(SCT, "172043006", "Simple mastectomy") : cc(SCT, "392021009", "Lumpectomy of breast"),
                breastSite(side), undated ? null : when, null));
        if (rnd.nextInt(10) < 4) {
            write("Procedure", procedure(id + "-alnd", subject, cc(SCT, "79544006", "Complete axillary lymphadenectomy"), null, undated ? null : when, null));
        }
        if (rnd.nextInt(10) < 8) {
            String margin = rnd.nextInt(10) < 8 ? "\"valueCodeableConcept\":" + cc(LOINC, "LA27151-2", "Uninvolved")
                    : "\"valueCodeableConcept\":{\"text\":\"Involved\"}";
            write("Observation", observation(id + "-margin", subject, cc(LOINC, "44669-0", "Surgical margin"), when.plusDays(rnd.nextInt(3)), margin));
        }
        if (rnd.nextInt(10) < 2) {
            write("Procedure", procedure(id + "-rt", subject, cc(SCT, "33195004", "External beam radiation therapy"), breastSite(side),
                    when.plusWeeks(6), null));
        }
        if (side != null && rnd.nextInt(100) < 6) {
            String other = "left".equals(side) ? "right" : "left";
            write("Procedure", procedure(id + "-cpm", subject, cc(SCT, "172043006", "Simple mastectomy"), breastSite(other), when,
                    "\"reasonCode\":[{\"text\":\"prophylactic\"}]"));
        }
    }

    private static String primaryCode(String side, SplittableRandom rnd) {
        if (rnd.nextInt(10) == 0) {
            return cc(ICD10, "left".equals(side) ? "C50.912" : "right".equals(side) ? "C50.911" : "C50.919", "Malignant neoplasm of breast");
        }
        return "left".equals(side) && rnd.nextBoolean() ? cc(SCT, "353431000119107", "Primary malignant neoplasm of female left breast")
                : cc(SCT, "254837009", "Malignant neoplasm of breast");
    }

    private static String breastSite(String side) {
        if ("left".equals(side)) return cc(SCT, "80248007", "Left breast structure");
        if ("right".equals(side)) return cc(SCT, "73056007", "Right breast structure");
        return cc(SCT, "76752008", "Breast structure");
    }

    private static String condition(String id, String subject, String code, LocalDate onset, String side) {
        return "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\","
                + "\"clinicalStatus\":" + cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active") + ","
                + "\"verificationStatus\":" + cc("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed") + ","
                + "\"code\":" + code + (side == null ? "" : ",\"bodySite\":[" + breastSite(side) + "]")
                + "," + subject + ",\"onsetDateTime\":\"" + onset + "\"}";
    }

    private static String observation(String id, String subject, String code, LocalDate date, String value) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"code\":" + code + "," + subject
                + ",\"effectiveDateTime\":\"" + date + "\"," + value + "}";
    }

    private static String procedure(String id, String subject, String code, String site, LocalDate date, String extra) {
        return "{\"resourceType\":\"Procedure\",\"id\":\"" + id + "\",\"status\":\"completed\",\"code\":" + code
                + (site == null ? "" : ",\"bodySite\":[" + site + "]") + "," + subject
                + (date == null ? "" : ",\"performedDateTime\":\"" + date + "\"") + (extra == null ? "" : "," + extra) + "}";
    }

    private static String posNeg(boolean positive) {
        return "\"valueCodeableConcept\":" + (positive ? cc(LOINC, "LA6576-8", "Positive") : cc(LOINC, "LA6577-6", "Negative"));
    }

    private static String cc(String system, String code, String display) {
        return "{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\",\"display\":\"" + display.replace("\"", "\\\"") + "\"}]}";
    }

    private void write(String type, String json) throws IOException {
        BufferedWriter w = out.get(type);
        w.write(json);
        w.write('\n');
        resources++;
    }
}
