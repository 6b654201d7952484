package org.primum.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;
import org.primum.facts.DrugClass;
import org.primum.facts.Laterality;
import org.primum.facts.PerformanceScale;
import org.primum.facts.ProcedureKind;
import org.primum.facts.Receptor;
import org.primum.facts.ReceptorValue;
import org.primum.facts.Response;
import org.primum.facts.TnmAxis;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

/**
 * Code recognition loaded from the ValueSets, ConceptMaps, CodeSystems and the mapping-settings
 * Parameters of {@code fhir-profiles/}: all knowledge of codes is data there, none is in Java. Every
 * lookup is a hash-map probe built at load time (ICD-10-CM: plus a walk up the dotted prefix), so
 * mapping stays cheap next to parsing the Bundle. Immutable and thread-safe once loaded.
 */
public final class Terminology {
    public static final String BASE = "http://primum.org/fhir";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    public static final String AJCC = "http://cancerstaging.org";

    static final String STAGING_TYPE = BASE + "/tnm-staging-type";
    static final String RESULT_SCALE = BASE + "/receptor-result-scale";

    /** The canonical URLs this class needs; a missing one fails start-up. */
    static final List<String> REQUIRED = List.of(
            vs("primary-breast-cancer"), vs("malignant-neoplasm-site-by-body-site"), vs("breast-structure"),
            vs("secondary-malignancy-site-by-body-site"), vs("regional-nodal-disease"), vs("regional-lymph-node-structure"),
            cm("secondary-neoplasm-site"), cm("body-structure-metastatic-site"), cm("body-structure-locoregional-region"),
            cm("laterality"), cm("tnm-observation-axis"), cm("tnm-category-value"), cm("receptor-test"), cm("receptor-result"),
            vs("disease-status-observation"), cm("disease-status-response"), cm("performance-status-observation"), cm("ecog-answer"),
            vs("margin-observation"), cm("margin-result"), vs("lesion-count-observation"), vs("systemic-therapy-ingredient"),
            cm("ingredient-drug-class"), cm("rxnorm-product-ingredient"), vs("chemotherapy-procedure"), cm("procedure-kind"),
            vs("prophylactic-mastectomy"), cm("primary-symptom"), vs("metastasis-site-observation"), vs("no-finding"));

    /** An organ site of distant disease; {@code specific}: the record names a structure finer than the organ. */
    public record SiteMapping(String site, String display, boolean specific) {
    }

    public record TnmAxisMapping(TnmAxis axis, boolean pathological) {
    }

    public record ReceptorTest(Receptor receptor, boolean percent) {
    }

    public record Ingredient(String code, String name, DrugClass drugClass) {
    }

    private final CodeIndex<Boolean> primaryBreast = new CodeIndex<>();
    private final CodeIndex<Boolean> genericMalignancy = new CodeIndex<>();
    private final CodeIndex<Boolean> breastStructure = new CodeIndex<>();
    private final CodeIndex<Boolean> genericSecondary = new CodeIndex<>();
    private final CodeIndex<Boolean> regionalNodal = new CodeIndex<>();
    private final CodeIndex<Boolean> regionalNodeStructure = new CodeIndex<>();
    private final CodeIndex<SiteMapping> secondarySite = new CodeIndex<>();
    private final CodeIndex<SiteMapping> structureSite = new CodeIndex<>();
    private final CodeIndex<String> locoregionalRegion = new CodeIndex<>();
    private final CodeIndex<Laterality> laterality = new CodeIndex<>();
    private final CodeIndex<TnmAxisMapping> tnmAxis = new CodeIndex<>();
    private final CodeIndex<String> tnmCategory = new CodeIndex<>();
    private final CodeIndex<ReceptorTest> receptorTest = new CodeIndex<>();
    private final CodeIndex<ReceptorValue> receptorResult = new CodeIndex<>();
    private final CodeIndex<Boolean> diseaseStatus = new CodeIndex<>();
    private final CodeIndex<Response> response = new CodeIndex<>();
    private final CodeIndex<PerformanceScale> performance = new CodeIndex<>();
    private final CodeIndex<Integer> ecogAnswer = new CodeIndex<>();
    private final CodeIndex<Boolean> marginObservation = new CodeIndex<>();
    private final CodeIndex<Boolean> marginInvolved = new CodeIndex<>();
    private final CodeIndex<Boolean> lesionCount = new CodeIndex<>();
    private final CodeIndex<Ingredient> ingredient = new CodeIndex<>();
    private final CodeIndex<Boolean> chemotherapyProcedure = new CodeIndex<>();
    private final CodeIndex<String> procedureKind = new CodeIndex<>();
    private final CodeIndex<Boolean> prophylactic = new CodeIndex<>();
    private final CodeIndex<String> symptom = new CodeIndex<>();
    private final CodeIndex<Boolean> metastasisSiteObservation = new CodeIndex<>();
    private final CodeIndex<Boolean> noFinding = new CodeIndex<>();

