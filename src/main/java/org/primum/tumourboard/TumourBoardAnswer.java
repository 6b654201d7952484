package org.primum.tumourboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
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

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The answer of {@code POST /tumour-board/evaluate}: the facts as understood on {@code asOf}, the
 * recommendations (most urgent first, as the engine orders them) with the facts that fired them and the ids of
 * their citations, each cited passage once ({@code citations}, by id) and each source once ({@code sources}, by
 * source id: the full reference), what data is missing, what codes were not recognised, and the notes of the
 * mapping. Several recommendations usually cite the same trials: written out in each, the citations were most
 * of the answer's bytes.
 */
@JsonPropertyOrder({"knowledgeBaseVersion", "asOf", "patient", "recommendations", "citations", "sources", "missingData",
        "unrecognisedCodes", "notes", "thresholds"})
public record TumourBoardAnswer(String knowledgeBaseVersion, LocalDate asOf, List<FactView> patient,
                                List<RecommendationView> recommendations,
                                @JsonSerialize(using = PrewrittenMap.Serializer.class) Map<String, CitedPassage> citations,
                                @JsonSerialize(using = PrewrittenMap.Serializer.class) Map<String, SourceView> sources,
                                List<MissingData> missingData,
                                List<UnrecognisedCode> unrecognisedCodes, List<MappingNote> notes, Thresholds thresholds) {

    /** One fact: its kind, a clinical sentence, the FHIR resources behind it and its fields. */
    @JsonPropertyOrder({"type", "description", "resourceIds", "fields"})
    public record FactView(String type, String description, List<String> resourceIds, Fact fields) {
        static FactView of(Fact fact) {
            return new FactView(fact.getClass().getSimpleName(), fact.describe(), fact.sourceIds(), fact);
        }
    }

    /**
     * One recommendation. Everything but {@code because} is the rule's own text and evidence, the same in
     * every answer: it is serialised once per rule ({@link StaticPart}) and copied into each answer
     * as JSON, which takes most of the serialisation time off every evaluation (the citations alone
     * are half of a typical answer).
     */
    @JsonSerialize(using = RecommendationView.Serializer.class)
    public record RecommendationView(String code, StaticPart definition, List<Recommendation.Because> because, String rule) {

        static RecommendationView of(Recommendation r, Function<Recommendation, StaticPart> definitions) {
            return new RecommendationView(r.code(), definitions.apply(r), r.because(), r.rule());
        }

        public String title() { return definition.title(); }

        public Indicator indicator() { return definition.indicator(); }

        /** Writes {@code code, title, statement, indicator, evidenceLevel, section, citations, because, rule}. */
        static final class Serializer extends StdSerializer<RecommendationView> {
            Serializer() {
                super(RecommendationView.class);
            }

            @Override
            public void serialize(RecommendationView v, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeStartObject();
                gen.writeStringField("code", v.code());
                // the fields between "code" and "because", already serialised and starting with a comma
                gen.writeRaw(v.definition().json());
                gen.writeFieldName("because");
                BecauseCopies.write(v.because(), gen, provider);
                gen.writeStringField("rule", v.rule());
                gen.writeEndObject();
            }
        }
    }

    /**
     * The fixed part of a recommendation, with its JSON rendering ({@code ,"title":...,"citations":[...]})
     * kept as UTF-8 bytes, copied as they are into every answer; {@code cited}: the citations themselves, each with
     * its passage and source as the answer's {@code citations} and {@code sources} show them, written once too.
     */
    public record StaticPart(String title, String statement, Indicator indicator, String evidenceLevel, String section,
                             List<CitationRef> citations, List<Cited> cited, SerializedString json) {

        @JsonPropertyOrder({"title", "statement", "indicator", "evidenceLevel", "section", "citations"})
        record Fields(String title, String statement, Indicator indicator, String evidenceLevel, String section,
                      List<CitationRef> citations) {
        }

        /** One citation of the rule, its passage and its source ({@code source} null when the citation names none). */
        record Cited(Citation citation, PrewrittenMap.Value<CitedPassage> passage, PrewrittenMap.Value<SourceView> source) {
        }

        static StaticPart of(Recommendation r, ObjectMapper json) {
            List<CitationRef> citations = r.citations().stream().map(c -> new CitationRef(c.id(), c.side())).toList();
            try {
                String object = json.writeValueAsString(new Fields(r.title(), r.statement(), r.indicator(), r.evidenceLevel(),
                        r.section(), citations));
                List<Cited> cited = new ArrayList<>();
                for (Citation c : r.citations()) {
                    cited.add(new Cited(c, written(CitedPassage.of(c), json), c.sourceId() == null ? null : written(SourceView.of(c), json)));
                }
                // {"title":...} -> ,"title":...
                return new StaticPart(r.title(), r.statement(), r.indicator(), r.evidenceLevel(), r.section(), citations,
                        List.copyOf(cited), new SerializedString("," + object.substring(1, object.length() - 1)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise the definition of " + r.code(), e);
            }
        }

        private static <V> PrewrittenMap.Value<V> written(V value, ObjectMapper json) throws JsonProcessingException {
            return new PrewrittenMap.Value<>(value, new SerializedString(json.writeValueAsString(value)));
        }
    }

    /** A recommendation's citation: the id of the passage in the answer's {@code citations}, and its side. */
    @JsonPropertyOrder({"id", "side"})
    public record CitationRef(String id, String side) {
    }

    /** One cited passage: the source (in the answer's {@code sources}), where in it, and the figure quoted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"sourceId", "section", "figure", "note"})
    public record CitedPassage(String sourceId, String section, String figure, String note) {
        static CitedPassage of(Citation c) {
            return new CitedPassage(c.sourceId(), c.section(), c.figure(), c.note());
        }
    }

    /** One source: its full reference and where to find it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"reference", "doi", "pmid", "url"})
    public record SourceView(String reference, String doi, String pmid, String url) {
        static SourceView of(Citation c) {
            return new SourceView(c.reference(), c.doi(), c.pmid(), c.url());
        }
    }

    /** A citation with its source written out, as the rules endpoint lists a rule's evidence. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"sourceId", "reference", "doi", "pmid", "url", "section", "figure", "side", "note"})
    public record CitationView(String sourceId, String reference, String doi, String pmid, String url, String section,
                               String figure, String side, String note) {
        static CitationView of(Citation c) {
            return new CitationView(c.sourceId(), c.reference(), c.doi(), c.pmid(), c.url(), c.section(), c.figure(), c.side(), c.note());
        }
    }

    /** {@code parserNotes}: what the FHIR parser tolerated (unknown elements), said beside the mapping's notes. */
    static TumourBoardAnswer of(Evaluation evaluation, List<MappingNote> parserNotes, Function<Recommendation, StaticPart> definitions) {
        List<FactView> facts = new ArrayList<>();
        Thresholds thresholds = null;
        for (Fact fact : evaluation.facts().facts()) {
            if (fact instanceof Thresholds t) thresholds = t;
            else facts.add(FactView.of(fact));
        }
        List<MappingNote> notes = new ArrayList<>(parserNotes);
        notes.addAll(evaluation.facts().notes());
        List<RecommendationView> recommendations = evaluation.recommendations().stream().map(r -> RecommendationView.of(r, definitions)).toList();
        // in the order first cited, most urgent recommendation first
        PrewrittenMap<CitedPassage> citations = new PrewrittenMap<>();
        PrewrittenMap<SourceView> sources = new PrewrittenMap<>();
        for (RecommendationView r : recommendations) {
            for (StaticPart.Cited c : r.definition().cited()) {
                citations.addIfAbsent(c.citation().id(), c.passage());
                if (c.source() != null) sources.addIfAbsent(c.citation().sourceId(), c.source());
            }
        }
        return new TumourBoardAnswer(evaluation.knowledgeBaseVersion(), evaluation.facts().asOf(), List.copyOf(facts), recommendations,
                citations, sources, evaluation.missingData(),
                evaluation.facts().unrecognised(), List.copyOf(notes), thresholds);
    }
}
