package org.primum.fhir.terminology;

import org.primum.facts.Receptor;
import org.primum.facts.ReceptorValue;

import java.util.ArrayList;
import java.util.List;

/**
 * One receptor result a diagnosis code states (ICD-10-CM Z17.0 "ER+", SNOMED 706970001 triple negative):
 * the targets of {@code receptor-status-condition} are space-separated marker results such as
 * {@code "ER- PR- HER2+"}, each a {@link Receptor} followed by {@code +} or {@code -}.
 */
public record StatedReceptor(Receptor receptor, ReceptorValue value) {

    /** The results of one target code; a code this grammar does not read fails the load. */
    static List<StatedReceptor> parse(String code) {
        List<StatedReceptor> out = new ArrayList<>();
        for (String part : code.trim().split("\\s+")) {
            char sign = part.isEmpty() ? ' ' : part.charAt(part.length() - 1);
            if (sign != '+' && sign != '-') throw new IllegalArgumentException("receptor status " + part + " ends in neither + nor -");
            out.add(new StatedReceptor(Receptor.valueOf(part.substring(0, part.length() - 1)),
                    sign == '+' ? ReceptorValue.POSITIVE : ReceptorValue.NEGATIVE));
        }
        return List.copyOf(out);
    }
}