    /** Normalised ingredient names, synonyms and brands (1–3 words) → ingredient, for the text fallback. */
    private final Map<String, Ingredient> ingredientNames = new HashMap<>();
    private int maxNameWords = 1;
    private final List<String[]> symptomWords = new ArrayList<>();
    private final List<String> breastSiteWords = new ArrayList<>();
    private final List<String> prophylacticWords = new ArrayList<>();
    private final List<String> tumourBoardWords = new ArrayList<>();
    private final List<String> marginInvolvedWords = new ArrayList<>();
    private final List<String> marginClearWords = new ArrayList<>();
    private final List<String[]> receptorWords = new ArrayList<>();
    private final List<String> neoplasmWords = new ArrayList<>();
    private final List<String> neoplasmIcdPrefixes = new ArrayList<>();
    private final Set<String> knownSystems = new HashSet<>();
    private BigDecimal receptorPositiveMinPercent = BigDecimal.ONE;
    private String lesionCountExtensionUrl = BASE + "/StructureDefinition/metastatic-lesion-count";
    private String conditionRelatedExtensionUrl = "http://hl7.org/fhir/StructureDefinition/condition-related";
    private int unrecognisedMax = 100;
    private int resourceCount;

    private Terminology() {
    }

    private static String vs(String id) { return BASE + "/ValueSet/" + id; }

    private static String cm(String id) { return BASE + "/ConceptMap/" + id; }

