package org.primum.facts;

public enum Response {
    RESPONDING, STABLE, PROGRESSING, NO_EVIDENCE_OF_DISEASE, UNDETERMINED;

    /** Distant disease "controlled" in the catalogue's sense: responding, stable or no evidence of disease. */
    public boolean controlled() {
        return this == RESPONDING || this == STABLE || this == NO_EVIDENCE_OF_DISEASE;
    }
}
