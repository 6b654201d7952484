package org.primum.metrics;

import org.primum.cdshooks.CdsServiceCatalog;

import java.util.HashMap;
import java.util.Map;

/**
 * The endpoints whose requests are measured, each a {@code POST} to one fixed path, and the label it has in the
 * metrics. The CDS Hooks services are labelled by their hook, the paths by their service ids.
 */
public enum Endpoint {
    TUMOUR_BOARD("tumour-board", "/tumour-board/evaluate"),
    TUMOUR_BOARD_REPORT("tumour-board-report", "/tumour-board/report"),
    PATIENT_VIEW("patient-view", "/cds-services/" + CdsServiceCatalog.PATIENT_VIEW),
    ORDER_SELECT("order-select", "/cds-services/" + CdsServiceCatalog.ORDER_SELECT),
    ORDER_SIGN("order-sign", "/cds-services/" + CdsServiceCatalog.ORDER_SIGN),
    /** The cohort audit's kick-off (the upload; the job runs afterwards). */
    AUDIT("audit", "/audit"),
    /** Logged decisions evaluated again under the current knowledge base. */
    AUDIT_REPLAY("audit-replay", "/audit/replay");

    private static final Map<String, Endpoint> BY_PATH = new HashMap<>();

    static {
        for (Endpoint e : values()) BY_PATH.put(e.path, e);
    }

    private final String label;
    private final String path;

    Endpoint(String label, String path) {
        this.label = label;
        this.path = path;
    }

    /** The value of the {@code endpoint} label. */
    public String label() {
        return label;
    }

    /** The path a {@code POST} is sent to, relative to the service's root. */
    public String path() {
        return path;
    }

    /** The endpoint a {@code POST} to {@code path} reaches, or null when it is not measured. A map lookup: no allocation. */
    public static Endpoint ofPost(String path) {
        return path == null ? null : BY_PATH.get(path);
    }
}
