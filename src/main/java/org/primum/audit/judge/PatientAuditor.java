package org.primum.audit.judge;

import org.primum.audit.model.Criteria;
import org.primum.audit.model.CriterionResult;
import org.primum.audit.model.InputProblem;
import org.primum.audit.model.PatientResult;
import org.primum.audit.model.Verdict;
import org.primum.audit.read.LocatedResource;
import org.primum.core.LooseRecord;
import org.primum.core.Pipeline;
import org.primum.engine.Judgement;
import org.primum.facts.*;
import org.primum.input.InvalidInputException;

import java.time.LocalDate;
import java.util.*;
import java.util.function.Consumer;

/**
 * Audits one patient: her resources read strictly through the core (a resource that is not valid FHIR R4 is
 * left out and reported), her scope decided on the audit's date (catalogue A: de novo metastatic with a breast
 * primary, intact at metastatic diagnosis), then every act judged on the record as it stood before it, the
 * acts of one day together. Thread-safe (the pipeline is; nothing else is shared).
 */
public final class PatientAuditor {

    /** Out-of-scope reasons that are not a Presentation scope. */
    public static final String NO_ACT = "NO_ACT", UNREADABLE = "UNREADABLE";

    private static final Set<Class<?>> NOT_DECIDING = Set.of(Presentation.class, PatientInfo.class, Thresholds.class);

    private final Pipeline pipeline;
    private final LocalDate asOf;

    public PatientAuditor(Pipeline pipeline, LocalDate asOf) {
        this.pipeline = pipeline;
        this.asOf = asOf;
    }

    public PatientResult audit(String patientId, List<LocatedResource> resources, Consumer<InputProblem> problems) {
        String patient = "Patient/" + patientId;
        // each line read strictly: an invalid resource is left out here, whole, and reported with its file and
        // line (lenient reading would drop the element silently as far as the audit's report goes)
        LooseRecord loose = pipeline.looseRecord(Pipeline.Options.STRICT);
        int read = 0;
        for (LocatedResource r : resources) {
            try {
                loose.add(r.input());
                read++;
            } catch (InvalidInputException e) {
                problems.accept(new InputProblem(InputProblem.Kind.INVALID_RESOURCE, r.file(), r.line(), patient,
                        e.getMessage() + (e.location() == null ? "" : " (at " + e.location() + ")")));
            }
        }
        if (read == 0) {
            return PatientResult.outOfScope(patient, UNREADABLE, "no resource of this patient could be read");
        }
        // catalogue A: no treatment guidance for a deceased patient, but auditing still judges what was done before
        ClinicalRecord mapped = pipeline.map(loose, patientId, asOf).record();
        ClinicalRecord record = alive(mapped);
        CaseFacts today = pipeline.interpret(record, asOf);
        Presentation now = today.first(Presentation.class).orElseThrow();
        if (now.scope() == Scope.NO_BREAST_PRIMARY) {
            LocatedResource first = firstOf(resources);
            problems.accept(new InputProblem(InputProblem.Kind.NO_BREAST_CANCER, first.file(), first.line(), patient,
                    "no primary breast cancer in this patient's record"));
        }
        if (now.scope() != Scope.DE_NOVO) return PatientResult.outOfScope(patient, now.scope().name(), now.reason());

        // what was done in life: a procedure dated after the recorded death is a fault of the record, reported, not judged
        LocalDate died = mapped.patient() == null ? null : mapped.patient().deceasedOn();
        List<AuditedAct> acts = new ArrayList<>();
        int afterDeath = 0;
        for (AuditedAct a : Acts.of(record, asOf, today.all(PrimaryTumour.class))) {
            if (died != null && a.date() != null && a.date().isAfter(died)) {
                LocatedResource r = locate(resources, a.sourceId());
                problems.accept(new InputProblem(InputProblem.Kind.DATED_AFTER_DEATH, r.file(), r.line(), patient,
                        "a procedure is dated after the patient's death: not judged"));
                afterDeath++;
            } else {
                acts.add(a);
            }
        }
        if (acts.isEmpty()) {
            // say what there is: acts recorded but dated after the death are not "no act done"
            return PatientResult.outOfScope(patient, NO_ACT, afterDeath > 0
                    ? "de novo metastatic, but every locoregional therapy or mastectomy recorded is dated after the patient's death (reported as an input problem): none judged"
                    : "de novo metastatic, but no locoregional therapy or mastectomy done on or before " + asOf);
        }
        acts = Acts.courses(acts, pipeline.thresholds().radiotherapyCourseGapDays());
        List<ActMargin> margins = Acts.margins(acts, record.margins(), asOf, now.primaryDiagnosed(), MarginLinks.of(resources));
        List<CriterionResult> criteria = new ArrayList<>();
        // the acts of the days judged: a day whose record was not yet this de novo cancer (an operation years
        // before its diagnosis, of an earlier disease) gets no verdict, and is no operation of this primary either
        List<AuditedAct> judged = new ArrayList<>();
        boolean abatements = resources.stream().anyMatch(PatientAuditor::abated);
        for (List<AuditedAct> day : byDay(acts)) {
            LocalDate date = day.get(0).date();
            List<Fact> auditFacts = new ArrayList<>(day);
            margins.stream().filter(m -> day.stream().anyMatch(a -> a.sourceId().equals(m.actSourceId()))).forEach(auditFacts::add);
            // a symptom resolved since is current on the act's day only in the record read on that day
            ClinicalRecord asItStood = date == null || !abatements ? record : alive(pipeline.map(loose, patientId, date).record());
            List<Judgement> judgements = pipeline.judge(RecordBefore.of(asItStood, date, day), date == null ? asOf : date, auditFacts);
            criteria.addAll(merged(judgements, date));
            if (!judgements.isEmpty()) judged.addAll(day);
        }
        if (criteria.isEmpty()) {
            return PatientResult.outOfScope(patient, NO_ACT, "de novo metastatic, but every act was done before the metastatic diagnosis");
        }
        List<List<AuditedAct>> operations = Acts.operations(judged);
        return new PatientResult(patient, criteria, now.scope().name(), null, operations.size(),
                (int) operations.stream().filter(o -> o.stream().allMatch(Acts::breastConserving)).count());
    }

