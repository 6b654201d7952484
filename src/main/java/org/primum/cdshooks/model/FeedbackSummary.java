package org.primum.cdshooks.model;

import java.util.List;
import java.util.Map;

/**
 * Feedback counted per catalogue code: how often its cards were accepted or overridden, and the
 * override reasons given. A grouped card's feedback counts for every code it carried.
 */
public record FeedbackSummary(long feedbackItems, List<CodeCount> codes) {

    public record CodeCount(String code, long accepted, long overridden, Map<String, Long> overrideReasons) {
    }
}
