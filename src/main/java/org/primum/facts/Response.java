package org.primum.facts;

public enum Response {
    RESPONDING, STABLE, PROGRESSING, NO_EVIDENCE_OF_DISEASE, UNDETERMINED;

    /** Distant disease "controlled" in the catalogue's sense: responding, stable or no evidence of disease. */
    public boolean controlled() {
        return this == RESPONDING || this == STABLE || this == NO_EVIDENCE_OF_DISEASE;
    }

    /** Ranks a response for fail-safe choices: the higher, the less favourable (an unknown one below progression only). */
    public int unfavourable() {
        return switch (this) {
            case NO_EVIDENCE_OF_DISEASE -> 0;
            case RESPONDING -> 1;
            case STABLE -> 2;
            case UNDETERMINED -> 3;
            case PROGRESSING -> 4;
        };
    }
}