    /** A Condition that records its end (abatement[x]): the record read on an earlier day may differ from today's. */
    private static boolean abated(LocatedResource r) {
        if (!"Condition".equals(r.resourceType())) return false;
        for (Iterator<String> names = r.input().json().fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("abatement")) return true;
        }
        return false;
    }

    /** The record as the audit reads it: the acts judged were done in life, so death does not end the question. */
    private static ClinicalRecord alive(ClinicalRecord r) {
        PatientInfo p = r.patient();
        if (p == null || !p.deceased()) return r;
        return new ClinicalRecord(new PatientInfo(p.sourceId(), p.ageYears(), p.sex(), false, null), r.primaries(), r.metastases(),
                r.nodes(), r.staging(), r.receptors(), r.performance(), r.diseaseStatuses(), r.lesionMeasurements(), r.therapies(), r.procedures(),
                r.orders(), r.symptoms(), r.margins(), r.unrecognised(), r.notes());
    }

    /** Dated acts grouped by day, in date order; each undated act alone (it cannot be placed beside others). */
    private static List<List<AuditedAct>> byDay(List<AuditedAct> acts) {
        Map<LocalDate, List<AuditedAct>> dated = new TreeMap<>();
        List<List<AuditedAct>> days = new ArrayList<>();
        for (AuditedAct a : acts) {
            if (a.date() == null) continue;
            dated.computeIfAbsent(a.date(), d -> new ArrayList<>()).add(a);
        }
        days.addAll(dated.values());
        acts.stream().filter(a -> a.date() == null).forEach(a -> days.add(List.of(a)));
        return days;
    }

    /**
     * One result per rule for the day (a criterion's verdict for one case, with that case's reason): several
     * acts of one operation (a mastectomy with an axillary dissection) give the timing criteria once, with
     * every act and record behind it.
     */
    private static List<CriterionResult> merged(List<Judgement> judgements, LocalDate date) {
        Map<String, Judged> byKey = new LinkedHashMap<>();
        for (Judgement j : judgements) {
            Judged judged = byKey.computeIfAbsent(j.rule().rule(), k -> new Judged(j));
            j.because().stream().filter(f -> f instanceof AuditedAct).forEach(f -> judged.acts.addAll(f.sourceIds()));
            j.because().stream().filter(f -> !(f instanceof AuditedAct) && !NOT_DECIDING.contains(f.getClass()))
                    .forEach(f -> judged.records.addAll(f.sourceIds()));
        }
        List<CriterionResult> results = new ArrayList<>();
        for (Judged j : byKey.values()) {
            List<String> ids = new ArrayList<>(j.acts);
            j.records.stream().filter(id -> !j.acts.contains(id)).forEach(ids::add);
            results.add(new CriterionResult(j.first.code(), Verdict.valueOf(j.first.verdict()), j.first.rule().reason(), date, ids));
        }
        results.sort(Comparator.comparing((CriterionResult r) -> Criteria.order(r.code())).thenComparing(CriterionResult::verdict));
        return results;
    }

    private static final class Judged {
        final Judgement first;
        final Set<String> acts = new TreeSet<>();
        final Set<String> records = new TreeSet<>();

        Judged(Judgement first) {
            this.first = first;
        }
    }

    /** The resource read as "Type/id" (the mapping's source id), else the patient's first resource. */
    private static LocatedResource locate(List<LocatedResource> resources, String sourceId) {
        return resources.stream()
                .filter(r -> sourceId.equals(r.resourceType() + "/" + r.input().json().path("id").asText()))
                .findFirst().orElse(firstOf(resources));
    }

    private static LocatedResource firstOf(List<LocatedResource> resources) {
        return resources.stream().filter(r -> "Patient".equals(r.resourceType()))
                .findFirst().orElse(resources.get(0));
    }
}
