package org.primum.audit.read;

import org.primum.audit.model.InputProblem;
import org.primum.core.Pipeline;

import java.io.IOException;

/**
 * Where one input line goes, decided from its {@link Route} alone: the audit's routing rules in one place, framework-free
 * and stateless, so that the one-machine audit ({@link Partitioner}) and the Spark job route every line alike and
 * report the same problems with the same texts.
 * <ul>
 *   <li>{@link Kind#PROBLEM}: not one JSON object or no resourceType ({@code UNREADABLE_LINE}), a type FHIR R4 does not
 *   have ({@code UNKNOWN_RESOURCE_TYPE}), a resource the mapping reads that names no patient, or a Patient without an
 *   id ({@code NO_PATIENT_REFERENCE});</li>
 *   <li>{@link Kind#MEDICATION}: a Medication with an id (it belongs to no patient; given to those who point at it);</li>
 *   <li>{@link Kind#MAPPED}: a resource the mapping reads, of the patient {@code patientId};</li>
 *   <li>{@link Kind#NOT_USED}: a resource the mapping never reads (Encounter, Claim…) or a Medication without an id,
 *   counted under {@link Routed#countedAs()}; when it names a patient ({@code patientId}), she still appears in the
 *   output.</li>
 * </ul>
 */
public final class LineClassifier {
    private LineClassifier() {
    }

    public enum Kind { PROBLEM, MEDICATION, MAPPED, NOT_USED }

    /**
     * One line's destination.
     *
     * @param type      its resourceType (null when unreadable or absent)
     * @param id        its id, if any
     * @param patientId the patient it names (its own id for a Patient), if any; set on an unknown type's problem too
     * @param problem   for {@link Kind#PROBLEM} only: what is wrong, and {@code detail} says it without quoting values
     */
    public record Routed(Kind kind, String type, String id, String patientId, InputProblem.Kind problem, String detail) {

        /** "Patient/&lt;id&gt;" of the patient the line names, or null. */
        public String patientReference() {
            return patientId == null ? null : "Patient/" + patientId;
        }

        /** The input problem of a {@link Kind#PROBLEM} line, located at {@code line} of {@code file} (as named in the input). */
        public InputProblem problemAt(String file, long line) {
            if (kind != Kind.PROBLEM) throw new IllegalStateException(kind + " is no problem");
            return new InputProblem(problem, file, line, patientReference(), detail);
        }

        /** The name a {@link Kind#NOT_USED} line is counted under: its type, or "Medication (no id)". */
        public String countedAs() {
            return "Medication".equals(type) && id == null ? MEDICATION_WITHOUT_ID : type;
        }
    }

    static final String MEDICATION_WITHOUT_ID = "Medication (no id)";

    /** The destination of {@code json[0..length)}, one NDJSON line (leading blanks and the line break already dropped). */
    public static Routed classify(byte[] json, int length) {
        return classify(json, 0, length);
    }

    /** The destination of {@code json[offset..offset+length)}, one NDJSON line. */
    public static Routed classify(byte[] json, int offset, int length) {
        Route route;
        try {
            route = Route.of(json, offset, length);
        } catch (IOException e) {
            return problem(InputProblem.Kind.UNREADABLE_LINE, null, null, "not one JSON object: " + firstLine(e.getMessage()));
        }
        String type = route.type();
        if (type == null) return problem(InputProblem.Kind.UNREADABLE_LINE, null, null, "no resourceType");
        if (!Pipeline.isResourceType(type)) {
            return problem(InputProblem.Kind.UNKNOWN_RESOURCE_TYPE, type, route.patientId(),
                    "resourceType " + type + " is not a FHIR R4 resource type");
        }
        if ("Medication".equals(type)) {
            return new Routed(route.id() != null ? Kind.MEDICATION : Kind.NOT_USED, type, route.id(), null, null, null);
        }
        boolean mapped = Pipeline.isMappedResourceType(type);
        if (route.patientId() == null && mapped) {
            return problem(InputProblem.Kind.NO_PATIENT_REFERENCE, type, null,
                    type + ("Patient".equals(type) ? " without an id" : " names no patient (subject, patient)"));
        }
        return new Routed(mapped ? Kind.MAPPED : Kind.NOT_USED, type, route.id(), route.patientId(), null, null);
    }

    private static Routed problem(InputProblem.Kind problem, String type, String patientId, String detail) {
        return new Routed(Kind.PROBLEM, type, null, patientId, problem, detail);
    }

    /** Parser messages quote the offending text after a line break: the first line only (no values of the record). */
    static String firstLine(String message) {
        if (message == null) return "unknown error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
