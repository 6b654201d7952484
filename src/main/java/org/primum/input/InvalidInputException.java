package org.primum.input;

/**
 * The input cannot be evaluated as given. Carries the {@link Problem}, the FHIR issue-type code
 * ({@code structure}, {@code required}, {@code value}, {@code invalid}, {@code not-supported},
 * {@code too-costly}…) and a FHIRPath-like location of the offending element
 * (e.g. {@code Bundle.entry[3].resource.onsetDateTime}); the entry points turn it into their protocol's
 * answer (HTTP: a 4xx with a FHIR OperationOutcome). The message never carries patient data.
 */
public class InvalidInputException extends RuntimeException {
    private final Problem problem;
    private final String location;
    private final String issueCode;

    public InvalidInputException(Problem problem, String issueCode, String message, String location) {
        super(message);
        this.problem = problem;
        this.issueCode = issueCode;
        this.location = location;
    }

    public Problem problem() { return problem; }

    /** FHIR issue-type code (invalid, structure, required, value, too-costly, not-supported...). */
    public String issueCode() { return issueCode; }

    public String location() { return location; }
}
