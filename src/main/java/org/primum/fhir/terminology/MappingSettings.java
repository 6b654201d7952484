package org.primum.fhir.terminology;

import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Parameters;
import org.primum.facts.Laterality;
import org.primum.facts.ReceptorValue;
import org.primum.facts.Response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The values of {@code Parameters-mapping-settings.json}: the receptor positivity threshold, extension
 * URLs, the cap on reported unrecognised codes, and the words of the text fallbacks (a record coded in
 * no known system may still say "prophylactic", "tumour board", "margin involved"...), with the matching
 * that uses them, and other names of the code systems (OIDs). An unknown parameter fails start-up. Immutable once read.
 */
public final class MappingSettings {
    private record Word(String word, String meaning) {
    }

    private BigDecimal receptorPositiveMinPercent = BigDecimal.ONE;
    private String lesionCountExtensionUrl = CodeSystems.BASE + "/StructureDefinition/metastatic-lesion-count";
    private String conditionRelatedExtensionUrl = "http://hl7.org/fhir/StructureDefinition/condition-related";
    private int unrecognisedMax = 100;
    private final List<Word> symptomWords = new ArrayList<>();
    private final List<Word> receptorWords = new ArrayList<>();
    private final List<Word> diseaseStatusWords = new ArrayList<>();
    private final List<String> breastSiteWords = new ArrayList<>();
    private final List<String> prophylacticWords = new ArrayList<>();
    private final List<String> tumourBoardWords = new ArrayList<>();
    private final List<String> ablationWords = new ArrayList<>();
    private final List<String> marginInvolvedWords = new ArrayList<>();
    private final List<String> marginClearWords = new ArrayList<>();
    private final List<String> neoplasmWords = new ArrayList<>();
    private final List<String> neoplasmIcdPrefixes = new ArrayList<>();
    private final List<Word> orderKindWords = new ArrayList<>();
    private final List<String> tumourBoardProfiles = new ArrayList<>();
    private final List<String> procedureDetailExtensionUrls = new ArrayList<>();
    /** A side and the whole word that names it, the pattern compiled once at load. */
    private record SideWord(Pattern word, Laterality side) {
    }

    private final List<SideWord> lateralityWords = new ArrayList<>();
    /** Another name of a code system (its HL7 OID, as C-CDA converters leave it) → the canonical URI the files use. */
    private final Map<String, String> codeSystemAliases = new HashMap<>();

    private MappingSettings() {
    }

    public static MappingSettings read(ProfileSet files) {
        Parameters p = files.settings();
        if (p == null) throw new IllegalStateException("fhir-profiles: Parameters mapping-settings missing");
        MappingSettings s = new MappingSettings();
        for (Parameters.ParametersParameterComponent par : p.getParameter()) s.read(par);
        // longer clear-words first: "uninvolved" / "not involved" must win over "involved"
        s.marginClearWords.sort(Comparator.comparingInt(String::length).reversed());
        return s;
    }

    private void read(Parameters.ParametersParameterComponent par) {
        switch (par.getName()) {
            case "receptor-positive-min-percent" -> receptorPositiveMinPercent = ((DecimalType) par.getValue()).getValue();
            case "lesion-count-extension-url" -> lesionCountExtensionUrl = par.getValue().primitiveValue();
            case "condition-related-extension-url" -> conditionRelatedExtensionUrl = par.getValue().primitiveValue();
            case "tumour-board-profile" -> tumourBoardProfiles.add(par.getValue().primitiveValue());
            case "procedure-detail-extension-url" -> procedureDetailExtensionUrls.add(par.getValue().primitiveValue());
            case "unrecognised-max" -> unrecognisedMax = Integer.parseInt(par.getValue().primitiveValue());
            case "prophylactic-word" -> prophylacticWords.add(lower(par.getValue().primitiveValue()));
            case "tumour-board-word" -> tumourBoardWords.add(lower(par.getValue().primitiveValue()));
            case "ablation-word" -> ablationWords.add(lower(par.getValue().primitiveValue()));
            case "breast-site-word" -> breastSiteWords.add(lower(par.getValue().primitiveValue()));
            case "margin-involved-word" -> marginInvolvedWords.add(lower(par.getValue().primitiveValue()));
            case "margin-clear-word" -> marginClearWords.add(lower(par.getValue().primitiveValue()));
            case "symptom-word" -> symptomWords.add(new Word(lower(part(par, "word")), part(par, "symptom")));
            case "neoplasm-word" -> neoplasmWords.add(lower(par.getValue().primitiveValue()));
            case "neoplasm-icd10-prefix" -> neoplasmIcdPrefixes.add(par.getValue().primitiveValue().toUpperCase(Locale.ROOT));
            case "order-kind-word" -> orderKindWords.add(new Word(lower(part(par, "word")), Profiles.procedureKind(part(par, "kind"))));
            case "laterality-word" -> lateralityWords.add(new SideWord(
                    Pattern.compile("\\b" + Pattern.quote(lower(part(par, "word"))) + "\\b"), Laterality.valueOf(part(par, "laterality"))));
            case "disease-status-word" -> {
                String response = part(par, "response");
                Response.valueOf(response);
                diseaseStatusWords.add(new Word(lower(part(par, "word")), response));
            }
            case "code-system-alias" -> codeSystemAliases.put(part(par, "alias"), part(par, "system"));
            case "receptor-result-word" -> {
                String value = part(par, "value");
                ReceptorValue.valueOf(value);
                receptorWords.add(new Word(lower(part(par, "word")), value));
            }
            default -> throw new IllegalStateException("fhir-profiles: Parameters mapping-settings: unknown parameter " + par.getName());
        }
    }

