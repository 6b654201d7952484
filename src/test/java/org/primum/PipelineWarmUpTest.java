package org.primum;

import org.junit.jupiter.api.Test;
import org.primum.core.Pipeline;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up warm-up evaluates its synthetic record, and is neither logged as a decision nor counted. */
class PipelineWarmUpTest {

    @Test
    void theWarmUpRecordIsEvaluatedWithoutTellingTheListener() throws InterruptedException {
        AtomicInteger told = new AtomicInteger();
        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles"))
                .listener(evaluated -> told.incrementAndGet()).build();

        assertThat(PipelineWarmUp.run(pipeline)).as("the synthetic record evaluated").isTrue();
        Thread background = PipelineWarmUp.start(pipeline);
        background.join(10_000);
        assertThat(background.isAlive()).isFalse();
        assertThat(told).as("the decision log and the metrics are not told of a warm-up").hasValue(0);
    }
}
