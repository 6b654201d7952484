package org.primum.audit.store;

import java.util.List;

/**
 * The EHR users' feedback on the cards, per recommendation code and knowledge-base version: how often the
 * cards carrying the code were accepted or overridden, and with which override reasons. A grouped card's
 * feedback counts for each of its codes. Free-text comments are not reported (they may name the patient).
 */
public record FeedbackRates(long feedbackItems, List<Rate> rates) {

    /** {@code knowledgeBaseVersion} null: cards issued before the version was recorded. */
    public record Rate(String code, String knowledgeBaseVersion, long accepted, long overridden, double acceptRate,
                       double overrideRate, List<Reason> overrideReasons) {
    }

    /** An override reason as the EHR coded it; all null for overrides given without a reason. */
    public record Reason(String system, String code, String display, long count) {
    }
}
