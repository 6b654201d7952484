package org.primum.audit.model;

/**
 * Input the audit could not use as given, located: {@code file} (as named in the input) and {@code line}
 * (the NDJSON line, or the line of the text where a Bundle entry starts; 0 when the whole file is
 * concerned). {@code patient} is the patient concerned when known ("Patient/<id>"), {@code detail} says
 * what, never quoting values of the record.
 */
public record InputProblem(Kind kind, String file, long line, String patient, String detail) {

    public enum Kind {
        /** Not JSON, not a JSON object, or no resourceType. */
        UNREADABLE_LINE,
        /** A resourceType FHIR R4 does not have. */
        UNKNOWN_RESOURCE_TYPE,
        /** A clinical resource that names no patient (subject, patient, beneficiary). */
        NO_PATIENT_REFERENCE,
        /** A resource that is not valid FHIR R4 (a wrong type, an impossible date…): left out of the record. */
        INVALID_RESOURCE,
        /** A patient whose record holds no primary breast cancer (reported at the patient's first resource). */
        NO_BREAST_CANCER,
        /** A file that cannot be read at all (I/O error, broken gzip, a .json that is no Bundle). */
        UNREADABLE_FILE,
        /** A procedure dated after the patient's recorded death: not judged (catalogue A judges what was done before). */
        DATED_AFTER_DEATH
    }
}
