package org.primum.tumourboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.primum.engine.Citation;
import org.primum.engine.Evaluation;
import org.primum.engine.Indicator;
import org.primum.engine.MissingData;
import org.primum.engine.Recommendation;
import org.primum.facts.Fact;
import org.primum.facts.MappingNote;
import org.primum.facts.Thresholds;
import org.primum.facts.UnrecognisedCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@code POST /tumour-board/evaluate}: the facts as understood on {@code asOf}, the
 * recommendations (most urgent first, as the engine orders them) with their citations and the facts
 * that fired them, what data is missing, what codes were not recognised, and the notes of the mapping.
 */
@JsonPropertyOrder({"knowledgeBaseVersion", "asOf", "patient", "recommendations", "missingData", "unrecognisedCodes", "notes", "thresholds"})
public record TumourBoardAnswer(String knowledgeBaseVersion, LocalDate asOf, List<FactView> patient,
                                List<RecommendationView> recommendations, List<MissingData> missingData,
                                List<UnrecognisedCode> unrecognisedCodes, List<MappingNote> notes, Thresholds thresholds) {

    /** One fact: its kind, a clinical sentence, the FHIR resources behind it and its fields. */
    @JsonPropertyOrder({"type", "description", "resourceIds", "fields"})
    public record FactView(String type, String description, List<String> resourceIds, Fact fields) {
        static FactView of(Fact fact) {
            return new FactView(fact.getClass().getSimpleName(), fact.describe(), fact.sourceIds(), fact);
        }
    }

    @JsonPropertyOrder({"code", "title", "statement", "indicator", "evidenceLevel", "section", "citations", "because", "rule"})
    public record RecommendationView(String code, String title, String statement, Indicator indicator, String evidenceLevel,
                                     String section, List<CitationView> citations, List<Recommendation.Because> because, String rule) {
        static RecommendationView of(Recommendation r) {
            return new RecommendationView(r.code(), r.title(), r.statement(), r.indicator(), r.evidenceLevel(), r.section(),
                    r.citations().stream().map(CitationView::of).toList(), r.because(), r.rule());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"sourceId", "reference", "doi", "pmid", "url", "section", "figure", "side", "note"})
    public record CitationView(String sourceId, String reference, String doi, String pmid, String url, String section,
                               String figure, String side, String note) {
        static CitationView of(Citation c) {
            return new CitationView(c.sourceId(), c.reference(), c.doi(), c.pmid(), c.url(), c.section(), c.figure(), c.side(), c.note());
        }
    }

    /** {@code parserNotes}: what the FHIR parser tolerated (unknown elements), said beside the mapping's notes. */
    static TumourBoardAnswer of(Evaluation evaluation, List<MappingNote> parserNotes) {
        List<FactView> facts = new ArrayList<>();
        Thresholds thresholds = null;
        for (Fact fact : evaluation.facts().facts()) {
            if (fact instanceof Thresholds t) thresholds = t;
            else facts.add(FactView.of(fact));
        }
        List<MappingNote> notes = new ArrayList<>(parserNotes);
        notes.addAll(evaluation.facts().notes());
        return new TumourBoardAnswer(evaluation.knowledgeBaseVersion(), evaluation.facts().asOf(), List.copyOf(facts),
                evaluation.recommendations().stream().map(RecommendationView::of).toList(), evaluation.missingData(),
                evaluation.facts().unrecognised(), List.copyOf(notes), thresholds);
    }
}
