package org.primum.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Resource;
import org.primum.facts.ProcedureDone;
import org.primum.facts.ProcedureKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.primum.fhir.mapping.Codings.allText;

/**
 * Pass 4, Encounters and Communications that record a tumour-board review (catalogue F
 * AUDIT_MULTIDISCIPLINARY_DISCUSSION counts "a tumour-board / multidisciplinary review recorded", in whatever
 * resource a record keeps it): an Encounter whose type, or a Communication (the board's recommendation sent)
 * whose category, topic or reason, is a tumour-board review by the procedure-kind ConceptMap (SNOMED CT
 * 708004003, CPT 99366–99368…) or names one in words (mapping setting tumour-board-word). Dated by the
 * encounter's start, the communication's sending (else receipt). One cancelled, planned, not done or entered in
 * error records none. Every other Encounter or Communication is not read and not reported: most are visits and
 * messages this guidance has nothing to say about.
 */
final class ReviewReader {
    private static final String TUMOUR_BOARD = ProcedureKind.TUMOUR_BOARD_REVIEW.name();

    private final MappingContext ctx;

    ReviewReader(MappingContext ctx) {
        this.ctx = ctx;
    }

    void read(Encounter e) {
        Encounter.EncounterStatus s = e.getStatus();
        if (s == Encounter.EncounterStatus.CANCELLED || s == Encounter.EncounterStatus.PLANNED
                || s == Encounter.EncounterStatus.ENTEREDINERROR) return;
        add(e, e.getType(), ctx.dates.effective(e.getPeriod()));
    }

    void read(Communication c) {
        Communication.CommunicationStatus s = c.getStatus();
        if (s == Communication.CommunicationStatus.NOTDONE || s == Communication.CommunicationStatus.ENTEREDINERROR
                || s == Communication.CommunicationStatus.PREPARATION) return;
        List<CodeableConcept> concepts = new ArrayList<>(c.getCategory());
        if (c.hasTopic()) concepts.add(c.getTopic());
        concepts.addAll(c.getReasonCode());
        LocalDate date = c.hasSent() ? ctx.dates.date(c.getSentElement()) : c.hasReceived() ? ctx.dates.date(c.getReceivedElement()) : null;
        add(c, concepts, date);
    }

    private void add(Resource r, List<CodeableConcept> concepts, LocalDate date) {
        Coding code = null;
        boolean review = false;
        for (CodeableConcept cc : concepts) {
            for (Coding k : cc.getCoding()) {
                if (TUMOUR_BOARD.equals(ctx.t.procedureKind(k.getSystem(), k.getCode()))) {
                    code = k;
                    review = true;
                }
            }
        }
        if (!review && concepts.stream().anyMatch(cc -> ctx.t.mentionsTumourBoard(allText(cc)))) {
            ctx.report.note("tumour board", "A tumour board review was recognised by its name, not by its code.", ctx.id(r));
            review = true;
        }
        if (!review) return;
        ctx.out.procedures.add(new ProcedureDone(ctx.id(r), ProcedureKind.TUMOUR_BOARD_REVIEW, code == null ? null : code.getCode(),
                null, false, date));
    }
}
