package org.primum.tumourboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.primum.PrimumConfig;
import org.primum.api.FhirMediaType;
import org.primum.api.RequestBodies;
import org.primum.core.Pipeline;
import org.primum.engine.Evaluation;
import org.primum.engine.Recommendation;
import org.primum.facts.MappingNote;
import org.primum.facts.Thresholds;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What {@code POST /tumour-board/evaluate} does, without HTTP (the benchmark calls exactly this):
 * size check → media type → {@code asOf} → {@link Pipeline#evaluate(byte[], LocalDate, Pipeline.Options)} (FHIR R4
 * read, leniently unless asked otherwise; "is this one patient's record", mapping, definitions, rules) → answer → JSON.
 */
@Singleton
public class TumourBoardService {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Logger LOG = Logger.getLogger(TumourBoardService.class);

    private final Pipeline pipeline;
    private final long maxBodyBytes;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new BlackbirdModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** The endpoint's bytes: each distinct fact behind the recommendations written once per answer ({@link BecauseCopies}). */
    private final ObjectWriter answerWriter = BecauseCopies.writer(json);
    private final Map<DefinitionKey, TumourBoardAnswer.StaticPart> definitions = new ConcurrentHashMap<>();

    private record DefinitionKey(String knowledgeBaseVersion, String code) {
    }

    @Inject
    public TumourBoardService(Pipeline pipeline, PrimumConfig config) {
        this(pipeline, config.maxBodyBytes());
    }

    public TumourBoardService(Pipeline pipeline, long maxBodyBytes) {
        this.pipeline = pipeline.withOrigin("tumour-board");
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Read leniently (the default of the endpoint). */
    public TumourBoardAnswer evaluate(byte[] body, MediaType contentType, String asOfParam, String requestId) {
        return evaluate(body, contentType, asOfParam, requestId, Pipeline.Options.LENIENT);
    }

    public TumourBoardAnswer evaluate(byte[] body, MediaType contentType, String asOfParam, String requestId, Pipeline.Options options) {
        return answer(evaluateRecord(body, contentType, asOfParam, options), body, requestId);
    }

    /**
     * The checks of the endpoint (size, media type, {@code asOf}) and the pipeline's result, for the entry
     * points that need more than the JSON answer (the report, the FHIR answer).
     */
    public Pipeline.Result evaluateRecord(byte[] body, MediaType contentType, String asOfParam, Pipeline.Options options) {
        RequestBodies.requireWithinLimit(body, maxBodyBytes);
        FhirMediaType.check(contentType);
        return pipeline.evaluate(body, asOf(asOfParam), options);
    }

    /** {@link #evaluateRecord(byte[], MediaType, String, Pipeline.Options)}, read leniently. */
    public Pipeline.Result evaluateRecord(byte[] body, MediaType contentType, String asOfParam) {
        return evaluateRecord(body, contentType, asOfParam, Pipeline.Options.LENIENT);
    }

    /** The JSON answer of {@code result} (logged, without patient data, under {@code requestId}). */
    public TumourBoardAnswer answer(Pipeline.Result result, byte[] body, String requestId) {
        List<MappingNote> parserNotes = result.warnings().stream()
                .map(w -> new MappingNote("FHIR parsing", w, List.of())).toList();
        TumourBoardAnswer answer = TumourBoardAnswer.of(result.evaluation(), parserNotes, this::definition);
        log(result, body, requestId);
        return answer;
    }

    /**
     * The log line of an evaluation, without patient data: sizes, counts and a fingerprint of the body (computed only
     * when the line is written: a SHA-256 over the whole body is not free).
     */
    public void log(Pipeline.Result result, byte[] body, String requestId) {
        if (!LOG.isInfoEnabled()) return;
        Evaluation evaluation = result.evaluation();
        long facts = evaluation.facts().facts().stream().filter(f -> !(f instanceof Thresholds)).count();
        LOG.infof("request %s: evaluated body of %d bytes sha256:%s, %d resources, %d facts, %d recommendations, %d unrecognised codes,"
                        + " %d invalid parts left out", requestId, body.length, RequestBodies.fingerprint(body), result.resources(),
                facts, evaluation.recommendations().size(), evaluation.facts().unrecognised().size(), result.leftOut().size());
    }

    /** The fixed part of a recommendation, serialised once per knowledge base and code. */
    private TumourBoardAnswer.StaticPart definition(Recommendation r) {
        TumourBoardAnswer.StaticPart part = definitions.get(new DefinitionKey(r.knowledgeBaseVersion(), r.code()));
        return part != null ? part : definitions.computeIfAbsent(new DefinitionKey(r.knowledgeBaseVersion(), r.code()),
                k -> TumourBoardAnswer.StaticPart.of(r, json));
    }

    /** The answer as the endpoint sends it. */
    public byte[] toJson(TumourBoardAnswer answer) {
        try {
            return answerWriter.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer written by this service's mapper in place, without copying recurring facts (for tests). */
    byte[] toJsonInPlace(TumourBoardAnswer answer) throws JsonProcessingException {
        return json.writeValueAsBytes(answer);
    }

    /** {@code asOf=YYYY-MM-DD}; absent means today. */
    static LocalDate asOf(String param) {
        if (param == null || param.isBlank()) return LocalDate.now();
        String v = param.trim();
        try {
            if (ISO_DATE.matcher(v).matches()) return LocalDate.parse(v);
        } catch (DateTimeParseException ignored) {
            // falls through to the error below
        }
        throw new InvalidInputException(Problem.MALFORMED, "value", "asOf must be a calendar date written YYYY-MM-DD (e.g. 2025-06-30);"
                + " got \"" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "\"", "asOf");
    }
}
