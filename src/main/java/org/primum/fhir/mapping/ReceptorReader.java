package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.primum.facts.Receptor;
import org.primum.facts.ReceptorStatus;
import org.primum.facts.ReceptorValue;
import org.primum.fhir.terminology.Terminology;
import org.primum.fhir.terminology.ReceptorTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.primum.fhir.mapping.Codings.allText;

/**
 * An ER, PR or HER2 result, tried in this order: a coded value (or its words), the interpretation, an
 * ER/PR percentage (≥ the threshold of the mapping settings is positive), words or a percentage in text.
 * A result none of these reads is kept as UNKNOWN with a note, so a rule can say the status is missing.
 * HER2 is never read from a number: IHC scores and FISH ratios are not percentages. Pathology reports
 * write the HER2 IHC result as its score ("3+", "2+", "1+", "0"): ASCO/CAP 2018 reads 3+ as positive,
 * 0 and 1+ as negative and 2+ as equivocal (the ISH result then decides), so a score in text is read so.
 * A result may also be a component of a panel Observation (a synoptic pathology report: ER, PR and HER2 of one
 * specimen), read the same way and dated by the panel.
 */
final class ReceptorReader {
    /** A percentage of stained cells; a leading "<" ("<1 %") means below it. */
    private static final Pattern PERCENT = Pattern.compile("(<\\s*)?(\\d+(?:[.,]\\d+)?)\\s*%");
    /** An IHC score 1+, 2+ or 3+ (not part of a longer number). */
    private static final Pattern IHC_SCORE = Pattern.compile("(?<![\\d.,])([123])\\s*\\+");
    /** A score of 0 written alone ("0", "IHC 0", "Score: 0"). */
    private static final Pattern IHC_ZERO = Pattern.compile("^\\s*(?:(?:her2|her-2|ihc|score)\\s*:?\\s*)*0\\s*\\+?\\s*$", Pattern.CASE_INSENSITIVE);

    private final MappingContext ctx;
    private final Terminology t;

    ReceptorReader(MappingContext ctx) {
        this.ctx = ctx;
        this.t = ctx.t;
    }

    void read(Observation o, ReceptorTest test) {
        read(ctx.id(o), o.getValue(), o.getInterpretation(), ctx.dates.effective(o), test);
    }

    /** A result given as a component of a panel (ER, PR and HER2 of one specimen in one Observation), dated by the panel. */
    void read(Observation panel, Observation.ObservationComponentComponent component, ReceptorTest test) {
        read(ctx.id(panel), component.getValue(), component.getInterpretation(), ctx.dates.effective(panel), test);
    }

    private void read(String id, Type result, List<CodeableConcept> interpretations, LocalDate date, ReceptorTest test) {
        ReceptorValue value = null;
        boolean codedButUnknown = false;
        if (result instanceof CodeableConcept cc) {
            for (Coding k : cc.getCoding()) {
                value = t.receptorResult(k.getSystem(), k.getCode());
                if (value != null) break;
            }
            if (value == null) value = text(allText(cc), test);
            if (value == null) {
                codedButUnknown = true;
                for (Coding k : cc.getCoding()) ctx.report.unrecognised(id, "Observation.value", k);
            }
        }
        if (value == null) value = interpretation(interpretations);
        if (value == null && result instanceof Quantity q && q.hasValue() && test.receptor() != Receptor.HER2
                && (test.percent() || "%".equals(q.getCode()) || "%".equals(q.getUnit()))) {
            value = percent(q.getValue());
        }
        if (value == null && result instanceof StringType s) value = text(s.getValue(), test);
        if (value == null) {
            value = ReceptorValue.UNKNOWN;
            if (!codedButUnknown) ctx.report.note("receptor result", "A " + test.receptor() + " result could not be read (value not coded, "
                    + "not a percentage and no positive/negative word): taken as unknown.", id);
        }
        ctx.out.receptors.add(new ReceptorStatus(id, test.receptor(), value, date, test.method()));
    }

    private ReceptorValue interpretation(List<CodeableConcept> interpretations) {
        for (CodeableConcept i : interpretations) {
            for (Coding k : i.getCoding()) {
                ReceptorValue value = t.receptorResult(k.getSystem(), k.getCode());
                if (value != null) return value;
            }
        }
        return null;
    }

    private ReceptorValue text(String text, ReceptorTest test) {
        if (text == null || text.isBlank()) return null;
        if (test.receptor() != Receptor.HER2) {
            Matcher m = PERCENT.matcher(text);
            if (m.find()) {
                BigDecimal v = new BigDecimal(m.group(2).replace(',', '.'));
                if (m.group(1) == null) return percent(v);
                // "<1 %" is how a negative result is written; "<10 %" may lie on either side of the threshold: the words decide
                if (v.compareTo(t.receptorPositiveMinPercent()) <= 0) return ReceptorValue.NEGATIVE;
                return t.receptorByText(text);
            }
            return t.receptorByText(text);
        }
        ReceptorValue byWords = t.receptorByText(text);
        return byWords != null ? byWords : her2Score(text);
    }

    /** ASCO/CAP 2018: IHC 3+ positive, 2+ equivocal, 0 and 1+ negative; null when the text holds no score. */
    private static ReceptorValue her2Score(String text) {
        Matcher m = IHC_SCORE.matcher(text);
        if (m.find()) {
            return switch (m.group(1)) {
                case "3" -> ReceptorValue.POSITIVE;
                case "2" -> ReceptorValue.EQUIVOCAL;
                default -> ReceptorValue.NEGATIVE;
            };
        }
        return IHC_ZERO.matcher(text).matches() ? ReceptorValue.NEGATIVE : null;
    }

    private ReceptorValue percent(BigDecimal v) {
        return v.compareTo(t.receptorPositiveMinPercent()) >= 0 ? ReceptorValue.POSITIVE : ReceptorValue.NEGATIVE;
    }
}
