package org.primum.audit.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One criterion judged on one act (or on several acts of one day that got the same verdict): the JSON
 * output's {@code {"code","verdict","reason","date","resourceIds"}}. {@code date} is the act's date (null
 * for an undated act); {@code resourceIds} are the act first, then the records that decided the verdict.
 */
public record CriterionResult(String code, Verdict verdict, String reason, LocalDate date, List<String> resourceIds) {
    public CriterionResult {
        resourceIds = List.copyOf(resourceIds);
    }
}
