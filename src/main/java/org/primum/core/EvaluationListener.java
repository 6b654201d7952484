package org.primum.core;

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
}
