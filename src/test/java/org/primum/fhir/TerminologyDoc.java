package org.primum.fhir;

import org.primum.fhir.terminology.Terminology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The codes of {@code docs/terminology.md}, each with the role the document gives it. The tables
 * (primary breast cancer, distant metastasis, receptors, procedures) and the ingredient lists of the
 * systemic-therapy paragraph are parsed: a row's first column says the role. The other paragraphs
 * name few codes in free prose; their roles are written out in {@link #PROSE}, and {@link #unclaimed}
 * lists every code-shaped token of the document that no table, list or prose entry accounts for, so
 * that a code added to the document cannot go unchecked.
 */
final class TerminologyDoc {
    static final Path FILE = Path.of("docs/terminology.md");

    /** What the Terminology must say about a code for it to count as recognised in its role. */
    enum Role {
        PRIMARY, GENERIC_MALIGNANCY, BREAST_STRUCTURE, METASTASIS_SITE, LYMPH_NODE_METASTASIS, GENERIC_SECONDARY,
        STRUCTURE_SITE, REGIONAL_NODAL, RECEPTOR_TEST, RECEPTOR_RESULT, DISEASE_STATUS, RESPONSE, PERFORMANCE,
        ECOG_ANSWER, TNM_AXIS, TNM_CATEGORY, INGREDIENT, INGREDIENT_BY_TEXT, PRODUCT, SYSTEMIC_THERAPY_PROCEDURE,
        PROCEDURE_KIND, LATERALITY, SYMPTOM, MARGIN_OBSERVATION, MARGIN_RESULT
    }

    /**
     * One code of the document. {@code expected}: the site, class, kind... its role calls for (null when
     * membership is all); {@code wildcard}: written {@code C50.*} / {@code C78.0*}, checked through its stem.
     */
    record Code(String section, String system, String code, Role role, String expected, boolean wildcard) {
        @Override
        public String toString() {
            return section + ": " + code + (wildcard ? "*" : "") + " as " + role + (expected == null ? "" : " " + expected);
        }
    }

    static final String SCT = Terminology.SNOMED, LOINC = Terminology.LOINC, ICD = Terminology.ICD10CM,
            RX = Terminology.RXNORM, CPT = Terminology.CPT;

    // Section headings of the document (their start is enough).
    static final String INTRO = "(introduction)", PRIMARY = "Primary breast cancer", DISTANT = "Distant metastasis",
            RECEPTORS = "Receptors", STATUS = "Disease status", PERFORMANCE = "Performance status", TNM = "TNM clinical categories",
            SYSTEMIC = "Systemic therapy", PROCEDURES = "Procedures", SYMPTOMS = "Primary-tumour symptoms", MARGINS = "Surgical margins";

    /** The codes named in prose, by section: system, code, role, expected. */
    static final List<Code> PROSE = List.of(
            prose(INTRO, SCT, "372137005", Role.PRIMARY, null),
            prose(INTRO, ICD, "C50*", Role.PRIMARY, null),
            prose(INTRO, SCT, "128462008", Role.GENERIC_SECONDARY, null),
            prose(DISTANT, LOINC, "21907-1", Role.TNM_AXIS, "M clinical"),
            prose(DISTANT, LOINC, "21901-4", Role.TNM_AXIS, "M pathological"),
            prose(DISTANT, SCT, "399387003", Role.TNM_AXIS, "M clinical"),
            prose(DISTANT, SCT, "55440008", Role.TNM_CATEGORY, "M M1"),
            prose(DISTANT, LOINC, "21908-9", Role.TNM_AXIS, "STAGE_GROUP clinical"),
            prose(DISTANT, SCT, "258228008", Role.TNM_CATEGORY, "STAGE_GROUP IV"),
            prose(DISTANT, SCT, "1229901006", Role.TNM_CATEGORY, "M M0"),
            prose(DISTANT, SCT, "30893008", Role.TNM_CATEGORY, "M M0"),
            prose(DISTANT, SCT, "94181007", Role.REGIONAL_NODAL, null),
            prose(DISTANT, ICD, "C77.3", Role.REGIONAL_NODAL, null),
            prose(RECEPTORS, LOINC, "LA6576-8", Role.RECEPTOR_RESULT, "POSITIVE"),
            prose(RECEPTORS, LOINC, "LA6577-6", Role.RECEPTOR_RESULT, "NEGATIVE"),
            prose(RECEPTORS, SCT, "10828004", Role.RECEPTOR_RESULT, "POSITIVE"),
            prose(RECEPTORS, SCT, "260385009", Role.RECEPTOR_RESULT, "NEGATIVE"),
            prose(RECEPTORS, LOINC, "LA11884-6", Role.RECEPTOR_RESULT, "EQUIVOCAL"),
            prose(RECEPTORS, SCT, "11896004", Role.RECEPTOR_RESULT, "EQUIVOCAL"),
            prose(STATUS, LOINC, "97509-4", Role.DISEASE_STATUS, null),
            prose(STATUS, SCT, "268910001", Role.RESPONSE, "RESPONDING"),
            prose(STATUS, SCT, "359746009", Role.RESPONSE, "STABLE"),
            prose(STATUS, SCT, "271299001", Role.RESPONSE, "PROGRESSING"),
            prose(STATUS, SCT, "550991000124107", Role.RESPONSE, "NO_EVIDENCE_OF_DISEASE"),
            prose(STATUS, SCT, "551001000124108", Role.RESPONSE, "RESPONDING"),
            prose(STATUS, SCT, "709137006", Role.RESPONSE, "UNDETERMINED"),
            prose(STATUS, SCT, "260415000", Role.RESPONSE, "NO_EVIDENCE_OF_DISEASE"),
            prose(STATUS, LOINC, "88040-1", Role.DISEASE_STATUS, null),
            prose(STATUS, SCT, "385633008", Role.RESPONSE, "RESPONDING"),
            prose(STATUS, SCT, "230993007", Role.RESPONSE, "PROGRESSING"),
            prose(PERFORMANCE, LOINC, "89247-1", Role.PERFORMANCE, "ECOG"),
            prose(PERFORMANCE, LOINC, "LA9622-7", Role.ECOG_ANSWER, "0"),
            prose(PERFORMANCE, LOINC, "89243-0", Role.PERFORMANCE, "KARNOFSKY"),
            prose(TNM, LOINC, "21905-5", Role.TNM_AXIS, "T clinical"),
            prose(TNM, LOINC, "21906-3", Role.TNM_AXIS, "N clinical"),
            prose(TNM, LOINC, "21907-1", Role.TNM_AXIS, "M clinical"),
            prose(TNM, LOINC, "21908-9", Role.TNM_AXIS, "STAGE_GROUP clinical"),
            prose(TNM, LOINC, "21899-0", Role.TNM_AXIS, "T pathological"),
            prose(TNM, LOINC, "21900-6", Role.TNM_AXIS, "N pathological"),
            prose(TNM, LOINC, "21901-4", Role.TNM_AXIS, "M pathological"),
            prose(TNM, LOINC, "21902-2", Role.TNM_AXIS, "STAGE_GROUP pathological"),
            prose(TNM, SCT, "399504009", Role.TNM_AXIS, "T clinical"),
            prose(TNM, SCT, "399534004", Role.TNM_AXIS, "N clinical"),
            prose(TNM, SCT, "399387003", Role.TNM_AXIS, "M clinical"),
            prose(TNM, SCT, "1229967007", Role.TNM_CATEGORY, "N N0"),
            prose(TNM, SCT, "1229901006", Role.TNM_CATEGORY, "M M0"),
            prose(TNM, SCT, "23351008", Role.TNM_CATEGORY, "T T1"),
            prose(TNM, SCT, "30893008", Role.TNM_CATEGORY, "M M0"),
            prose(TNM, SCT, "55440008", Role.TNM_CATEGORY, "M M1"),
            prose(SYSTEMIC, SCT, "367336001", Role.SYSTEMIC_THERAPY_PROCEDURE, "CHEMOTHERAPY"),
            prose(PROCEDURES, CPT, "19301", Role.PROCEDURE_KIND, "BREAST_CONSERVING_SURGERY"),
            prose(PROCEDURES, CPT, "19302", Role.PROCEDURE_KIND, "BREAST_CONSERVING_SURGERY"),
            prose(PROCEDURES, CPT, "19303", Role.PROCEDURE_KIND, "MASTECTOMY"),
            prose(PROCEDURES, CPT, "19305", Role.PROCEDURE_KIND, "MASTECTOMY"),
            prose(PROCEDURES, CPT, "19306", Role.PROCEDURE_KIND, "MASTECTOMY"),
            prose(PROCEDURES, CPT, "19307", Role.PROCEDURE_KIND, "MASTECTOMY"),
            prose(PROCEDURES, CPT, "38525", Role.PROCEDURE_KIND, "AXILLARY_DISSECTION"),
            prose(PROCEDURES, CPT, "38740", Role.PROCEDURE_KIND, "AXILLARY_DISSECTION"),
            prose(PROCEDURES, CPT, "38745", Role.PROCEDURE_KIND, "AXILLARY_DISSECTION"),
            prose(PROCEDURES, CPT, "38900", Role.PROCEDURE_KIND, "SENTINEL_NODE_BIOPSY"),
            prose(PROCEDURES, SCT, "80248007", Role.LATERALITY, "LEFT"),
            prose(PROCEDURES, SCT, "73056007", Role.LATERALITY, "RIGHT"),
            prose(PROCEDURES, SCT, "7771000", Role.LATERALITY, "LEFT"),
            prose(PROCEDURES, SCT, "24028007", Role.LATERALITY, "RIGHT"),
            prose(PROCEDURES, ICD, "C50.911", Role.LATERALITY, "RIGHT"),
            prose(PROCEDURES, ICD, "C50.912", Role.LATERALITY, "LEFT"),
            prose(SYMPTOMS, SCT, "53430007", Role.SYMPTOM, "pain"),
            prose(MARGINS, LOINC, "44669-0", Role.MARGIN_OBSERVATION, null),
            prose(MARGINS, LOINC, "LA27151-2", Role.MARGIN_RESULT, "clear"));

    /** A code written {@code C50*} stands for the document's {@code C50.*}. */
    private static Code prose(String section, String system, String code, Role role, String expected) {
        boolean wildcard = code.endsWith("*");
        return new Code(section, system, wildcard ? code.substring(0, code.length() - 1) : code, role, expected, wildcard);
    }

    /**
     * A code-shaped token: ICD-10-CM (C50.911, C50.*, C78.0*; not the pattern C50.xxx), a LOINC answer
     * (LA6576-8), a LOINC code (85337-4), or a SNOMED CT / RxNorm / CPT number of 4 digits or more.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "\\b(C\\d{2}(?:\\.\\d+)?(?:\\.?\\*)?)(?!\\.x)|\\b(LA\\d+-\\d)\\b|\\b(\\d{1,6}-\\d)\\b|\\b(\\d{4,18})\\b");
    /** A CPT range written 19305–19307 (en dash). */
    private static final Pattern RANGE = Pattern.compile("\\b(\\d{5})–(\\d{5})\\b");

    final Map<String, String> sections = new LinkedHashMap<>();
    final List<Code> codes = new ArrayList<>();

    TerminologyDoc(String markdown) {
        String current = INTRO;
        StringBuilder b = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("## ")) {
                sections.put(current, b.toString());
                current = line.substring(3).trim();
                b = new StringBuilder();
            } else {
                b.append(line).append('\n');
            }
        }
        sections.put(current, b.toString());
        sections.forEach(this::readSection);
        for (Code c : PROSE) {
            if (section(c.section()) == null) throw new IllegalStateException("no section " + c.section() + " in " + FILE);
            codes.add(new Code(section(c.section()), c.system(), c.code(), c.role(), c.expected(), c.wildcard()));
        }
    }

    static TerminologyDoc read() {
        try {
            return new TerminologyDoc(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full heading of the section that starts with {@code start}, or null. */
    String section(String start) {
        for (String s : sections.keySet()) if (s.startsWith(start)) return s;
        return null;
    }

    /** Code-shaped tokens of the document that no parsed row, list or prose entry accounts for. */
    List<String> unclaimed() {
        List<String> out = new ArrayList<>();
        sections.forEach((name, text) -> {
            Set<String> claimed = new HashSet<>();
            for (Code c : codes) if (c.section().equals(name)) claimed.add(c.code() + (c.wildcard() ? "*" : ""));
            for (String t : tokens(text)) if (!claimed.contains(t)) out.add(name + ": " + t);
        });
        return out;
    }

    /** Tokens of a text, wildcards as stem + "*", CPT ranges expanded. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                String icd = m.group(1);
                out.add(icd.endsWith("*") ? icd.replaceAll("\\.?\\*$", "") + "*" : icd);
            } else {
                out.add(m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4));
            }
        }
        Matcher r = RANGE.matcher(text);
        while (r.find()) {
            for (int i = Integer.parseInt(r.group(1)) + 1; i < Integer.parseInt(r.group(2)); i++) out.add(String.valueOf(i));
        }
        return out;
    }

    // ------------------------------------------------------------------ tables and lists

    private void readSection(String name, String text) {
        if (name.startsWith(PRIMARY)) for (List<String> row : table(text, false)) primaryRow(name, row);
        if (name.startsWith(DISTANT)) {
            List<List<String>> rows = table(text, true);
            for (String t : tokens(rows.get(0).get(3))) codes.add(new Code(name, SCT, t, Role.GENERIC_SECONDARY, null, false));
            for (List<String> row : rows.subList(1, rows.size())) distantRow(name, row);
        }
        if (name.startsWith(RECEPTORS)) for (List<String> row : table(text, false)) receptorRow(name, row);
        if (name.startsWith(PROCEDURES)) for (List<String> row : table(text, false)) procedureRow(name, row);
        if (name.startsWith(SYSTEMIC)) systemicTherapy(name, text);
    }

    /** The rows of the first markdown table of a section, cells trimmed; with or without its header row. */
    private static List<List<String>> table(String text, boolean withHeader) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("|")) {
                if (!rows.isEmpty()) break;
                continue;
            }
            if (line.matches("\\|[-| ]+\\|")) continue; // separator
            List<String> cells = new ArrayList<>();
            for (String c : line.substring(1, line.lastIndexOf('|')).split("\\|", -1)) cells.add(c.trim());
            rows.add(cells);
        }
        if (rows.isEmpty()) throw new IllegalStateException("no table in a section of " + FILE + " that should have one");
        return withHeader ? rows : rows.subList(1, rows.size());
    }

    private static String system(String label) {
        return switch (label) {
            case "SNOMED" -> SCT;
            case "ICD-10-CM" -> ICD;
            default -> throw new IllegalStateException("unknown system column " + label + " in " + FILE);
        };
    }

    /** system | code | display; "363346000 + bodySite breast (…)" = generic malignancy + breast structures. */
    private void primaryRow(String section, List<String> row) {
        String system = system(row.get(0));
        List<String> tokens = tokens(row.get(1));
        boolean pattern = row.get(1).contains("bodySite");
        for (int i = 0; i < tokens.size(); i++) {
            Role role = !pattern ? Role.PRIMARY : i == 0 ? Role.GENERIC_MALIGNANCY : Role.BREAST_STRUCTURE;
            add(section, system, tokens.get(i), role, null);
        }
    }

    private static final Map<String, String> SITES = Map.of("bone", "bone", "liver", "liver", "lung", "lung", "brain", "brain",
            "pleura", "pleura", "distant lymph nodes", "distant-lymph-nodes", "central nervous system", "brain",
            "skin / soft tissue", "skin", "unspecified", "unspecified");

    /** site | SNOMED (specific) | ICD-10-CM | body structures of the mCODE pattern. */
    private void distantRow(String section, List<String> row) {
        String site = SITES.get(row.get(0));
        if (site == null) throw new IllegalStateException("unknown metastatic site row " + row.get(0) + " in " + FILE);
        boolean generic = row.get(1).contains("without bodySite");
        for (String t : tokens(row.get(1))) add(section, SCT, t, generic ? Role.GENERIC_SECONDARY : Role.METASTASIS_SITE, generic ? null : site);
        // a node code whose body site decides regional or distant (C77.0, C77.1, C77.9) must be read as nodal disease
        Role icdRole = site.equals("distant-lymph-nodes") ? Role.LYMPH_NODE_METASTASIS : Role.METASTASIS_SITE;
        for (String t : tokens(row.get(2))) add(section, ICD, t, icdRole, site);
        for (String t : tokens(row.get(3))) add(section, SCT, t, Role.STRUCTURE_SITE, site);
    }

    /** marker | LOINC codes; "(%" right after a code = a percentage result. */
    private void receptorRow(String section, List<String> row) {
        String marker = row.get(0);
        Matcher m = Pattern.compile("(\\d{1,6}-\\d)( \\(%)?").matcher(row.get(1));
        while (m.find()) add(section, LOINC, m.group(1), Role.RECEPTOR_TEST, marker + (m.group(2) != null ? " percent" : ""));
    }

    private static final Map<String, String> KINDS = Map.of(
            "breast-conserving surgery", "BREAST_CONSERVING_SURGERY", "mastectomy", "MASTECTOMY",
            "contralateral prophylactic mastectomy", "MASTECTOMY", "sentinel lymph node biopsy", "SENTINEL_NODE_BIOPSY",
            "axillary lymph node dissection", "AXILLARY_DISSECTION",
            // the body site decides: a radiotherapy code is RADIOTHERAPY, or locoregional by itself (RT to breast)
            "radiotherapy to breast / chest wall", "RADIOTHERAPY|LOCOREGIONAL_RADIOTHERAPY");

    /** kind | SNOMED codes (and "CPT 38740, 38745" in the same cell). */
    private void procedureRow(String section, List<String> row) {
        String kind = KINDS.get(row.get(0));
        if (kind == null) throw new IllegalStateException("unknown procedure kind row " + row.get(0) + " in " + FILE);
        String cell = row.get(1);
        int cpt = cell.indexOf("CPT ");
        for (String t : tokens(cpt < 0 ? cell : cell.substring(0, cpt))) add(section, SCT, t, Role.PROCEDURE_KIND, kind);
        if (cpt >= 0) for (String t : tokens(cell.substring(cpt))) add(section, CPT, t, Role.PROCEDURE_KIND, kind);
    }

    private static final Map<String, String> CLASSES = Map.of("endocrine", "ENDOCRINE", "CDK4/6", "CDK4_6_INHIBITOR",
            "HER2-directed", "HER2_DIRECTED", "chemotherapy", "CHEMOTHERAPY", "immunotherapy", "IMMUNOTHERAPY");
    private static final Pattern CLASS_LIST = Pattern.compile("(endocrine|CDK4/6|HER2-directed|chemotherapy|immunotherapy) — ([^;]+?)(?=;|\\.(?:\\s|$))");
    private static final Pattern ITEM = Pattern.compile("([a-z][a-z -]*?) (\\d{4,8})");
    private static final Pattern PRODUCTS = Pattern.compile("\\(RxNorm ([^)]*)\\)");
    private static final Pattern PRODUCT = Pattern.compile("(\\d{5,8}) \"?([^\",]+)");

    /** "endocrine — tamoxifen 10324, …; CDK4/6 — …" and "(RxNorm 583214 "Paclitaxel 100 MG Injection", …)". */
    private void systemicTherapy(String section, String text) {
        String flat = text.replaceAll("\\s+", " ");
        Matcher m = CLASS_LIST.matcher(flat);
        while (m.find()) {
            String drugClass = CLASSES.get(m.group(1));
            for (String item : m.group(2).split(",")) {
                Matcher i = ITEM.matcher(item.trim());
                if (i.matches()) add(section, RX, i.group(2), Role.INGREDIENT, drugClass + " " + i.group(1));
                else if (!item.matches(".*\\d.*")) add(section, null, item.trim(), Role.INGREDIENT_BY_TEXT, drugClass);
                else throw new IllegalStateException("cannot read the drug " + item + " in " + FILE);
            }
        }
        Matcher p = PRODUCTS.matcher(flat);
        while (p.find()) {
            Matcher i = PRODUCT.matcher(p.group(1));
            while (i.find()) add(section, RX, i.group(1), Role.PRODUCT, i.group(2).trim());
        }
    }

    private void add(String section, String system, String token, Role role, String expected) {
        boolean wildcard = token.endsWith("*");
        codes.add(new Code(section, system, wildcard ? token.substring(0, token.length() - 1) : token, role, expected, wildcard));
    }
}
