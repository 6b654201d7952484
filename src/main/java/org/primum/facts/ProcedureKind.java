package org.primum.facts;

public enum ProcedureKind {
    BREAST_CONSERVING_SURGERY,
    MASTECTOMY,
    SENTINEL_NODE_BIOPSY,
    AXILLARY_DISSECTION,
    /** Radiotherapy whose target is the breast, chest wall or regional nodes. */
    LOCOREGIONAL_RADIOTHERAPY,
    /** Radiotherapy of unknown target (body site not recorded). */
    RADIOTHERAPY_UNSPECIFIED_SITE,
    /** Radiotherapy of a metastasis (bone, brain...): palliation, not locoregional therapy. */
    METASTASIS_RADIOTHERAPY,
    /**
     * A distant site treated with intent to eradicate it: metastasectomy, stereotactic radiotherapy (SBRT/SRS)
     * or thermal/chemical ablation (catalogue "ablated metastasis"); not locoregional therapy of the primary.
     */
    METASTASIS_ABLATION,
    TUMOUR_BOARD_REVIEW;

    public boolean breastSurgery() { return this == BREAST_CONSERVING_SURGERY || this == MASTECTOMY; }

    public boolean surgical() { return breastSurgery() || this == SENTINEL_NODE_BIOPSY || this == AXILLARY_DISSECTION; }

    public boolean radiotherapy() { return this == LOCOREGIONAL_RADIOTHERAPY || this == RADIOTHERAPY_UNSPECIFIED_SITE; }

    /** Locoregional therapy of the primary: breast surgery ± axillary surgery ± radiotherapy. */
    public boolean locoregional() { return surgical() || radiotherapy(); }
}
