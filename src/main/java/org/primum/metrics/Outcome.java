package org.primum.metrics;

/** How a measured request ended, from its HTTP status: the {@code outcome} label. */
public enum Outcome {
    /** Answered (2xx; also a 3xx, which no evaluating endpoint sends). */
    OK("ok"),
    /** The client was not trusted (401, 403: CDS Hooks client JWT). */
    REFUSED("refused"),
    /** CDS Hooks: the data the service had to fetch from the EHR's FHIR server could not be had (412). */
    FETCH_FAILED("fetch_failed"),
    /** Any other 4xx: the request was wrong (malformed, unsupported, too large, invalid under strict handling…). */
    CLIENT_ERROR("client_error"),
    /** 5xx: the service failed. */
    SERVER_ERROR("server_error"),
    /** The connection closed before the answer was sent in full. */
    ABORTED("aborted");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Outcome of(int status) {
        if (status == 401 || status == 403) return REFUSED;
        if (status == 412) return FETCH_FAILED;
        if (status >= 500) return SERVER_ERROR;
        if (status >= 400) return CLIENT_ERROR;
        return OK;
    }
}
