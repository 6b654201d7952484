package org.primum.audit.judge;

import org.primum.facts.AuditedAct;
import org.primum.facts.ClinicalRecord;
import org.primum.facts.MarginStatus;
import org.primum.facts.ProcedureDone;
import org.primum.facts.SystemicTherapy;
import org.primum.facts.TnmCategory;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The record as it stood before the acts of one day (rules/README.md, "Audit"). The interpretation on
 * {@code asOf} = that day already leaves out everything dated later; this also leaves out what the day
 * itself holds that cannot have preceded the acts: the acts being judged, a systemic therapy started that
 * day (not "before" the operation), and pathological staging and margins of that day (read on the
 * operation's specimen). Everything else dated that day counts (a tumour-board review, a clinical
 * category, a status), records being dated by the day. Undated records always count.
 */
final class RecordBefore {
    private RecordBefore() {
    }

    static ClinicalRecord of(ClinicalRecord r, LocalDate day, List<AuditedAct> judged) {
        Set<String> acts = judged.stream().map(AuditedAct::sourceId).collect(Collectors.toSet());
        List<ProcedureDone> procedures = r.procedures().stream().filter(p -> !acts.contains(p.sourceId())).toList();
        if (day == null) {
            return copy(r, procedures, r.therapies(), r.staging(), r.margins());
        }
        List<SystemicTherapy> therapies = r.therapies().stream()
                .filter(t -> t.start() == null || t.start().isBefore(day)).toList();
        List<TnmCategory> staging = r.staging().stream()
                .filter(t -> !t.pathological() || t.date() == null || t.date().isBefore(day)).toList();
        List<MarginStatus> margins = r.margins().stream().filter(m -> m.date() == null || m.date().isBefore(day)).toList();
        return copy(r, procedures, therapies, staging, margins);
    }

    private static ClinicalRecord copy(ClinicalRecord r, List<ProcedureDone> procedures, List<SystemicTherapy> therapies,
                                       List<TnmCategory> staging, List<MarginStatus> margins) {
        return new ClinicalRecord(r.patient(), r.primaries(), r.metastases(), r.nodes(), staging, r.receptors(), r.performance(),
                r.diseaseStatuses(), r.lesionMeasurements(), therapies, procedures, r.orders(), r.symptoms(), margins, r.unrecognised(), r.notes());
    }
}
