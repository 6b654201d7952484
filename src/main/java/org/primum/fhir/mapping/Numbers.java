package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

import java.math.BigDecimal;

/** Value helpers for numbers recorded as integers or quantities. */
final class Numbers {
    private Numbers() {
    }

    /** A whole number from valueInteger or a quantity without fraction ("2", "2.0"); null otherwise. */
    static Integer integer(Type v) {
        if (v instanceof IntegerType i && i.getValue() != null) return i.getValue();
        if (v instanceof Quantity q && q.hasValue()) {
            BigDecimal d = q.getValue();
            try {
                return d.stripTrailingZeros().scale() <= 0 ? d.intValueExact() : null;
            } catch (ArithmeticException e) {
                return null; // beyond int: not a count or a score
            }
        }
        return null;
    }
}