    private static String part(Parameters.ParametersParameterComponent par, String name) {
        return par.getPart().stream().filter(x -> name.equals(x.getName())).findFirst()
                .map(x -> x.getValue().primitiveValue())
                .orElseThrow(() -> new IllegalStateException("fhir-profiles: Parameters mapping-settings: "
                        + par.getName() + " needs a part " + name));
    }

    // ------------------------------------------------------------------ values

    /** The canonical URI of a code system written by another name (urn:oid:2.16.840.1.113883.6.96 → SNOMED CT); else as given. */
    public String canonicalSystem(String system) {
        if (system == null || codeSystemAliases.isEmpty()) return system;
        return codeSystemAliases.getOrDefault(system, system);
    }

    /** An ER/PR percentage at or above this is positive. */
    public BigDecimal receptorPositiveMinPercent() { return receptorPositiveMinPercent; }

    /** The extension (valueInteger) with the number of lesions on a metastasis Condition. */
    public String lesionCountExtensionUrl() { return lesionCountExtensionUrl; }

    /** The extension relating a secondary cancer Condition to its primary. */
    public String conditionRelatedExtensionUrl() { return conditionRelatedExtensionUrl; }

    /** Profiles of a CarePlan that records a tumour-board review (the MII "Tumorkonferenz"). */
    public List<String> tumourBoardProfiles() { return List.copyOf(tumourBoardProfiles); }

    /**
     * Extensions of a Procedure or ServiceRequest whose codes (in nested extensions too) describe what it treats and
     * how: the MII radiotherapy's target region and side (Zielgebiet), technique (Applikationsart) and intention.
     */
    public List<String> procedureDetailExtensionUrls() { return List.copyOf(procedureDetailExtensionUrls); }

    /** At most this many unrecognised codes are listed in an answer. */
    public int unrecognisedMax() { return unrecognisedMax; }

    // ------------------------------------------------------------------ text fallbacks

    /** Positive / negative / equivocal from result text ("Positive", "negative (0%)"), or null. */
    public ReceptorValue receptorByText(String text) {
        String s = lower(text == null ? "" : text);
        for (Word w : receptorWords) if (s.contains(w.word())) return ReceptorValue.valueOf(w.meaning());
        return null;
    }

    /**
     * The response a disease status's words name ("Stable disease", "Partial response (RECIST)"), or null. The longest
     * word found decides, so a negated phrase listed as a word ("no disease progression": undetermined) outweighs the
     * word it contains.
     */
    public Response responseByText(String text) {
        String s = lower(text == null ? "" : text);
        Word found = null;
        for (Word w : diseaseStatusWords) if (s.contains(w.word()) && (found == null || w.word().length() > found.word().length())) found = w;
        return found == null ? null : Response.valueOf(found.meaning());
    }

    /**
     * Involved (true), clear (false) or unknown (null) from margin text. The longest word found decides, so a
     * negated phrase outweighs the word it contains: "not involved" is clear, "not clear" / "not free" involved.
     */
    public Boolean marginByText(String text) {
        String s = lower(text == null ? "" : text);
        String clear = longestIn(s, marginClearWords), involved = longestIn(s, marginInvolvedWords);
        if (clear == null && involved == null) return null;
        if (involved == null) return Boolean.FALSE;
        if (clear == null) return Boolean.TRUE;
        return involved.length() > clear.length();
    }

    private static String longestIn(String text, List<String> words) {
        String found = null;
        for (String w : words) if (text.contains(w) && (found == null || w.length() > found.length())) found = w;
        return found;
    }

    /** The symptom named in text ("ulcer" → ulceration, "haemorrhage" → bleeding), or null. */
    public String symptomByText(String text) {
        String s = lower(text == null ? "" : text);
        for (Word w : symptomWords) if (s.contains(w.word())) return w.meaning();
        return null;
    }

    public boolean mentionsProphylactic(String text) { return containsAny(text, prophylacticWords); }

    /**
     * The procedure kind an order's text names ("Lumpectomy, left breast" → BREAST_CONSERVING_SURGERY; a radiotherapy
     * {@link Profiles#RADIOTHERAPY_BY_SITE}), the first
     * listed word found winning (so "partial mastectomy" is listed before "mastectomy"), or null.
     */
    public String orderKindByText(String text) {
        String s = lower(text == null ? "" : text);
        for (Word w : orderKindWords) if (s.contains(w.word())) return w.meaning();
        return null;
    }

    /** The side text names as whole words ("Right mastectomy"; left and right together: bilateral), or null. */
    public Laterality lateralityByText(String text) {
        String s = lower(text == null ? "" : text);
        Laterality found = null;
        for (SideWord w : lateralityWords) {
            if (!w.word().matcher(s).find()) continue;
            found = found == null || found == w.side() ? w.side() : Laterality.BILATERAL;
        }
        return found;
    }

    public boolean mentionsTumourBoard(String text) { return containsAny(text, tumourBoardWords); }

    public boolean mentionsAblation(String text) { return containsAny(text, ablationWords); }

    public boolean mentionsBreastSite(String text) { return containsAny(text, breastSiteWords); }

    /** Text naming a neoplasm, or an ICD-10 code of any national variant in a neoplasm chapter prefix. */
    public boolean looksLikeNeoplasm(String system, String code, String text) {
        if (containsAny(text, neoplasmWords)) return true;
        if (system != null && code != null && system.toLowerCase(Locale.ROOT).contains("icd-10")) {
            String c = code.trim().toUpperCase(Locale.ROOT);
            for (String p : neoplasmIcdPrefixes) if (c.startsWith(p)) return true;
        }
        return false;
    }

    private static boolean containsAny(String text, List<String> words) {
        if (text == null || text.isEmpty()) return false;
        String s = lower(text);
        for (String w : words) if (s.contains(w)) return true;
        return false;
    }

    private static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