    /**
     * Reads every {@code *.json} of {@code profilesDir} with HAPI (strict parser). A malformed or
     * incomplete resource, an unknown target code, or a missing required resource throws
     * {@link IllegalStateException}: start-up must fail rather than recognise codes wrongly.
     */
    public static Terminology load(Path profilesDir) {
        if (!Files.isDirectory(profilesDir)) {
            throw new IllegalStateException("fhir-profiles: folder not found: " + profilesDir.toAbsolutePath());
        }
        IParser parser = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Map<String, ValueSet> valueSets = new HashMap<>();
        Map<String, ConceptMap> conceptMaps = new HashMap<>();
        Map<String, CodeSystem> codeSystems = new HashMap<>();
        Map<String, String> fileOf = new HashMap<>();
        Parameters settings = null;
        List<Path> files;
        try (Stream<Path> s = Files.list(profilesDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("fhir-profiles: cannot list " + profilesDir + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            IBaseResource resource;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                resource = parser.parseResource(r);
            } catch (Exception e) {
                throw new IllegalStateException("fhir-profiles: " + name + " is not a valid FHIR R4 resource: " + e.getMessage(), e);
            }
            if (resource instanceof Parameters p) {
                if (settings != null) fail(name, "a second Parameters resource (only mapping-settings is expected)");
                settings = p;
                continue;
            }
            String url;
            if (resource instanceof ValueSet v) {
                checkMetadata(name, v.getUrl(), v.getName(), v.getStatus(), v.getDescription());
                url = v.getUrl();
                valueSets.put(url, v);
            } else if (resource instanceof ConceptMap c) {
                checkMetadata(name, c.getUrl(), c.getName(), c.getStatus(), c.getDescription());
                url = c.getUrl();
                conceptMaps.put(url, c);
            } else if (resource instanceof CodeSystem c) {
                checkMetadata(name, c.getUrl(), c.getName(), c.getStatus(), c.getDescription());
                url = c.getUrl();
                codeSystems.put(url, c);
            } else {
                throw fail(name, "unexpected resource type " + resource.fhirType() + " (ValueSet, ConceptMap, CodeSystem or Parameters)");
            }
            String previous = fileOf.put(url, name);
            if (previous != null) fail(name, "duplicate url " + url + " (also in " + previous + ")");
        }
        for (String url : REQUIRED) {
            if (!valueSets.containsKey(url) && !conceptMaps.containsKey(url)) {
                throw new IllegalStateException("fhir-profiles: required resource missing: " + url);
            }
        }
        Terminology t = new Terminology();
        t.resourceCount = files.size();
        new Builder(t, valueSets, conceptMaps, codeSystems, fileOf).build();
        if (settings == null) throw new IllegalStateException("fhir-profiles: Parameters mapping-settings missing");
        t.readSettings(settings);
        return t;
    }

    private static void checkMetadata(String file, String url, String name, Enumerations.PublicationStatus status, String description) {
        if (url == null || !url.startsWith(BASE + "/")) fail(file, "url must start with " + BASE + "/ (was " + url + ")");
        if (name == null || name.isBlank()) fail(file, "name is required");
        if (status == null) fail(file, "status is required");
        if (description == null || description.isBlank()) fail(file, "description is required");
    }

    private static IllegalStateException fail(String file, String message) {
        throw new IllegalStateException("fhir-profiles: " + file + ": " + message);
    }

    /** Builds the indexes from the parsed resources, checking every target code against its enum or CodeSystem. */
    private static final class Builder {
        private final Terminology t;
        private final Map<String, ValueSet> valueSets;
        private final Map<String, ConceptMap> conceptMaps;
        private final Map<String, CodeSystem> codeSystems;
        private final Map<String, String> fileOf;

        Builder(Terminology t, Map<String, ValueSet> valueSets, Map<String, ConceptMap> conceptMaps,
                Map<String, CodeSystem> codeSystems, Map<String, String> fileOf) {
            this.t = t;
            this.valueSets = valueSets;
            this.conceptMaps = conceptMaps;
            this.codeSystems = codeSystems;
            this.fileOf = fileOf;
        }

        void build() {
            flags("primary-breast-cancer", t.primaryBreast);
            flags("malignant-neoplasm-site-by-body-site", t.genericMalignancy);
            flags("breast-structure", t.breastStructure);
            flags("secondary-malignancy-site-by-body-site", t.genericSecondary);
            flags("regional-nodal-disease", t.regionalNodal);
            flags("regional-lymph-node-structure", t.regionalNodeStructure);
            map("secondary-neoplasm-site", t.secondarySite, (tg, src) -> new SiteMapping(tg.getCode(), src, specific(tg)));
            map("body-structure-metastatic-site", t.structureSite, (tg, src) -> new SiteMapping(tg.getCode(), src, specific(tg)));
            map("body-structure-locoregional-region", t.locoregionalRegion, (tg, src) -> tg.getCode());
            map("laterality", t.laterality, (tg, src) -> Laterality.valueOf(tg.getCode()));
            map("tnm-observation-axis", t.tnmAxis, (tg, src) -> new TnmAxisMapping(TnmAxis.valueOf(tg.getCode()),
                    "pathological".equals(product(tg, STAGING_TYPE))));
            map("tnm-category-value", t.tnmCategory, (tg, src) -> tg.getCode());
            map("receptor-test", t.receptorTest, (tg, src) -> new ReceptorTest(Receptor.valueOf(tg.getCode()),
                    "percent".equals(product(tg, RESULT_SCALE))));
            map("receptor-result", t.receptorResult, (tg, src) -> ReceptorValue.valueOf(tg.getCode()));
            flags("disease-status-observation", t.diseaseStatus);
            map("disease-status-response", t.response, (tg, src) -> Response.valueOf(tg.getCode()));
            map("performance-status-observation", t.performance, (tg, src) -> PerformanceScale.valueOf(tg.getCode()));
            map("ecog-answer", t.ecogAnswer, (tg, src) -> Integer.valueOf(tg.getCode()));
            flags("margin-observation", t.marginObservation);
            map("margin-result", t.marginInvolved, (tg, src) -> switch (tg.getCode()) {
                case "involved" -> Boolean.TRUE;
                case "clear" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("margin status " + tg.getCode());
            });
            flags("lesion-count-observation", t.lesionCount);
            flags("chemotherapy-procedure", t.chemotherapyProcedure);
            map("procedure-kind", t.procedureKind, (tg, src) -> {
                if (!"RADIOTHERAPY".equals(tg.getCode())) ProcedureKind.valueOf(tg.getCode());
                return tg.getCode();
            });
            flags("prophylactic-mastectomy", t.prophylactic);
            map("primary-symptom", t.symptom, (tg, src) -> tg.getCode());
            flags("metastasis-site-observation", t.metastasisSiteObservation);
            flags("no-finding", t.noFinding);
            drugs();
            t.knownSystems.add(AJCC);
        }

        private static boolean specific(ConceptMap.TargetElementComponent tg) {
            Enumerations.ConceptMapEquivalence eq = tg.getEquivalence();
            if (eq == null) throw new IllegalArgumentException("equivalence is required");
            return eq == Enumerations.ConceptMapEquivalence.WIDER || eq == Enumerations.ConceptMapEquivalence.SUBSUMES;
        }

        private static String product(ConceptMap.TargetElementComponent tg, String property) {
            for (ConceptMap.OtherElementComponent p : tg.getProduct()) {
                if (property.equals(p.getProperty())) return p.getValue();
            }
            return null;
        }

        /** A ValueSet's include (concepts or ICD-10-CM is-a filters) and exclude as a membership index. */
        private void flags(String id, CodeIndex<Boolean> index) {
            String url = vs(id);
            ValueSet v = valueSets.get(url);
            String file = fileOf.get(url);
            for (ValueSet.ConceptSetComponent inc : v.getCompose().getInclude()) {
                compose(file, inc, (system, code) -> index.put(system, code, Boolean.TRUE));
            }
            for (ValueSet.ConceptSetComponent exc : v.getCompose().getExclude()) {
                compose(file, exc, index::exclude);
            }
            if (index.size() == 0) fail(file, "the value set includes no code");
        }

        private void compose(String file, ValueSet.ConceptSetComponent set, java.util.function.BiConsumer<String, String> sink) {
            String system = set.getSystem();
            if (system == null || system.isBlank()) fail(file, "compose.include/exclude without system");
            if (!set.getValueSet().isEmpty()) fail(file, "compose.include.valueSet is not supported: list the codes");
            t.knownSystems.add(system);
            for (ValueSet.ConceptReferenceComponent c : set.getConcept()) {
                if (c.getCode() == null || c.getCode().isBlank()) fail(file, "concept without code");
                if (c.getDisplay() == null || c.getDisplay().isBlank()) fail(file, "concept " + c.getCode() + " has no display");
                sink.accept(system, c.getCode());
            }
            for (ValueSet.ConceptSetFilterComponent f : set.getFilter()) {
                boolean isA = f.getOp() == ValueSet.FilterOperator.ISA && "concept".equals(f.getProperty());
                if (!isA || !ICD10CM.equals(system)) {
                    fail(file, "unsupported filter " + f.getProperty() + " " + f.getOp() + " " + f.getValue()
                            + " on " + system + " (only concept is-a on ICD-10-CM, the dotted-code hierarchy)");
                }
                sink.accept(system, f.getValue());
            }
        }

        private interface TargetReader<T> {
            T read(ConceptMap.TargetElementComponent target, String sourceDisplay);
        }

        /** A ConceptMap's elements as an index source code → value read from the (single) target. */
        private <T> void map(String id, CodeIndex<T> index, TargetReader<T> reader) {
            String url = cm(id);
            ConceptMap c = conceptMaps.get(url);
            String file = fileOf.get(url);
            for (ConceptMap.ConceptMapGroupComponent g : c.getGroup()) {
                String system = g.getSource();
                if (system == null || system.isBlank()) fail(file, "group without source system");
                t.knownSystems.add(system);
                CodeSystem targetCs = codeSystems.get(g.getTarget());
                for (ConceptMap.SourceElementComponent e : g.getElement()) {
                    if (e.getCode() == null || e.getCode().isBlank()) fail(file, "element without code");
                    if (e.getDisplay() == null || e.getDisplay().isBlank()) fail(file, "element " + e.getCode() + " has no display");
                    if (e.getTarget().size() != 1) fail(file, "element " + e.getCode() + " must have exactly one target");
                    ConceptMap.TargetElementComponent tg = e.getTargetFirstRep();
                    if (tg.getCode() == null || tg.getCode().isBlank()) fail(file, "element " + e.getCode() + ": target without code");
                    if (targetCs != null && targetCs.getConcept().stream().noneMatch(k -> k.getCode().equals(tg.getCode()))) {
                        fail(file, "element " + e.getCode() + ": target " + tg.getCode() + " is not in " + g.getTarget());
                    }
                    T value;
                    try {
                        value = reader.read(tg, e.getDisplay());
                    } catch (RuntimeException ex) {
                        throw fail(file, "element " + e.getCode() + ": target " + tg.getCode() + " not understood: " + ex.getMessage());
                    }
                    if (index.get(system, e.getCode()) != null && index.contains(system, e.getCode())
                            && !(ICD10CM.equals(system))) {
                        fail(file, "element " + e.getCode() + " is mapped twice");
                    }
                    index.put(system, e.getCode(), value);
                }
            }
            if (index.size() == 0) fail(file, "the concept map has no element");
        }

        /** Ingredients (names and designations for the text fallback), their classes, and products → ingredient. */
        private void drugs() {
            String vsUrl = vs("systemic-therapy-ingredient");
            ConceptMap classes = conceptMaps.get(cm("ingredient-drug-class"));
            String classFile = fileOf.get(cm("ingredient-drug-class"));
            Map<String, DrugClass> classOf = new HashMap<>();
            Map<String, String> nameOfSubstance = new HashMap<>();
            for (ConceptMap.ConceptMapGroupComponent g : classes.getGroup()) {
                t.knownSystems.add(g.getSource());
                for (ConceptMap.SourceElementComponent e : g.getElement()) {
                    if (e.getDisplay() == null || e.getDisplay().isBlank()) fail(classFile, "element " + e.getCode() + " has no display");
                    DrugClass k;
                    try {
                        k = DrugClass.valueOf(e.getTargetFirstRep().getCode());
                    } catch (RuntimeException ex) {
                        throw fail(classFile, "element " + e.getCode() + ": unknown drug class " + e.getTargetFirstRep().getCode());
                    }
                    classOf.put(CodeIndex.key(g.getSource(), e.getCode()), k);
                    nameOfSubstance.put(CodeIndex.key(g.getSource(), e.getCode()), e.getDisplay());
                }
            }
            // SNOMED substances (and any non-RxNorm source) are ingredients by themselves
            classOf.forEach((key, k) -> {
                int bar = key.indexOf('|');
                String system = key.substring(0, bar), code = key.substring(bar + 1);
                t.ingredient.put(system, code, new Ingredient(code, nameOfSubstance.get(key).toLowerCase(Locale.ROOT), k));
            });
            ValueSet v = valueSets.get(vsUrl);
            String file = fileOf.get(vsUrl);
            for (ValueSet.ConceptSetComponent inc : v.getCompose().getInclude()) {
                t.knownSystems.add(inc.getSystem());
                for (ValueSet.ConceptReferenceComponent c : inc.getConcept()) {
                    if (c.getDisplay() == null || c.getDisplay().isBlank()) fail(file, "concept " + c.getCode() + " has no display");
                    DrugClass k = classOf.get(CodeIndex.key(inc.getSystem(), c.getCode()));
                    if (k == null) fail(file, "ingredient " + c.getCode() + " has no class in ConceptMap ingredient-drug-class");
                    Ingredient ing = new Ingredient(c.getCode(), c.getDisplay().toLowerCase(Locale.ROOT), k);
                    t.ingredient.put(inc.getSystem(), c.getCode(), ing);
                    t.addName(c.getDisplay(), ing);
                    for (ValueSet.ConceptReferenceDesignationComponent d : c.getDesignation()) t.addName(d.getValue(), ing);
                }
            }
            ConceptMap products = conceptMaps.get(cm("rxnorm-product-ingredient"));
            String productFile = fileOf.get(cm("rxnorm-product-ingredient"));
            for (ConceptMap.ConceptMapGroupComponent g : products.getGroup()) {
                t.knownSystems.add(g.getSource());
                for (ConceptMap.SourceElementComponent e : g.getElement()) {
                    if (e.getDisplay() == null || e.getDisplay().isBlank()) fail(productFile, "element " + e.getCode() + " has no display");
                    Ingredient ing = t.ingredient.get(g.getTarget(), e.getTargetFirstRep().getCode());
                    if (ing == null) fail(productFile, "element " + e.getCode() + ": ingredient " + e.getTargetFirstRep().getCode()
                            + " is not in ValueSet systemic-therapy-ingredient");
                    t.ingredient.put(g.getSource(), e.getCode(), ing);
                }
            }
        }
    }

    private void addName(String name, Ingredient ing) {
        String n = normaliseText(name);
        if (n.isEmpty()) return;
        ingredientNames.put(n, ing);
        maxNameWords = Math.max(maxNameWords, n.split(" ").length);
    }

    private void readSettings(Parameters p) {
        for (Parameters.ParametersParameterComponent par : p.getParameter()) {
            switch (par.getName()) {
                case "receptor-positive-min-percent" -> receptorPositiveMinPercent = ((org.hl7.fhir.r4.model.DecimalType) par.getValue()).getValue();
                case "lesion-count-extension-url" -> lesionCountExtensionUrl = par.getValue().primitiveValue();
                case "condition-related-extension-url" -> conditionRelatedExtensionUrl = par.getValue().primitiveValue();
                case "unrecognised-max" -> unrecognisedMax = Integer.parseInt(par.getValue().primitiveValue());
                case "prophylactic-word" -> prophylacticWords.add(lower(par.getValue().primitiveValue()));
                case "tumour-board-word" -> tumourBoardWords.add(lower(par.getValue().primitiveValue()));
                case "breast-site-word" -> breastSiteWords.add(lower(par.getValue().primitiveValue()));
                case "margin-involved-word" -> marginInvolvedWords.add(lower(par.getValue().primitiveValue()));
                case "margin-clear-word" -> marginClearWords.add(lower(par.getValue().primitiveValue()));
                case "symptom-word" -> symptomWords.add(new String[]{lower(part(par, "word")), part(par, "symptom")});
                case "neoplasm-word" -> neoplasmWords.add(lower(par.getValue().primitiveValue()));
                case "neoplasm-icd10-prefix" -> neoplasmIcdPrefixes.add(par.getValue().primitiveValue().toUpperCase(Locale.ROOT));
                case "receptor-result-word" -> {
                    String value = part(par, "value");
                    ReceptorValue.valueOf(value);
                    receptorWords.add(new String[]{lower(part(par, "word")), value});
                }
                default -> throw new IllegalStateException("fhir-profiles: Parameters mapping-settings: unknown parameter " + par.getName());
            }
        }
        // longer clear-words first: "uninvolved" / "not involved" must win over "involved"
        marginClearWords.sort(Comparator.comparingInt(String::length).reversed());
    }

    private static String part(Parameters.ParametersParameterComponent par, String name) {
        return par.getPart().stream().filter(x -> name.equals(x.getName())).findFirst()
                .map(x -> x.getValue().primitiveValue())
                .orElseThrow(() -> new IllegalStateException("fhir-profiles: Parameters mapping-settings: "
                        + par.getName() + " needs a part " + name));
    }

    private static String lower(String s) { return s.toLowerCase(Locale.ROOT); }

    static String normaliseText(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int n = b.length();
        if (n > 0 && b.charAt(n - 1) == ' ') b.setLength(n - 1);
        return b.toString();
    }

    // ------------------------------------------------------------------ lookups

    public boolean isPrimaryBreastCancer(String system, String code) { return primaryBreast.contains(system, code); }

    public boolean isGenericMalignancy(String system, String code) { return genericMalignancy.contains(system, code); }

    public boolean isBreastStructure(String system, String code) { return breastStructure.contains(system, code); }

    public boolean isGenericSecondary(String system, String code) { return genericSecondary.contains(system, code); }

    public boolean isRegionalNodalDisease(String system, String code) { return regionalNodal.contains(system, code); }

    public boolean isRegionalNodeStructure(String system, String code) { return regionalNodeStructure.contains(system, code); }

    /** Distant site of a Condition code that by itself means a metastasis (94222008, C79.51...), or null. */
    public SiteMapping secondarySite(String system, String code) {
        if (regionalNodal.contains(system, code)) return null;
        return secondarySite.get(system, code);
    }

    /** Organ site of a body structure, or null. */
    public SiteMapping bodyStructureSite(String system, String code) { return structureSite.get(system, code); }

    /** "breast", "chest-wall" or "regional-lymph-nodes" for a body structure of the locoregional field, or null. */
    public String locoregionalRegion(String system, String code) { return locoregionalRegion.get(system, code); }

    public Laterality laterality(String system, String code) { return laterality.get(system, code); }

    public TnmAxisMapping tnmAxis(String system, String code) { return tnmAxis.get(system, code); }

    /**
     * The category of a staging value without its c/p prefix ("T3", "M1", "IV"), or null. AJCC codes
     * (http://cancerstaging.org) are normalised by their pattern: "cT3" → "T3", "c3A" / "3A" → "IIIA".
     */
    public String tnmCategory(String system, String code, TnmAxis axis) {
        String mapped = tnmCategory.get(system, code);
        if (mapped != null) return mapped;
        if (AJCC.equals(system) && code != null) return normaliseAjcc(code.trim(), axis);
        return null;
    }

    private static final java.util.regex.Pattern ROMAN_STAGE = java.util.regex.Pattern.compile("(0|I{1,3}|IV)[A-C]?\\d?");

    static String normaliseAjcc(String code, TnmAxis axis) {
        String c = code.trim();
        // lower-case prefixes: c, p, yc, yp, r, a (clinical, pathological, post-therapy, recurrence, autopsy)
        int i = 0;
        while (i < c.length() && "cpyra".indexOf(c.charAt(i)) >= 0) i++;
        c = c.substring(i);
        if (c.isEmpty()) return null;
        if (axis == TnmAxis.STAGE_GROUP) {
            String upper = c.toUpperCase(Locale.ROOT);
            int d = 0;
            while (d < upper.length() && Character.isDigit(upper.charAt(d))) d++;
            if (d == 0) return ROMAN_STAGE.matcher(upper).matches() ? upper : null;
            String roman = switch (upper.substring(0, d)) {
                case "0" -> "0";
                case "1" -> "I";
                case "2" -> "II";
                case "3" -> "III";
                case "4" -> "IV";
                default -> null;
            };
            return roman == null ? null : roman + upper.substring(d);
        }
        char axisLetter = axis.name().charAt(0);
        return Character.toUpperCase(c.charAt(0)) == axisLetter ? axisLetter + c.substring(1) : null;
    }

    public ReceptorTest receptorTest(String system, String code) { return receptorTest.get(system, code); }

    public ReceptorValue receptorResult(String system, String code) { return receptorResult.get(system, code); }

    /** Positive / negative / equivocal from result text ("Positive", "negative (0%)"), or null. */
    public ReceptorValue receptorByText(String text) {
        String s = lower(text == null ? "" : text);
        for (String[] w : receptorWords) if (s.contains(w[0])) return ReceptorValue.valueOf(w[1]);
        return null;
    }

    public BigDecimal receptorPositiveMinPercent() { return receptorPositiveMinPercent; }

    public boolean isDiseaseStatus(String system, String code) { return diseaseStatus.contains(system, code); }

    public Response response(String system, String code) { return response.get(system, code); }

    public PerformanceScale performanceScale(String system, String code) { return performance.get(system, code); }

    public Integer ecogAnswer(String system, String code) { return ecogAnswer.get(system, code); }

    public boolean isMarginObservation(String system, String code) { return marginObservation.contains(system, code); }

    public Boolean marginInvolved(String system, String code) { return marginInvolved.get(system, code); }

    /** Involved (true), clear (false) or unknown (null) from margin text. */
    public Boolean marginByText(String text) {
        String s = lower(text == null ? "" : text);
        for (String w : marginClearWords) if (s.contains(w)) return Boolean.FALSE;
        for (String w : marginInvolvedWords) if (s.contains(w)) return Boolean.TRUE;
        return null;
    }

    public boolean isLesionCount(String system, String code) { return lesionCount.contains(system, code); }

    /** An Observation whose value names the site of a distant metastasis (LOINC 44667-4). */
    public boolean isMetastasisSiteObservation(String system, String code) { return metastasisSiteObservation.contains(system, code); }

    /** A value saying nothing was found ("None"). */
    public boolean isNoFinding(String system, String code) { return noFinding.contains(system, code); }

    public String lesionCountExtensionUrl() { return lesionCountExtensionUrl; }

    public String conditionRelatedExtensionUrl() { return conditionRelatedExtensionUrl; }

    public int unrecognisedMax() { return unrecognisedMax; }

    /** The ingredient of an RxNorm ingredient, clinical drug or product, or of a SNOMED CT substance; or null. */
    public Ingredient ingredient(String system, String code) { return ingredient.get(system, code); }

    /** The ingredient named in free text (display, code.text, Medication text): longest name first; or null. */
    public Ingredient ingredientByText(String text) {
        String n = normaliseText(text);
        if (n.isEmpty()) return null;
        String[] words = n.split(" ");
        for (int len = Math.min(maxNameWords, words.length); len >= 1; len--) {
            for (int i = 0; i + len <= words.length; i++) {
                String candidate = len == 1 ? words[i] : String.join(" ", Arrays.copyOfRange(words, i, i + len));
                Ingredient ing = ingredientNames.get(candidate);
                if (ing != null) return ing;
            }
        }
        return null;
    }

    public boolean isChemotherapyProcedure(String system, String code) { return chemotherapyProcedure.contains(system, code); }

    /** A {@link ProcedureKind} name, or "RADIOTHERAPY" (the body site decides), or null. */
    public String procedureKind(String system, String code) { return procedureKind.get(system, code); }

    public boolean isProphylacticMastectomy(String system, String code) { return prophylactic.contains(system, code); }

    public boolean mentionsProphylactic(String text) { return containsAny(text, prophylacticWords); }

    /** A procedure or order whose text names a tumour board / multidisciplinary review. */
    public boolean mentionsTumourBoard(String text) { return containsAny(text, tumourBoardWords); }

    /** Symptom of the breast itself by code ("pain" for 53430007), or null. */
    public String symptom(String system, String code) { return symptom.get(system, code); }

    /** The symptom named in text ("ulcer" → ulceration, "haemorrhage" → bleeding), or null. */
    public String symptomByText(String text) {
        String s = lower(text == null ? "" : text);
        for (String[] w : symptomWords) if (s.contains(w[0])) return w[1];
        return null;
    }

    public boolean mentionsBreastSite(String text) { return containsAny(text, breastSiteWords); }

    private static boolean containsAny(String text, List<String> words) {
        if (text == null || text.isEmpty()) return false;
        String s = lower(text);
        for (String w : words) if (s.contains(w)) return true;
        return false;
    }

    /**
     * A Condition that looks like a neoplasm (its display or text names one, or an ICD-10 code of any
     * national variant in a neoplasm chapter prefix): worth reporting when not recognised.
     */
    public boolean looksLikeNeoplasm(String system, String code, String text) {
        if (containsAny(text, neoplasmWords)) return true;
        if (system != null && code != null && system.toLowerCase(Locale.ROOT).contains("icd-10")) {
            String c = code.trim().toUpperCase(Locale.ROOT);
            for (String p : neoplasmIcdPrefixes) if (c.startsWith(p)) return true;
        }
        return false;
    }

    /** True when some loaded resource uses this code system (an unknown system is worth reporting). */
    public boolean knowsSystem(String system) { return knownSystems.contains(system); }

    public int resourceCount() { return resourceCount; }

}
