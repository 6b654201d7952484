package org.primum.tumourboard.report;

import org.primum.core.Pipeline;
import org.primum.engine.Citation;
import org.primum.engine.Effect;
import org.primum.engine.Evaluation;
import org.primum.engine.Recommendation;
import org.primum.facts.ClinicalRecord;
import org.primum.facts.DiseaseStatus;
import org.primum.facts.Fact;
import org.primum.facts.Metastasis;
import org.primum.facts.PatientInfo;
import org.primum.facts.PrimaryTumour;
import org.primum.facts.ProcedureDone;
import org.primum.facts.SystemicTherapy;
import org.primum.facts.Thresholds;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Builds the {@link ReportView} of one evaluation: the case, the recommendations and the evidence plots. */
public final class ReportViews {

    static final String CONFLICTING = "CONFLICTING";

    private ReportViews() {
    }

    /** The report of {@code result}, not yet stored (no id). */
    public static ReportView of(Pipeline.Result result, Instant now) {
        Evaluation evaluation = result.evaluation();
        List<String> notes = new ArrayList<>();
        result.warnings().forEach(w -> notes.add("FHIR parsing: " + w));
        evaluation.facts().notes().forEach(n -> notes.add(n.topic() + ": " + n.text()
                + (n.sourceIds().isEmpty() ? "" : " (" + String.join(", ", n.sourceIds()) + ")")));
        return new ReportView(null, now.toString(), null, String.valueOf(evaluation.facts().asOf()), evaluation.knowledgeBaseVersion(),
                patient(result.record().patient()), facts(evaluation.facts().facts()), timeline(result.record(), evaluation.facts().asOf()),
                evaluation.recommendations().stream().map(ReportViews::recommendation).toList(),
                evaluation.missingData().stream().map(m -> new ReportView.MissingRow(m.code(), m.item(), m.detail(), m.resourceIds())).toList(),
                evaluation.facts().unrecognised().stream()
                        .map(u -> new ReportView.UnrecognisedRow(u.sourceId(), u.element(), u.system(), u.code(), u.display())).toList(),
                notes, evidence(evaluation.recommendations()));
    }

    private static String patient(PatientInfo p) {
        if (p == null) return "patient not identified";
        List<String> parts = new ArrayList<>();
        if (p.ageYears() != null) parts.add(p.ageYears() + " years");
        if (p.sex() != null) parts.add(p.sex().toLowerCase());
        return parts.isEmpty() ? "age and sex not recorded" : String.join(", ", parts);
    }

    private static List<ReportView.FactRow> facts(List<Fact> facts) {
        return facts.stream().filter(f -> !(f instanceof Thresholds))
                .map(f -> new ReportView.FactRow(f.getClass().getSimpleName(), f.describe(), dates(f), f.sourceIds())).toList();
    }

    /** The dates a fact carries (every LocalDate component of the record), so the case section shows when. */
    private static List<String> dates(Fact fact) {
        RecordComponent[] components = fact.getClass().getRecordComponents();
        if (components == null) return List.of();
        List<String> dates = new ArrayList<>();
        for (RecordComponent c : components) {
            if (c.getType() != LocalDate.class) continue;
            try {
                Object v = c.getAccessor().invoke(fact);
                if (v != null) dates.add(c.getName() + " " + v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + fact.getClass().getSimpleName(), e);
            }
        }
        return dates;
    }

    /**
     * Diagnosis, metastases, therapy starts, disease-status assessments and procedures as recorded, dated on
     * or before {@code asOf} (what the evaluation saw), oldest first; undated records last.
     */
    static List<ReportView.TimelineEvent> timeline(ClinicalRecord record, LocalDate asOf) {
        record Dated(LocalDate date, ReportView.TimelineEvent event) {
        }
        List<Dated> events = new ArrayList<>();
        for (PrimaryTumour p : record.primaries()) events.add(new Dated(p.diagnosed(), event(p.diagnosed(), "diagnosis", p)));
        for (Metastasis m : record.metastases()) events.add(new Dated(m.onset(), event(m.onset(), "metastasis", m)));
        for (SystemicTherapy t : record.therapies()) events.add(new Dated(t.start(), event(t.start(), "therapy", t)));
        for (DiseaseStatus s : record.diseaseStatuses()) events.add(new Dated(s.date(), event(s.date(), "response", s)));
        for (ProcedureDone p : record.procedures()) events.add(new Dated(p.date(), event(p.date(), "procedure", p)));
        return events.stream()
                .filter(d -> d.date() == null || asOf == null || !d.date().isAfter(asOf))
                .sorted(Comparator.comparing(Dated::date, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(Dated::event).toList();
    }

    private static ReportView.TimelineEvent event(LocalDate date, String kind, Fact fact) {
        return new ReportView.TimelineEvent(date == null ? "undated" : date.toString(), kind, fact.describe(), fact.sourceIds());
    }

    private static ReportView.RecommendationRow recommendation(Recommendation r) {
        return new ReportView.RecommendationRow(r.code(), r.title(), r.statement(), r.indicator().json(), r.evidenceLevel(), r.section(),
                r.because().stream().map(b -> new ReportView.BecauseRow(b.fact(), b.description(), b.resourceIds())).toList(),
                r.citations().stream().map(c -> new ReportView.CitationRow(c.id(), c.sourceId(), c.reference(), c.doi(), c.pmid(), c.url(),
                        c.section(), c.figure(), c.side(), c.note())).toList(),
                contested(r));
    }

    /** Evidence on both sides: the rule grades it CONFLICTING or cites a contrary source. */
    static boolean contested(Recommendation r) {
        return CONFLICTING.equals(r.evidenceLevel()) || r.citations().stream().anyMatch(c -> "contrary".equals(c.side()));
    }

    /** A forest plot for each contested recommendation with at least one figure given as a ratio. */
    static List<ForestPlot> evidence(List<Recommendation> recommendations) {
        List<ForestPlot> plots = new ArrayList<>();
        for (Recommendation r : recommendations) {
            if (!contested(r)) continue;
            List<ForestPlot.Figure> figures = r.citations().stream().filter(c -> c.effect() != null).map(ReportViews::figure).toList();
            if (!figures.isEmpty()) plots.add(ForestPlot.of(r.code(), r.title(), figures));
        }
        return plots;
    }

    private static ForestPlot.Figure figure(Citation c) {
        Effect e = c.effect();
        return new ForestPlot.Figure(c.id(), study(c), e.endpoint(), c.figure(), Objects.requireNonNullElse(c.side(), "supporting"),
                e.n(), e.value(), e.ciLow(), e.ciHigh(), e.ciLevel());
    }

    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\b(19|20)\\d{2}\\b");

    /** "Khan 2022": the reference's first word (first author or trial name) and its first year. */
    static String study(Citation c) {
        String reference = Objects.requireNonNullElse(c.reference(), c.sourceId());
        String first = reference.split("[\\s,(:]", 2)[0];
        java.util.regex.Matcher year = YEAR.matcher(reference);
        return year.find() ? first + " " + year.group() : first;
    }
}
