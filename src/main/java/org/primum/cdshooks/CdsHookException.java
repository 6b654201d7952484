package org.primum.cdshooks;

import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

/**
 * A CDS Hooks request that cannot be answered as given: malformed, unknown service, data not
 * available (no prefetch and no usable FHIR server, or the fetch timed out), too large. Answered like every other client error, with a FHIR OperationOutcome by the shared
 * {@code org.primum.api} mappers; the message never carries patient data.
 */
public class CdsHookException extends InvalidInputException {

    public CdsHookException(Problem problem, String issueCode, String message) {
        super(problem, issueCode, message, null);
    }

    public CdsHookException(Problem problem, String issueCode, String message, String location) {
        super(problem, issueCode, message, location);
    }
}
