package org.primum.definitions;

import org.primum.facts.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Applies the catalogue's clinical definitions ("Terms used below" in catalogue.md) to what the
 * mapping read: the evaluation date, undated records, the latest of several results, de novo versus
 * recurrent, intact primary, bone-only, lesion count, subtype, weeks on therapy, current response.
 * The numbers come from {@link Thresholds}; the rules then reason over the resulting facts only.
 */
public final class ClinicalInterpreter {

    private final Thresholds thresholds;
    private final TherapyClock clock;
    private final DistantResponse distantResponse;

    public ClinicalInterpreter(Thresholds thresholds) {
        this.thresholds = thresholds;
        this.clock = new TherapyClock(thresholds);
        this.distantResponse = new DistantResponse(thresholds);
    }

    public CaseFacts interpret(ClinicalRecord record, LocalDate asOf) {
        List<Fact> facts = new ArrayList<>();
        List<MappingNote> notes = new ArrayList<>(record.notes());
        facts.add(thresholds);
        if (record.patient() != null) facts.add(record.patient());

        // "only resources dated on or before asOf count"; undated ones count at every asOf
        List<TnmCategory> staging = upTo(record.staging(), TnmCategory::date, asOf);
        List<ReceptorStatus> receptors = upTo(record.receptors(), ReceptorStatus::date, asOf);
        List<SystemicTherapy> therapies = upTo(record.therapies(), SystemicTherapy::start, asOf);
        List<ProcedureDone> procedures = upTo(record.procedures(), ProcedureDone::date, asOf);
        List<DiseaseStatus> statuses = upTo(record.diseaseStatuses(), DiseaseStatus::date, asOf);

        // a primary dated only by when it was entered is settled before the asOf cut: staged before asOf, it existed then
        List<PrimaryTumour> settled = PrimaryDates.settleRecordedOnly(record.primaries(), staging, receptors, notes);
        List<PrimaryTumour> primaries = PrimaryDates.dateUndated(upTo(settled, PrimaryTumour::diagnosed, asOf),
                staging, receptors, procedures, therapies, notes);
        int primariesAt = facts.size();
        List<Metastasis> recorded = new ArrayList<>(upTo(record.metastases(), Metastasis::onset, asOf));
        // the node's side against the primary the metastatic disease came with (an earlier cancer's side is history);
        // that primary chosen by the other distant evidence: with none, the newest cancer presents (PresentingPrimary)
        List<PrimaryTumour> nodeSides = primaries.isEmpty() ? primaries : PresentingPrimary.presenting(primaries,
                PresentingPrimary.of(primaries, found(recorded, staging).orElse(null), thresholds.deNovoWindowDays()),
                thresholds.deNovoWindowDays());
        List<Metastasis> distantNodes = NodeReading.distant(upTo(record.nodes(), NodalDisease::onset, asOf), nodeSides, staging, notes);
        recorded.addAll(distantNodes);
        statuses = StatusFocus.of(statuses, distantNodes.stream().map(Metastasis::sourceId).collect(Collectors.toSet()));
        List<Metastasis> metastases = dateMetastases(recorded, staging);
        facts.addAll(metastases);

        PresentingPrimary.Choice choice = primaries.isEmpty() ? null
                : PresentingPrimary.of(primaries, found(metastases, staging).orElse(null), thresholds.deNovoWindowDays());
        // "the primary's side" is the side of the tumours the metastasis came with; an earlier cancer is history
        List<PrimaryTumour> presenting = choice == null ? primaries : PresentingPrimary.presenting(primaries, choice, thresholds.deNovoWindowDays());
        List<Fact> primaryFacts = new ArrayList<>(presenting);
        primaries.stream().filter(p -> !presenting.contains(p)).map(EarlierPrimary::of).forEach(primaryFacts::add);
        facts.addAll(primariesAt, primaryFacts);
        Presentation presentation = presentation(primaries, choice, metastases, staging, procedures, notes);
        if (record.patient() != null && record.patient().deceasedBy(asOf)) presentation = deceased(presentation, record.patient());
        facts.add(presentation);

        boolean distantDisease = !metastases.isEmpty() || staging.stream().anyMatch(TnmCategory::showsDistantDisease);
        if (distantDisease) facts.add(pattern(metastases, staging));
        if (!primaries.isEmpty()) facts.add(ReceptorResults.subtype(receptors, notes));

        LocalDate diagnosed = presentation.primaryDiagnosed();
        List<SystemicTherapy> current = therapies.stream().filter(t -> !clock.history(t, diagnosed)).toList();
        TherapyHistory history = clock.historyOf(therapies.stream().filter(t -> clock.history(t, diagnosed)).toList());
        if (history != null) facts.add(history);
        TherapyExposure exposure = clock.exposure(current, asOf);
        if (exposure != null) facts.add(exposure);
        LocalDate firstStart = exposure == null ? null : exposure.firstStart();
        // an assessment before systemic therapy started is a baseline, not a response
        List<DiseaseStatus> responses = statuses.stream()
                .filter(s -> firstStart == null || s.date() == null || !s.date().isBefore(firstStart))
                .filter(s -> s.response() != Response.UNDETERMINED)
                .toList();
        DistantResponse.latest(responses.stream().filter(s -> s.focus() != DiseaseFocus.DISTANT).toList(), false)
                .ifPresent(s -> facts.add(new ResponseAssessment(DiseaseFocus.PRIMARY, s.response(), s.date(),
                        s.focus() == DiseaseFocus.WHOLE ? "whole-disease status" : "status of the primary",
                        distantResponse.assessment(s.date(), exposure), s.sourceIds())));
        LocalDate windowAnchor = diagnosed != null ? diagnosed : presentation.metastasisFound();
        List<LesionMeasurement> measured = NodeReading.distantLesions(upTo(record.lesionMeasurements(), LesionMeasurement::date, asOf),
                nodeSides, distantNodes.stream().map(Metastasis::sourceId).collect(Collectors.toSet()));
        Optional<ResponseAssessment> distant = distantResponse.of(responses, metastases, measured, exposure, windowAnchor);
        distant.ifPresent(facts::add);
        // the metastases the deciding status names (none: the distant disease as a whole)
        List<String> assessedOnly = distant.flatMap(d -> responses.stream().filter(s -> d.sourceIds().contains(s.sourceId())).findFirst())
                .map(DiseaseStatus::metastasisFocus).orElse(List.of());
        Clearance.of(metastases, procedures, distant, assessedOnly).ifPresent(facts::add);

        PerformanceReading.current(upTo(record.performance(), PerformanceStatus::date, asOf), thresholds).ifPresent(facts::add);
        for (TnmAxis axis : List.of(TnmAxis.T, TnmAxis.N)) {
            latest(staging.stream().filter(s -> s.axis() == axis), TnmCategory::date).ifPresent(facts::add);
        }
        facts.addAll(procedures);
        // an order authored after asOf was not yet made on asOf (a replay); undated ones count at every asOf
        List<ProposedOrder> orders = upTo(record.orders(), ProposedOrder::authored, asOf);
        facts.addAll(orders);
        orders.stream()
                .filter(o -> o.kind().locoregional() && !o.prophylactic() && sameSide(o.laterality(), presenting))
                .forEach(o -> facts.add(new PrimaryLrtOrder(o)));
        facts.addAll(symptomsOfThePrimary(upTo(record.symptoms(), PrimarySymptom::date, asOf), presenting, notes));
        latest(upTo(record.margins(), MarginStatus::date, asOf).stream(), MarginStatus::date).ifPresent(facts::add);
        return new CaseFacts(asOf, facts, notes, record.unrecognised());
    }

