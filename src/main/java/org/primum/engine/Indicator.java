package org.primum.engine;

import com.fasterxml.jackson.annotation.JsonValue;

/** CDS Hooks card indicator, most urgent first. */
public enum Indicator {
    CRITICAL, WARNING, INFO;

    @JsonValue
    public String json() { return name().toLowerCase(); }
}
