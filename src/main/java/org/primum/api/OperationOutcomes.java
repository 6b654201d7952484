package org.primum.api;

import ca.uhn.fhir.context.FhirContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.util.regex.Pattern;

/**
 * Every error answer of the HTTP API: a FHIR R4 OperationOutcome ({@code application/fhir+json}) with
 * one issue saying what is wrong (severity, issue-type code, diagnostics) and where ({@code expression}
 * for a FHIRPath-like pointer such as {@code Bundle.entry[3].resource.onsetDateTime} or a parameter
 * name such as {@code asOf}; {@code location} always, which also carries positions that are not
 * FHIRPath, such as {@code line 3, column 17}). A choice element is located as its definition names it,
 * {@code Bundle.entry[4].resource.value[x]}; its FHIRPath expression is the element's name, {@code ….value}.
 */
public final class OperationOutcomes {

    public static final String FHIR_JSON = "application/fhir+json";
    public static final MediaType FHIR_JSON_TYPE = new MediaType("application", "fhir+json");

    /** A pointer that FHIRPath can express: a dotted path with optional [n] indexes, or a parameter name. */
    private static final Pattern FHIRPATH = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]*(\\[\\d+])?(\\.[A-Za-z_][A-Za-z0-9_\\-]*(\\[\\d+])?)*");

    private OperationOutcomes() {
    }

    public static OperationOutcome outcome(IssueSeverity severity, String issueCode, String diagnostics, String where) {
        OperationOutcome oo = new OperationOutcome();
        var issue = oo.addIssue().setSeverity(severity).setCode(issueType(issueCode)).setDiagnostics(diagnostics);
        if (where != null && !where.isBlank()) {
            String expression = where.replace("[x]", "");
            if (FHIRPATH.matcher(expression).matches()) issue.addExpression(expression);
            issue.addLocation(where);
        }
        return oo;
    }

    public static OperationOutcome error(String issueCode, String diagnostics, String where) {
        return outcome(IssueSeverity.ERROR, issueCode, diagnostics, where);
    }

    /** Serialised with HAPI's JSON parser (the FhirContext is created once, parsers are cheap). */
    public static String toJson(OperationOutcome oo) {
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(oo);
    }

    /** The one place a domain {@link Problem} becomes an HTTP status. */
    public static int status(Problem problem) {
        return switch (problem) {
            case MALFORMED -> 400;
            case NOT_FOUND -> 404;
            case DATA_UNAVAILABLE -> 412;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNPROCESSABLE -> 422;
        };
    }

    public static Response response(int status, OperationOutcome oo) {
        return Response.status(status).type(FHIR_JSON_TYPE).entity(toJson(oo)).build();
    }

    public static Response response(int status, String issueCode, String diagnostics, String where) {
        return response(status, error(issueCode, diagnostics, where));
    }

    public static Response response(InvalidInputException e) {
        return response(status(e.problem()), e.issueCode(), e.getMessage(), e.location());
    }

    /** The FHIR issue-type for a code string; an unknown code becomes {@code invalid} rather than failing the error answer. */
    static IssueType issueType(String code) {
        if (code == null) return IssueType.INVALID;
        try {
            return IssueType.fromCode(code);
        } catch (Exception e) {
            return IssueType.INVALID;
        }
    }
}
