package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.primum.facts.Receptor;
import org.primum.facts.ReceptorStatus;
import org.primum.facts.ReceptorValue;
import org.primum.fhir.terminology.Terminology;
import org.primum.fhir.terminology.ReceptorTest;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.primum.fhir.mapping.Codings.allText;

/**
 * An ER, PR or HER2 result, tried in this order: a coded value (or its words), the interpretation, an
 * ER/PR percentage (≥ the threshold of the mapping settings is positive), words or a percentage in text.
 * A result none of these reads is kept as UNKNOWN with a note, so a rule can say the status is missing.
 * HER2 is never read from a number: IHC scores and FISH ratios are not percentages.
 */
final class ReceptorReader {
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*%");

    private final MappingContext ctx;
    private final Terminology t;

    ReceptorReader(MappingContext ctx) {
        this.ctx = ctx;
        this.t = ctx.t;
    }

    void read(Observation o, ReceptorTest test) {
        String id = ctx.id(o);
        ReceptorValue value = null;
        boolean codedButUnknown = false;
        if (o.getValue() instanceof CodeableConcept cc) {
            for (Coding k : cc.getCoding()) {
                value = t.receptorResult(k.getSystem(), k.getCode());
                if (value != null) break;
            }
            if (value == null) value = t.receptorByText(allText(cc));
            if (value == null) {
                codedButUnknown = true;
                for (Coding k : cc.getCoding()) ctx.report.unrecognised(id, "Observation.value", k);
            }
        }
        if (value == null) value = interpretation(o);
        if (value == null && o.getValue() instanceof Quantity q && q.hasValue() && test.receptor() != Receptor.HER2
                && (test.percent() || "%".equals(q.getCode()) || "%".equals(q.getUnit()))) {
            value = percent(q.getValue());
        }
        if (value == null && o.getValue() instanceof StringType s) value = text(s.getValue(), test);
        if (value == null) {
            value = ReceptorValue.UNKNOWN;
            if (!codedButUnknown) ctx.report.note("receptor result", "A " + test.receptor() + " result could not be read (value not coded, "
                    + "not a percentage and no positive/negative word): taken as unknown.", id);
        }
        ctx.out.receptors.add(new ReceptorStatus(id, test.receptor(), value, ctx.dates.effective(o), test.method()));
    }

    private ReceptorValue interpretation(Observation o) {
        for (CodeableConcept i : o.getInterpretation()) {
            for (Coding k : i.getCoding()) {
                ReceptorValue value = t.receptorResult(k.getSystem(), k.getCode());
                if (value != null) return value;
            }
        }
        return null;
    }

    private ReceptorValue text(String text, ReceptorTest test) {
        if (text == null) return null;
        if (test.receptor() != Receptor.HER2) {
            Matcher m = PERCENT.matcher(text);
            if (m.find()) return percent(new BigDecimal(m.group(1).replace(',', '.')));
        }
        return t.receptorByText(text);
    }

    private ReceptorValue percent(BigDecimal v) {
        return v.compareTo(t.receptorPositiveMinPercent()) >= 0 ? ReceptorValue.POSITIVE : ReceptorValue.NEGATIVE;
    }
}
