package org.primum.definitions;

import org.primum.facts.DateBasis;
import org.primum.facts.DiseaseFocus;
import org.primum.facts.DiseaseStatus;
import org.primum.facts.LesionMeasurement;
import org.primum.facts.Metastasis;
import org.primum.facts.Response;
import org.primum.facts.ResponseAssessment;
import org.primum.facts.TherapyExposure;
import org.primum.facts.Thresholds;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The response of the distant disease (catalogue "response assessment", "new lesion", "distant progression"):
 * the latest status of the distant (or whole) disease, which is the response assessment only when dated at
 * least {@code responseAssessmentMinWeeks} after the therapy start (an earlier one is an early check); or a
 * new lesion: a metastasis dated after the de novo window and after the therapy start, and after the latest
 * status. A metastasis within the window belongs to the initial staging, even when found on therapy. An
 * undated status saying progression counts whatever the dated ones say (it may be the latest).
 *
 * <p>Growth of an existing distant lesion ({@link DistantGrowth}) is distant progression dated at the measurement
 * that shows it, weighed like a status "progressing" of that date: a status dated later stands (latest counts), one
 * of the same day yields to it (least favourable). A measurement without growth is no response assessment, even
 * after {@code responseAssessmentMinWeeks}: one lesion's size says nothing of the other sites or of new lesions, so
 * it cannot show the distant disease controlled (the catalogue's "restaging" is a status of the distant disease);
 * counting it would open the paths after the window on less than the catalogue asks (fail safe).
 */
final class DistantResponse {
    private final Thresholds thresholds;
    private final DistantGrowth growth;

    DistantResponse(Thresholds thresholds) {
        this.thresholds = thresholds;
        this.growth = new DistantGrowth(thresholds);
    }

    /** Whether a status dated {@code date} assesses the response; undated or an unknown start: it cannot be shown to. */
    boolean assessment(LocalDate date, TherapyExposure exposure) {
        if (date == null || exposure == null || exposure.startUnknown() || exposure.firstStart() == null) return false;
        return !date.isBefore(exposure.firstStart().plusWeeks(thresholds.responseAssessmentMinWeeks()));
    }

    /**
     * @param windowAnchor the primary's diagnosis (or, without one, the first finding of the metastasis): the
     *                     de novo window runs from it
     */
    Optional<ResponseAssessment> of(List<DiseaseStatus> responses, List<Metastasis> metastases, List<LesionMeasurement> measurements,
                                    TherapyExposure exposure, LocalDate windowAnchor) {
        List<DiseaseStatus> distant = responses.stream().filter(s -> s.focus() != DiseaseFocus.PRIMARY).toList();
        // an undated progression cannot be placed before a dated control: it counts at every date (fail safe)
        Optional<DiseaseStatus> undatedProgression = distant.stream()
                .filter(s -> s.date() == null && s.response() == Response.PROGRESSING).findFirst();
        Optional<DiseaseStatus> status = undatedProgression.isPresent() ? undatedProgression : latest(distant, true);
        LocalDate statusDate = status.map(DiseaseStatus::date).orElse(null);
        LocalDate firstStart = exposure == null ? null : exposure.firstStart();
        // growth before the therapy started is the untreated disease (a baseline), not a response; a status dated
        // after the growth stands; an undated progression already says progression
        Optional<DistantGrowth.Growth> grown = growth.latest(measurements)
                .filter(g -> firstStart == null || !g.date().isBefore(firstStart))
                .filter(g -> undatedProgression.isEmpty() && (statusDate == null || !g.date().isBefore(statusDate)));
        LocalDate lastAssessed = grown.map(DistantGrowth.Growth::date).orElse(statusDate);
        Optional<Metastasis> newLesion = newLesion(metastases, exposure, windowAnchor, lastAssessed);
        if (newLesion.isPresent()) {
            Metastasis m = newLesion.get();
            return Optional.of(new ResponseAssessment(DiseaseFocus.DISTANT, Response.PROGRESSING, m.onset(),
                    "new distant lesion (" + m.site() + ") after the de novo window, during systemic therapy",
                    assessment(m.onset(), exposure), List.of(m.sourceId())));
        }
        if (grown.isPresent()) {
            DistantGrowth.Growth g = grown.get();
            return Optional.of(new ResponseAssessment(DiseaseFocus.DISTANT, Response.PROGRESSING, g.date(), g.describe(),
                    assessment(g.date(), exposure), g.sourceIds()));
        }
        return status.map(s -> new ResponseAssessment(DiseaseFocus.DISTANT, s.response(), s.date(),
                s.focus() == DiseaseFocus.WHOLE ? "whole-disease status" : "status of the distant disease",
                assessment(s.date(), exposure), s.sourceIds()));
    }

    /**
     * The latest status (undated ones only when none is dated). Statuses of one date that disagree are not
     * settled by the order of the records but fail safe: for the distant disease the least favourable wins
     * (progressing, then stable, then responding, then no evidence of disease: the progression checks stay on, and
     * one site assessed stable beside another without evidence of disease is not "no evidence of disease", which
     * would clear the way to the oligometastatic exception); for the primary a non-progressing one wins (so a
     * progressing primary does not silence the deferral on a contradiction).
     */
    static Optional<DiseaseStatus> latest(List<DiseaseStatus> statuses, boolean distant) {
        Comparator<DiseaseStatus> byDate = Comparator.comparing(DiseaseStatus::date, Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<DiseaseStatus> progressingLast = Comparator.comparing(s -> s.response() == Response.PROGRESSING);
        Comparator<DiseaseStatus> sameDay = distant ? Comparator.comparingInt(s -> s.response().unfavourable()) : progressingLast.reversed();
        return statuses.stream().max(byDate.thenComparing(sameDay).thenComparing(DiseaseStatus::sourceId));
    }

    private Optional<Metastasis> newLesion(List<Metastasis> metastases, TherapyExposure exposure, LocalDate windowAnchor,
                                           LocalDate lastAssessed) {
        if (exposure == null || windowAnchor == null) return Optional.empty();
        LocalDate windowEnd = windowAnchor.plusDays(thresholds.deNovoWindowDays());
        // a therapy whose start is unknown may have started before the lesion: fail safe, the lesion is new
        LocalDate start = exposure.startUnknown() ? null : exposure.firstStart();
        return metastases.stream()
                .filter(m -> m.dateBasis() == DateBasis.RECORDED && m.onset().isAfter(windowEnd)
                        && (start == null || m.onset().isAfter(start))
                        && (lastAssessed == null || m.onset().isAfter(lastAssessed)))
                .max(Comparator.comparing(Metastasis::onset));
    }
}
