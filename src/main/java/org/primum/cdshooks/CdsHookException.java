package org.primum.cdshooks;

import org.primum.fhir.InvalidInputException;

/**
 * A CDS Hooks request that cannot be answered as given: 400 malformed, 401 unauthenticated, 404 unknown
 * service, 412 data not available (no prefetch and no usable FHIR server, or the fetch timed out),
 * 413 too large. Answered like every other client error, with a FHIR OperationOutcome by the shared
 * {@code org.primum.api} mappers; the message never carries patient data.
 */
public class CdsHookException extends InvalidInputException {

    public CdsHookException(int status, String issueCode, String message) {
        super(status, issueCode, message, null);
    }

    public CdsHookException(int status, String issueCode, String message, String location) {
        super(status, issueCode, message, location);
    }
}
