package org.primum.core;

import java.util.Arrays;

/**
 * Told of every evaluation a {@link Pipeline} makes from FHIR input (a decision log, metrics), on the
 * evaluating thread, after the result is built and before it is returned. Keep it short: hand the work to
 * another thread. An exception it throws is logged and does not fail the evaluation.
 */
@FunctionalInterface
public interface EvaluationListener {

    /** Listens to nothing. */
    EvaluationListener NONE = evaluated -> {
    };

    void evaluated(Evaluated evaluated);

    /**
     * One listener telling each of {@code listeners} in turn (a pipeline takes one). Each is told even when one
     * before it throws; the first exception is rethrown afterwards, the others suppressed in it.
     * {@link #NONE} is left out: all of them {@code NONE} gives {@code NONE}.
     */
    static EvaluationListener all(EvaluationListener... listeners) {
        EvaluationListener[] told = Arrays.stream(listeners).filter(l -> l != NONE).toArray(EvaluationListener[]::new);
        if (told.length == 0) return NONE;
        if (told.length == 1) return told[0];
        return evaluated -> {
            RuntimeException failed = null;
            for (EvaluationListener listener : told) {
                try {
                    listener.evaluated(evaluated);
                } catch (RuntimeException e) {
                    if (failed == null) failed = e;
                    else failed.addSuppressed(e);
                }
            }
            if (failed != null) throw failed;
        };
    }
}
