package org.primum;

import org.jboss.logging.Logger;
import org.primum.core.Pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

/**
 * One evaluation of a built-in synthetic record ({@code startup/warm-up-bundle.json}, no patient's data) on a
 * background thread as soon as the pipeline exists, beside the rest of start-up: the first real request then
 * finds HAPI's model of each resource type scanned, the mapping's, the definitions' and the rules' classes loaded
 * and their hot paths compiled (cold, that request took ~2.7 s; warm, ~60 ms). Without the pipeline's listener:
 * the warm-up is neither logged as a decision nor counted. It never delays readiness nor fails the service.
 */
final class PipelineWarmUp {

    static final String BUNDLE = "startup/warm-up-bundle.json";
    private static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);
    private static final Logger LOG = Logger.getLogger(PipelineWarmUp.class);

    private PipelineWarmUp() {
    }

    /** Starts the warm-up of {@code pipeline} on a daemon thread of its own. */
    static Thread start(Pipeline pipeline) {
        Thread thread = new Thread(() -> run(pipeline), "primum-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Evaluates the warm-up record once; true when it was evaluated (a failure is logged, never thrown). */
    static boolean run(Pipeline pipeline) {
        long t0 = System.nanoTime();
        try (InputStream in = PipelineWarmUp.class.getClassLoader().getResourceAsStream(BUNDLE)) {
            if (in == null) throw new IOException(BUNDLE + " not on the class path");
            Pipeline.Result result = pipeline.withoutListener().evaluate(in.readAllBytes(), AS_OF);
            LOG.infof("warm-up: a synthetic record evaluated in %d ms (%d recommendations)", (System.nanoTime() - t0) / 1_000_000,
                    result.evaluation().recommendations().size());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "warm-up: the synthetic record could not be evaluated (the first request will be slower)");
            return false;
        }
    }
}
