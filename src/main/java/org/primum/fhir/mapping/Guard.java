package org.primum.fhir.mapping;

import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Resource;

import java.time.DateTimeException;

/**
 * Reads one resource so that bad <em>data</em> in it costs that resource only: HAPI's
 * {@link FHIRException} (a value of another type than read, content HAPI cannot represent),
 * {@link DataFormatException} (a primitive HAPI cannot parse), and {@link DateTimeException} /
 * {@link NumberFormatException} raised while reading a date or a number become the note "a ... could
 * not be read and was left out". Anything else is a bug in the mapping and propagates (a 500 with an
 * incident id, a failing test): a NullPointerException turned into a note would look like bad data and
 * silently change an answer.
 */
final class Guard {
    private final ResourceIndex index;
    private final Report report;

    Guard(ResourceIndex index, Report report) {
        this.index = index;
        this.report = report;
    }

    void read(Resource r, Runnable reading) {
        try {
            reading.run();
        } catch (FHIRException | DataFormatException | DateTimeException | NumberFormatException e) {
            report.note("unreadable resource", "A " + r.fhirType() + " could not be read (" + e.getClass().getSimpleName()
                    + ") and was left out.", index.sourceId(r));
        }
    }
}
