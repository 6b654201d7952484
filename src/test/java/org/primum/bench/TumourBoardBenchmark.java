package org.primum.bench;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.*;
import org.primum.core.Pipeline;
import org.primum.engine.Evaluation;
import org.primum.engine.Evaluator;
import org.primum.facts.CaseFacts;
import org.primum.facts.ClinicalRecord;
import org.primum.definitions.ClinicalInterpreter;
import org.primum.fhir.FhirJsonReader;
import org.primum.fhir.FhirMapper;
import org.primum.fhir.terminology.Terminology;
import org.primum.tumourboard.TumourBoardAnswer;
import org.primum.tumourboard.TumourBoardService;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one tumour-board evaluation costs beyond reading its input, on the same bytes (a realistic
 * 31-resource de novo metastatic Bundle, {@code src/test/resources/bench/}):
 * <ul>
 *   <li>{@link #floor}: HAPI parses the JSON Bundle and Jackson writes a fixed small answer: the least any
 *   FHIR endpoint must do;</li>
 *   <li>{@link #full}: what {@code POST /tumour-board/evaluate} does without HTTP: the same
 *   {@link TumourBoardService} (size and media-type checks, strict parse, mapping, interpretation, rules,
 *   answer, JSON).</li>
 * </ul>
 * The other benchmarks split {@code full} into its stages to show where the time goes.
 * Not a test: run with {@code ./mvnw -B -Pbench process-test-classes} (see README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m",
        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Dorg.jboss.logging.provider=jboss"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class TumourBoardBenchmark {

    static final String BUNDLE = "/bench/denovo-metastatic-bundle.json";
    static final String AS_OF = "2025-07-01";
    static final MediaType FHIR_JSON = new MediaType("application", "fhir+json");

    byte[] body;
    TumourBoardService service;
    Pipeline pipeline;
    FhirMapper mapper;
    ClinicalInterpreter interpreter;
    Evaluator evaluator;
    FhirContext fhir;
    ObjectMapper jackson;
    Map<String, Object> fixedAnswer;
    Bundle parsed;
    ClinicalRecord record;
    CaseFacts facts;
    Evaluation evaluation;
    TumourBoardAnswer answer;
    LocalDate asOf = LocalDate.parse(AS_OF);

    @Setup
    public void setUp() throws IOException {
        productionLogging();
        try (InputStream in = TumourBoardBenchmark.class.getResourceAsStream(BUNDLE)) {
            body = in.readAllBytes();
        }
        fhir = FhirContext.forR4Cached();
        jackson = new ObjectMapper();
        fixedAnswer = Map.of("knowledgeBaseVersion", "x", "asOf", AS_OF, "recommendations", List.of(Map.of("code", "SYSTEMIC_THERAPY_FIRST")));
        // the service as built at start-up (PipelineProducer), from the same folders
        pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        service = new TumourBoardService(pipeline, 5L * 1024 * 1024);
        // the pipeline's stages, built alike, for the stage benchmarks
        mapper = new FhirMapper(Terminology.load(Path.of("fhir-profiles")));
        interpreter = new ClinicalInterpreter(pipeline.thresholds());
        evaluator = new Evaluator(pipeline.knowledgeBase());
        // intermediate results for the stage benchmarks; also checks that the full path works before measuring
        answer = service.evaluate(body, FHIR_JSON, AS_OF, "bench");
        if (answer.recommendations().isEmpty()) throw new IllegalStateException("the bench bundle gave no recommendation");
        parsed = (Bundle) new FhirJsonReader().read(body).resource();
        record = mapper.map(parsed, asOf);
        facts = interpreter.interpret(record, asOf);
        evaluation = evaluator.evaluate(facts);
    }

    /**
     * Log levels as the service runs them (Quarkus: root INFO), but without handlers, so that log calls
     * cost what they cost in the service minus the console I/O. Unconfigured, JBoss LogManager lets
     * Drools' TRACE statements through, which format every fact on every insert (an artefact: a
     * 5× slower rule stage that the service never pays).
     */
    static void productionLogging() {
        org.jboss.logmanager.Logger root = org.jboss.logmanager.LogContext.getLogContext().getLogger("");
        root.setLevel(java.util.logging.Level.INFO);
        root.clearHandlers();
    }

    /** (a) floor: HAPI parse of the same bytes + Jackson write of a fixed small answer. */
    @Benchmark
    public byte[] floor() throws IOException {
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class,
                new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        if (bundle.getEntry().isEmpty()) throw new IllegalStateException();
        return jackson.writeValueAsBytes(fixedAnswer);
    }

    /** (b) full: what the endpoint does, minus HTTP. */
    @Benchmark
    public byte[] full() {
        return service.toJson(service.evaluate(body, FHIR_JSON, AS_OF, "bench"));
    }

    // ---- stages of full

    @Benchmark
    public Object stage1Parse() {
        return new FhirJsonReader().read(body).resource();
    }

    @Benchmark
    public ClinicalRecord stage2Map() {
        return mapper.map(parsed, asOf);
    }

    @Benchmark
    public CaseFacts stage3Interpret() {
        return interpreter.interpret(record, asOf);
    }

    @Benchmark
    public Evaluation stage4Rules() {
        return evaluator.evaluate(facts);
    }

    @Benchmark
    public byte[] stage5Serialise() {
        return service.toJson(answer);
    }
}
