package org.primum.api;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.primum.fhir.HapiErrors;
import org.primum.input.InvalidInputException;
import io.vertx.core.http.HttpClosedException;

import java.nio.channels.ClosedChannelException;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Every failure of every endpoint becomes a FHIR OperationOutcome. Bad input is a 4xx naming what and
 * where; only a genuine fault of the server is a 500, which tells the client an incident id and nothing
 * else, while the log gets the id and the stack trace with every exception message removed (messages
 * can quote the request's content).
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    private final AllowedMethods allowedMethods;

    public ApiExceptionMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, ContainerRequestContext request) {
        return clientError(request, OperationOutcomes.status(e.problem()), e.issueCode(), e.getMessage(), e.location());
    }

    /** HAPI parse failures that did not go through {@code org.primum.fhir.FhirJsonReader} (which reports them with their location). */
    @ServerExceptionMapper
    public Response dataFormat(DataFormatException e, ContainerRequestContext request) {
        InvalidInputException invalid = HapiErrors.translate(e, null);
        return clientError(request, OperationOutcomes.status(invalid.problem()), invalid.issueCode(), invalid.getMessage(), invalid.location());
    }

    /** Request bodies read with Jackson (non-FHIR JSON): syntax errors and JSON that does not fit the expected shape. */
    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, ContainerRequestContext request) {
        String where = null;
        String what = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage().replace("\n", " ");
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                else if (ref.getIndex() >= 0) path.append('[').append(ref.getIndex()).append(']');
            }
            where = path.toString();
        } else if (e.getLocation() != null && e.getLocation() != JsonLocation.NA) {
            where = "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
        return clientError(request, 400, "structure", "the body is not valid JSON for this endpoint: " + what, where);
    }

    /** Quarkus has its own mapper for this subtype; ours answers with an OperationOutcome instead. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, ContainerRequestContext request) {
        return json(e, request);
    }

    /**
     * RESTEasy also says "not found" for a path it serves with other methods only when another route (the audit
     * upload, a Vert.x route) holds the method it lacks: that is a 405 too.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ContainerRequestContext request) {
        String path = path(request);
        Set<String> allowed = allowedMethods.of(path);
        if (request != null && !allowed.isEmpty() && !allowed.contains(request.getMethod())) return methodNotAllowed(request, allowed);
        return clientError(request, 404, "not-found", "no resource at " + path, null);
    }

    /** RESTEasy Reactive raises its 405 without the methods the path answers; {@link AllowedMethods} knows them. */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, ContainerRequestContext request) {
        Set<String> allowed = new TreeSet<>(allowedMethods.of(path(request)));
        if (allowed.isEmpty() && e.getResponse() != null) allowed.addAll(e.getResponse().getAllowedMethods());
        return methodNotAllowed(request, allowed);
    }

    private static Response methodNotAllowed(ContainerRequestContext request, Set<String> allowed) {
        Response oo = clientError(request, 405, "not-supported", "method " + (request == null ? "" : request.getMethod())
                + " is not allowed here" + (allowed.isEmpty() ? "" : "; allowed: " + AllowedMethods.header(allowed)), null);
        return Response.fromResponse(oo).header(HttpHeaders.ALLOW, AllowedMethods.header(allowed)).build();
    }

    private static String path(ContainerRequestContext request) {
        return request == null ? "/" : "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, ContainerRequestContext request) {
        String type = request == null ? null : request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return clientError(request, 415, "not-supported", "unsupported media type " + (type == null ? "(no Content-Type)" : type)
                + ": send FHIR R4 JSON as application/fhir+json (or application/json)", "Content-Type");
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, ContainerRequestContext request) {
        String accept = request == null ? null : request.getHeaderString(HttpHeaders.ACCEPT);
        return clientError(request, 406, "not-supported", "cannot answer in " + accept + ": this endpoint answers application/json"
                + " (errors as application/fhir+json)", "Accept");
    }

    /** Other JAX-RS errors keep their status; a 5xx among them is a server fault like any other. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        // Quarkus's JSON body reader wraps Jackson's syntax errors in a bare 400
        if (e.getCause() instanceof JsonProcessingException json) return json(json, request);
        if (status >= 500) return unexpected(e, request);
        String message = e.getMessage() == null ? Response.Status.fromStatusCode(status) + "" : e.getMessage();
        return clientError(request, status, status == 404 ? "not-found" : "invalid", message, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        if (clientClosed(e)) return closedByClient(request);
        String incident = UUID.randomUUID().toString();
        LOG.errorf(Scrubbed.of(e), "incident %s: request %s %s %s failed with %s", incident, RequestLog.id(request),
                request == null ? "" : request.getMethod(), request == null ? "" : request.getUriInfo().getPath(), e.getClass().getName());
        return OperationOutcomes.response(500, "exception", "internal error, incident " + incident
                + ": the request was not evaluated; the incident is logged on the server", null);
    }

    /**
     * The client closed its connection before the request was read in full (a load generator stopping, a browser
     * navigating away): nothing failed on the server and no one is there to read an answer, so this is an INFO line
     * without a stack trace, not an incident. The status only reaches the access log: the metrics count the request
     * as aborted (the response never ends).
     */
    private static Response closedByClient(ContainerRequestContext request) {
        LOG.infof("request %s %s %s: the client closed the connection before the request was read; not evaluated", RequestLog.id(request),
                request == null ? "" : request.getMethod(), request == null ? "" : request.getUriInfo().getPath());
        return OperationOutcomes.response(400, "incomplete", "the request was not received in full: the connection was closed", null);
    }

    /** A closed connection anywhere in the chain: Vert.x's {@link HttpClosedException}, often wrapped in the IOException of a body read. */
    static boolean clientClosed(Throwable e) {
        int depth = 0;
        for (Throwable c = e; c != null && depth < 20; c = c.getCause(), depth++) {
            if (c instanceof HttpClosedException || c instanceof ClosedChannelException) return true;
        }
        return false;
    }

    private static Response clientError(ContainerRequestContext request, int status, String issueCode, String message, String where) {
        // the issue code, status and location are logged; the message is not (it can quote the request's values)
        LOG.infof("request %s %s %s -> %d %s%s", RequestLog.id(request), request == null ? "" : request.getMethod(),
                request == null ? "" : request.getUriInfo().getPath(), status, issueCode, where == null ? "" : " at " + where);
        return OperationOutcomes.response(status, issueCode, message, where);
    }

    /** A copy of an exception chain with the class names and stack frames, without the messages. */
    static final class Scrubbed extends RuntimeException {
        private final String type;

        private Scrubbed(Throwable original, Scrubbed cause) {
            super(null, cause, false, true);
            this.type = original.getClass().getName();
            setStackTrace(original.getStackTrace());
        }

        static Scrubbed of(Throwable t) {
            java.util.List<Throwable> chain = new java.util.ArrayList<>();
            for (Throwable c = t; c != null && !chain.contains(c) && chain.size() < 20; c = c.getCause()) chain.add(c);
            Scrubbed s = null;
            for (int i = chain.size() - 1; i >= 0; i--) s = new Scrubbed(chain.get(i), s);
            return s;
        }

        @Override
        public String toString() {
            return type + " (message withheld)";
        }
    }
}
