package org.primum.engine;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One cited figure: the source (full reference, DOI/PMID), the section it is quoted from and the
 * figure itself. {@code side} is "supporting" or "contrary" (CONFLICTING evidence shows both).
 * {@code effect} is the figure as numbers when it is a ratio with an unambiguous direction (else null):
 * the report plots it; the JSON answers keep their own citation shape and do not carry it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Citation(String id, String sourceId, String reference, String doi, String pmid, String url,
                       String section, String figure, String note, String side, Effect effect) {
}
