package org.primum.fhir.terminology;

import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ValueSet;
import org.primum.facts.DrugClass;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.primum.fhir.terminology.ProfileLoader.fail;

/**
 * Systemic-therapy ingredients, fed by three files together: the ValueSet {@code systemic-therapy-ingredient}
 * (ingredients, with names and designations such as brands for the text fallback), the ConceptMap
 * {@code ingredient-drug-class} (ingredient or SNOMED CT substance → drug class) and the ConceptMap
 * {@code rxnorm-product-ingredient} (clinical drug or product → ingredient). Every ingredient must have
 * a class and every product an ingredient of the ValueSet, or start-up fails.
 */
final class IngredientIndex {
    static final String INGREDIENTS = CodeSystems.BASE + "/ValueSet/systemic-therapy-ingredient";
    static final String DRUG_CLASSES = CodeSystems.BASE + "/ConceptMap/ingredient-drug-class";
    static final String PRODUCTS = CodeSystems.BASE + "/ConceptMap/rxnorm-product-ingredient";

    private final CodeIndex<Ingredient> byCode = new CodeIndex<>();
    /** Normalised ingredient names, synonyms and brands (1–3 words) → ingredient. */
    private final Map<String, Ingredient> byName = new HashMap<>();
    private int maxNameWords = 1;

    private IngredientIndex() {
    }

    static IngredientIndex build(ProfileSet files, Set<String> knownSystems) {
        IngredientIndex x = new IngredientIndex();
        ConceptMap classes = files.conceptMap(DRUG_CLASSES);
        String classFile = files.fileOf(DRUG_CLASSES);
        Map<String, DrugClass> classOf = new HashMap<>();
        Map<String, String> nameOfSubstance = new HashMap<>();
        for (ConceptMap.ConceptMapGroupComponent g : classes.getGroup()) {
            knownSystems.add(g.getSource());
            for (ConceptMap.SourceElementComponent e : g.getElement()) {
                if (e.getDisplay() == null || e.getDisplay().isBlank()) throw fail(classFile, "element " + e.getCode() + " has no display");
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
            x.byCode.put(system, code, new Ingredient(code, nameOfSubstance.get(key).toLowerCase(Locale.ROOT), k));
        });
        ValueSet v = files.valueSet(INGREDIENTS);
        String file = files.fileOf(INGREDIENTS);
        for (ValueSet.ConceptSetComponent inc : v.getCompose().getInclude()) {
            knownSystems.add(inc.getSystem());
            for (ValueSet.ConceptReferenceComponent c : inc.getConcept()) {
                if (c.getDisplay() == null || c.getDisplay().isBlank()) throw fail(file, "concept " + c.getCode() + " has no display");
                DrugClass k = classOf.get(CodeIndex.key(inc.getSystem(), c.getCode()));
                if (k == null) throw fail(file, "ingredient " + c.getCode() + " has no class in ConceptMap ingredient-drug-class");
                Ingredient ing = new Ingredient(c.getCode(), c.getDisplay().toLowerCase(Locale.ROOT), k);
                x.byCode.put(inc.getSystem(), c.getCode(), ing);
                x.addName(c.getDisplay(), ing);
                for (ValueSet.ConceptReferenceDesignationComponent d : c.getDesignation()) x.addName(d.getValue(), ing);
            }
        }
        ConceptMap products = files.conceptMap(PRODUCTS);
        String productFile = files.fileOf(PRODUCTS);
        for (ConceptMap.ConceptMapGroupComponent g : products.getGroup()) {
            knownSystems.add(g.getSource());
            for (ConceptMap.SourceElementComponent e : g.getElement()) {
                if (e.getDisplay() == null || e.getDisplay().isBlank()) throw fail(productFile, "element " + e.getCode() + " has no display");
                Ingredient ing = x.byCode.get(g.getTarget(), e.getTargetFirstRep().getCode());
                if (ing == null) throw fail(productFile, "element " + e.getCode() + ": ingredient " + e.getTargetFirstRep().getCode()
                        + " is not in ValueSet systemic-therapy-ingredient");
                x.byCode.put(g.getSource(), e.getCode(), ing);
            }
        }
        return x;
    }

    private void addName(String name, Ingredient ing) {
        String n = normaliseText(name);
        if (n.isEmpty()) return;
        byName.put(n, ing);
        maxNameWords = Math.max(maxNameWords, n.split(" ").length);
    }

    Ingredient get(String system, String code) {
        return byCode.get(system, code);
    }

    /** The ingredient named in free text: the longest name first (so "trastuzumab deruxtecan" beats "trastuzumab"); or null. */
    Ingredient byText(String text) {
        String n = normaliseText(text);
        if (n.isEmpty()) return null;
        String[] words = n.split(" ");
        for (int len = Math.min(maxNameWords, words.length); len >= 1; len--) {
            for (int i = 0; i + len <= words.length; i++) {
                String candidate = len == 1 ? words[i] : String.join(" ", Arrays.copyOfRange(words, i, i + len));
                Ingredient ing = byName.get(candidate);
                if (ing != null) return ing;
            }
        }
        return null;
    }

    /** Lower case, letters and digits only, single spaces between words ("Kadcyla 100-MG" → "kadcyla 100 mg"). */
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
}
