package org.primum.cdshooks;

/**
 * A CDS Hooks request that cannot be answered as given: 400 malformed, 401 unauthenticated, 404 unknown
 * service, 412 data not available (no prefetch and no usable FHIR server, or the fetch timed out),
 * 413 too large. Answered with a FHIR OperationOutcome ({@link CdsErrors}); the message never carries
 * patient data.
 */
public class CdsHookException extends RuntimeException {
    private final int status;
    private final String issueCode;
    private final String location;

    public CdsHookException(int status, String issueCode, String message) {
        this(status, issueCode, message, null);
    }

    public CdsHookException(int status, String issueCode, String message, String location) {
        super(message, null, false, false);
        this.status = status;
        this.issueCode = issueCode;
        this.location = location;
    }

    public int status() { return status; }

    /** FHIR issue-type code: invalid, structure, required, security, not-found, timeout, too-costly... */
    public String issueCode() { return issueCode; }

    public String location() { return location; }
}