    private static <T> List<T> upTo(List<T> items, Function<T, LocalDate> date, LocalDate asOf) {
        return items.stream().filter(i -> date.apply(i) == null || !date.apply(i).isAfter(asOf)).toList();
    }

    /** The latest dated item; undated items only when nothing is dated ("the latest on or before asOf counts"). */
    private static <T> Optional<T> latest(Stream<T> items, Function<T, LocalDate> date) {
        return items.max(Comparator.comparing(date, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** The earliest of the dates given, nulls skipped. */
    static Optional<LocalDate> earliest(Stream<LocalDate> dates) {
        return dates.filter(Objects::nonNull).min(Comparator.naturalOrder());
    }

    /** An undated metastasis takes the date of the first staging that shows distant disease. */
    private static List<Metastasis> dateMetastases(List<Metastasis> metastases, List<TnmCategory> staging) {
        Optional<LocalDate> firstM1 = earliest(staging.stream().filter(TnmCategory::showsDistantDisease).map(TnmCategory::date));
        return metastases.stream().map(m -> m.onset() == null && firstM1.isPresent()
                ? new Metastasis(m.sourceId(), m.site(), m.specificSite(), m.siteDisplay(), firstM1.get(), DateBasis.INFERRED, m.lesionCount())
                : m).toList();
    }

    /** When the metastatic disease was found: the earliest metastasis or M1 / stage IV staging. */
    private static Optional<LocalDate> found(List<Metastasis> metastases, List<TnmCategory> staging) {
        return earliest(Stream.concat(metastases.stream().map(Metastasis::onset),
                staging.stream().filter(TnmCategory::showsDistantDisease).map(TnmCategory::date)));
    }

    /** {@code choice}: the primary the metastasis came with (null when there is no primary). */
    private Presentation presentation(List<PrimaryTumour> primaries, PresentingPrimary.Choice choice, List<Metastasis> metastases,
                                      List<TnmCategory> staging, List<ProcedureDone> procedures, List<MappingNote> notes) {
        List<TnmCategory> distantStaging = staging.stream().filter(TnmCategory::showsDistantDisease).toList();
        List<String> ids = new ArrayList<>();
        primaries.forEach(p -> ids.add(p.sourceId()));
        metastases.forEach(m -> ids.add(m.sourceId()));
        distantStaging.forEach(s -> ids.add(s.sourceId()));
        if (primaries.isEmpty()) {
            return new Presentation(Scope.NO_BREAST_PRIMARY, "no primary breast cancer recorded", null, null, null,
                    false, null, false, ids);
        }
        Optional<LocalDate> found = found(metastases, staging);
        // several primaries (an earlier cancer, both breasts, one entered twice): the one the metastasis came with
        LocalDate diagnosed = choice.index().diagnosed();
        // like a therapy (catalogue "weeks on systemic therapy"), an operation more than the margin before the
        // diagnosis treated an earlier disease (e.g. a lumpectomy for a cancer years before): the primary is intact.
        // Within the margin it may be the excision that diagnosed this cancer.
        LocalDate earlierDisease = diagnosed == null ? null : diagnosed.minusDays(thresholds.therapyHistoryMarginDays());
        List<ProcedureDone> breastSurgery = procedures.stream().filter(p -> p.kind().breastSurgery() && !p.prophylactic()).toList();
        List<ProcedureDone> earlier = breastSurgery.stream()
                .filter(p -> sameSide(p.laterality(), primaries) && earlierDisease != null && p.date() != null && p.date().isBefore(earlierDisease))
                .toList();
        if (!earlier.isEmpty()) {
            notes.add(new MappingNote("earlier disease", "A breast operation dated more than " + thresholds.therapyHistoryMarginDays()
                    + " days before the primary's diagnosis treated an earlier disease: it is not a resection of this primary.",
                    earlier.stream().map(ProcedureDone::sourceId).toList()));
        }
        // the primary is intact while one of the tumours the metastasis came with has had no operation on its side;
        // it is resected when the last of them was
        boolean intact = false;
        List<LocalDate> resectedDates = new ArrayList<>();
        Set<String> resectionIds = new LinkedHashSet<>();
        for (PresentingPrimary.Tumour tumour : choice.synchronous()) {
            List<ProcedureDone> resections = breastSurgery.stream()
                    .filter(p -> !earlier.contains(p) && PresentingPrimary.covers(p.laterality(), tumour.side()))
                    .sorted(Comparator.comparing(ProcedureDone::date, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            if (resections.isEmpty()) intact = true;
            else resectedDates.add(resections.get(0).date());
            resections.forEach(r -> resectionIds.add(r.sourceId()));
        }
        LocalDate resectedOn = intact || resectedDates.contains(null) ? null : Collections.max(resectedDates);
        ids.addAll(resectionIds);

        if (metastases.isEmpty() && distantStaging.isEmpty()) {
            return new Presentation(Scope.NO_DISTANT_METASTASIS, "no distant metastasis recorded (no metastasis record, no cM1/pM1, no stage IV)",
                    diagnosed, null, null, intact, resectedOn, false, ids);
        }
        boolean anyRecordedOnset = metastases.stream().anyMatch(m -> m.dateBasis() == DateBasis.RECORDED);
        if (!anyRecordedOnset && m0ThenM1(staging, diagnosed)) {
            return new Presentation(Scope.RECURRENT, "the earliest staging shows no distant disease (M0) and one dated beyond the de novo window does: recurrent, not de novo"
                    + resectedBefore(resectedOn, found.orElse(null)), diagnosed, found.orElse(null), null, intact, resectedOn, false, ids);
        }
        if (found.isEmpty() || diagnosed == null) {
            // say which date is missing: a dated metastasis beside an undated primary is not "an undated metastasis"
            String missing = found.isEmpty() ? "The metastasis has no date and no staging dates it"
                    : "The primary has no date and no related record dates it";
            notes.add(new MappingNote("de novo", missing + ": taken as de novo (synchronous with the primary).", ids));
            return new Presentation(Scope.DE_NOVO, "metastatic breast cancer, taken as de novo: the "
                    + (found.isEmpty() ? "metastasis" : "primary") + " is undated",
                    diagnosed, found.orElse(null), null, intact, resectedOn, true, ids);
        }
        long days = ChronoUnit.DAYS.between(diagnosed, found.get());
        if (days > thresholds.deNovoWindowDays()) {
            return new Presentation(Scope.RECURRENT, "metastasis found " + days + " days after the primary (de novo window "
                    + thresholds.deNovoWindowDays() + " days): recurrent disease" + resectedBefore(resectedOn, found.get()),
                    diagnosed, found.get(), days, intact, resectedOn, false, ids);
        }
        if (resectedOn != null && resectedOn.isBefore(found.get())) {
            return new Presentation(Scope.RESECTED_BEFORE_METASTASIS, "the primary was resected on " + resectedOn
                    + ", before the metastasis was found on " + found.get(), diagnosed, found.get(), days, false, resectedOn, false, ids);
        }
        String resected = !intact ? "primary resected on " + (resectedOn == null ? "an unrecorded date" : resectedOn)
                : resectedDates.isEmpty() ? "intact primary"
                : "intact primary (of the synchronous primaries, " + resectedDates.size() + " operated on, "
                + (choice.synchronous().size() - resectedDates.size()) + " not)";
        return new Presentation(Scope.DE_NOVO, "de novo metastatic: metastasis found " + Math.max(days, 0)
                + " days after the primary diagnosis (window " + thresholds.deNovoWindowDays() + " days); " + resected,
                diagnosed, found.get(), days, intact, resectedOn, false, ids);
    }

    /**
     * A recurrence after the primary's resection also meets catalogue A's "primary resected before metastasis"
     * (rules/applicability.drl names both): the reason says so, so that both codes' explanations show the date.
     */
    private static String resectedBefore(LocalDate resectedOn, LocalDate found) {
        return resectedOn != null && found != null && resectedOn.isBefore(found)
                ? "; the primary was resected on " + resectedOn + ", before the metastasis was found" : "";
    }

    private static boolean sameSide(Laterality side, List<PrimaryTumour> primaries) {
        if (side == null || side == Laterality.BILATERAL) return true;
        return primaries.stream().anyMatch(p -> p.laterality() == null || p.laterality() == side || p.laterality() == Laterality.BILATERAL);
    }

    /**
     * M0 at the earliest staging, then M1/IV dated more than the de novo window after the diagnosis (or, the
     * diagnosis undated, after that M0): recurrent. An M1 within the window completes the initial staging.
     */
    private boolean m0ThenM1(List<TnmCategory> staging, LocalDate diagnosed) {
        List<TnmCategory> dated = staging.stream()
                .filter(s -> s.date() != null && (s.showsDistantDisease() || s.showsNoDistantDisease()))
                .sorted(Comparator.comparing(TnmCategory::date)).toList();
        if (dated.isEmpty() || !dated.get(0).showsNoDistantDisease()) return false;
        LocalDate first = dated.get(0).date();
        LocalDate from = diagnosed != null ? diagnosed : first;
        return dated.stream().anyMatch(s -> s.showsDistantDisease() && s.date().isAfter(first)
                && ChronoUnit.DAYS.between(from, s.date()) > thresholds.deNovoWindowDays());
    }

    /** The sites together; its sources are the metastasis records, or the M1 / stage IV staging when there is none. */
    private static MetastaticPattern pattern(List<Metastasis> metastases, List<TnmCategory> staging) {
        List<String> sites = metastases.stream().filter(Metastasis::siteKnown).map(Metastasis::site).distinct().sorted().toList();
        boolean siteUnknown = sites.isEmpty() || metastases.stream().anyMatch(m -> !m.siteKnown());
        boolean boneOnly = !siteUnknown && sites.equals(List.of("bone"));
        Integer lesions = null;
        if (!siteUnknown) {
            Map<String, List<Metastasis>> byOrgan = new TreeMap<>();
            metastases.forEach(m -> byOrgan.computeIfAbsent(m.site(), k -> new ArrayList<>()).add(m));
            int total = 0;
            boolean known = true;
            for (List<Metastasis> organ : byOrgan.values()) {
                Optional<Integer> recorded = organ.stream().map(Metastasis::lesionCount).filter(Objects::nonNull).max(Integer::compare);
                // each record at a specific site is a lesion of its own (or its recorded count): a count on the femur
                // record does not cover a rib record. A count on a whole-organ record may include the specific ones:
                // the larger of the two stands (duplicates of one organ record are not added up)
                int specific = organ.stream().filter(Metastasis::specificSite)
                        .mapToInt(m -> m.lesionCount() == null ? 1 : m.lesionCount()).sum();
                if (recorded.isPresent()) total += Math.max(recorded.get(), specific);
                else if (organ.stream().allMatch(Metastasis::specificSite)) total += organ.size();
                else known = false;
            }
            lesions = known ? total : null;
        }
        List<String> ids = metastases.isEmpty()
                ? staging.stream().filter(TnmCategory::showsDistantDisease).map(TnmCategory::sourceId).distinct().toList()
                : metastases.stream().map(Metastasis::sourceId).toList();
        return new MetastaticPattern(sites, sites.size(), boneOnly, siteUnknown, lesions, ids);
    }

    /** A symptom on the side opposite a one-sided primary (the other breast or axilla) is not a symptom of the primary. */
    private static List<PrimarySymptom> symptomsOfThePrimary(List<PrimarySymptom> symptoms, List<PrimaryTumour> primaries,
                                                            List<MappingNote> notes) {
        List<PrimarySymptom> kept = new ArrayList<>();
        for (PrimarySymptom s : symptoms) {
            if (s.laterality() != null && !primaries.isEmpty() && !sameSide(s.laterality(), primaries)) {
                notes.add(new MappingNote("symptom", "A symptom on the side opposite the primary is not a symptom of the primary.", s.sourceIds()));
            } else {
                kept.add(s);
            }
        }
        return kept;
    }

    /** Death on or before asOf ends the treatment question (catalogue A, NOT_APPLICABLE_DECEASED); the dates stay shown. */
    private static Presentation deceased(Presentation p, PatientInfo patient) {
        List<String> ids = new ArrayList<>(p.sourceIds());
        ids.add(patient.sourceId());
        String when = patient.deceasedOn() == null ? "(date not recorded)" : "on " + patient.deceasedOn();
        return new Presentation(Scope.DECEASED, "the patient died " + when + ": no treatment guidance",
                p.primaryDiagnosed(), p.metastasisFound(), p.daysPrimaryToMetastasis(), p.primaryIntact(), p.primaryResectedOn(),
                p.assumedDeNovo(), ids);
    }
}
