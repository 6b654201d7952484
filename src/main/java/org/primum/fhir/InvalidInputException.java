package org.primum.fhir;

/**
 * The request cannot be evaluated as given: the HTTP layers turn it into a 4xx with a FHIR
 * OperationOutcome. {@code location} is a FHIRPath-like pointer to the offending element
 * (e.g. {@code Bundle.entry[3].resource.onsetDateTime}).
 */
public class InvalidInputException extends RuntimeException {
    private final int status;
    private final String location;
    private final String issueCode;

    public InvalidInputException(int status, String issueCode, String message, String location) {
        super(message);
        this.status = status;
        this.issueCode = issueCode;
        this.location = location;
    }

    /** HTTP status: 400 malformed, 413 too large, 415 media type, 422 unprocessable FHIR content. */
    public int status() { return status; }

    /** FHIR issue-type code (invalid, structure, required, value, too-costly, not-supported...). */
    public String issueCode() { return issueCode; }

    public String location() { return location; }
}
