package org.primum.tumourboard.report;

import java.util.List;

/**
 * Everything the tumour-board report page shows, as plain text and numbers: built once from an
 * evaluation ({@link ReportViews}), kept as JSON by {@link ReportStore} and rendered by the Qute
 * template {@code templates/report.html} on every request. No FHIR, engine or fact type inside, so a
 * stored report reads back whatever the code version that wrote it.
 *
 * @param patient a one-line summary of the patient (age, sex) without identifiers
 */
public record ReportView(String id, String generatedAt, String expiresAt, String asOf, String knowledgeBaseVersion,
                         String patient, List<FactRow> facts, List<TimelineEvent> timeline,
                         List<RecommendationRow> recommendations, List<MissingRow> missingData,
                         List<UnrecognisedRow> unrecognisedCodes, List<String> notes, List<ForestPlot> evidence) {

    public ReportView {
        facts = List.copyOf(facts);
        timeline = List.copyOf(timeline);
        recommendations = List.copyOf(recommendations);
        missingData = List.copyOf(missingData);
        unrecognisedCodes = List.copyOf(unrecognisedCodes);
        notes = List.copyOf(notes);
        evidence = List.copyOf(evidence);
    }

    /** The same report under its stored id and expiry. */
    public ReportView stored(String newId, String expires) {
        return new ReportView(newId, generatedAt, expires, asOf, knowledgeBaseVersion, patient, facts, timeline, recommendations,
                missingData, unrecognisedCodes, notes, evidence);
    }

    /** True when the patient is outside the guidance: no recommendation, or only NOT_APPLICABLE_* findings. */
    public boolean notApplicable() {
        return recommendations.stream().allMatch(r -> r.code().startsWith("NOT_APPLICABLE"));
    }

    /** One fact as understood on asOf: its kind, sentence, the dates it carries and its FHIR resources. */
    public record FactRow(String type, String description, List<String> dates, List<String> resourceIds) {
    }

    /** {@code kind}: diagnosis, metastasis, therapy, response, procedure. */
    public record TimelineEvent(String date, String kind, String description, List<String> resourceIds) {
    }

    /** {@code indicator}: critical, warning or info (the order of the list). */
    public record RecommendationRow(String code, String title, String statement, String indicator, String evidenceLevel,
                                    String section, List<BecauseRow> because, List<CitationRow> citations, boolean contested) {
    }

    public record BecauseRow(String fact, String description, List<String> resourceIds) {
    }

    /** {@code side}: supporting or contrary; {@code doi} / {@code pmid} written out, not only behind the link. */
    public record CitationRow(String id, String sourceId, String reference, String doi, String pmid, String url, String section,
                              String figure, String side, String note) {
        public boolean contrary() {
            return "contrary".equals(side);
        }
    }

    public record MissingRow(String code, String item, String detail, List<String> resourceIds) {
    }

    public record UnrecognisedRow(String sourceId, String element, String system, String code, String display) {
    }
}
