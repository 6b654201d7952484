package org.primum.audit.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.primum.api.ContentEncoding;
import org.primum.api.OperationOutcomes;
import org.primum.audit.store.DatabaseUnavailableException;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code POST /audit[?asOf=YYYY-MM-DD]}: the Bulk Data kick-off of a cohort audit. The body, FHIR NDJSON
 * ({@code application/fhir+ndjson}) or a Bundle ({@code application/fhir+json}), is streamed to a file as
 * it arrives (never held in memory), under its own limit ({@code primum.audit.max-upload-bytes}); then
 * {@code 202 Accepted} with {@code Content-Location} of the job's status URL ({@code /audit/jobs/{id}}).
 * <p>
 * {@code Content-Encoding: gzip}: the body is received as sent (at most the limit), then decoded on a worker thread
 * into the file the audit reads, the limit counted again on the decoded bytes ({@link GzipUpload}: a gzip bomb stops
 * at the limit); 413 past it, 400 for data that is not gzip. (Unknown codings are refused before this route, 415.)
 * <p>
 * A Vert.x route rather than a REST resource, ordered before Quarkus' body-size check
 * ({@code quarkus.http.limits.max-body-size}, 64 MB here) and outside the REST layer (whose request filter
 * applies {@code primum.max-body-bytes}, 5 MB, to the evaluate endpoints): both limits stay as they are for
 * every other endpoint.
 */
@Singleton
public class AuditUploadRoute {

    private static final Logger LOG = Logger.getLogger(AuditUploadRoute.class);
    /** Before {@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} (-2). */
    static final int ORDER = -3;

    private final AuditJobService service;

    public AuditUploadRoute(AuditJobService service) {
        this.service = service;
    }

    void register(@Observes Router router) {
        router.post("/audit").order(ORDER).handler(this::upload);
    }

    private void upload(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        var jobs = service.jobs().orElse(null);
        if (jobs == null) {
            reply(ctx, OperationOutcomes.response(501, "not-supported", "this build of the service has no audit engine", null));
            return;
        }
        long max = service.maxUploadBytes();
        String extension;
        LocalDate asOf;
        boolean gzip;
        try {
            gzip = ContentEncoding.of(request.getHeader(ContentEncoding.HEADER)) == ContentEncoding.GZIP;
            extension = extension(request.getHeader(HttpHeaders.CONTENT_TYPE));
            asOf = asOf(request.getParam("asOf"));
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && parseLength(length) > max) throw tooLarge(max);
        } catch (InvalidInputException e) {
            reply(ctx, OperationOutcomes.response(e));
            return;
        }
        String id = UUID.randomUUID().toString();
        Path file, received;
        try {
            file = jobs.newUpload(id, extension);
            received = gzip ? jobs.newUpload(id, extension + ".gz") : file;
        } catch (IOException e) {
            LOG.warnf("audit upload: work folder not writable (%s)", e.getClass().getName());
            reply(ctx, OperationOutcomes.response(500, "exception", "the upload cannot be stored", null));
            return;
        }
        request.pause();
        ctx.vertx().fileSystem().open(received.toString(), new OpenOptions().setWrite(true).setCreateNew(true), opened -> {
            if (opened.failed()) {
                reply(ctx, OperationOutcomes.response(500, "exception", "the upload cannot be stored", null));
                return;
            }
            new Upload(ctx, opened.result(), received, file, max, id, asOf, jobs).start();
        });
    }

    /**
     * One body being written to its file ({@code received}), counted against the limit as it arrives; gzip is then
     * decoded into {@code file}, the one the audit reads (without a coding both are the same file).
     */
    private final class Upload {
        private final RoutingContext ctx;
        private final AsyncFile out;
        private final Path received;
        private final Path file;
        private final long max;
        private final String id;
        private final LocalDate asOf;
        private final AuditJobs jobs;
        private long bytes;
        private boolean aborted;

        Upload(RoutingContext ctx, AsyncFile out, Path received, Path file, long max, String id, LocalDate asOf, AuditJobs jobs) {
            this.ctx = ctx;
            this.out = out;
            this.received = received;
            this.file = file;
            this.max = max;
            this.id = id;
            this.asOf = asOf;
            this.jobs = jobs;
        }

        void start() {
            HttpServerRequest request = ctx.request();
            request.handler(buffer -> {
                if (aborted) return;
                bytes += buffer.length();
                if (bytes > max) {
                    abort(OperationOutcomes.response(tooLarge(max)));
                    return;
                }
                out.write(buffer);
                if (out.writeQueueFull()) {
                    request.pause();
                    out.drainHandler(v -> request.resume());
                }
            });
            request.exceptionHandler(e -> abort(null));
            request.endHandler(v -> {
                if (aborted) return;
                out.close(closed -> ctx.vertx().executeBlocking(() -> {
                    long stored = received.equals(file) ? bytes : decoded();
                    if (stored == 0) {
                        throw new InvalidInputException(Problem.MALFORMED, "required", "the request body is empty", "request body");
                    }
                    jobs.submit(id, file, stored, asOf);
                    return stored;
                }, false).onComplete(submitted -> {
                    if (submitted.failed()) {
                        discard();
                        if (submitted.cause() instanceof InvalidInputException e) {
                            reply(ctx, OperationOutcomes.response(e));
                            return;
                        }
                        if (submitted.cause() instanceof DatabaseUnavailableException e) { // schema still migrating, or its migration failed
                            reply(ctx, OperationOutcomes.response(503, e.transientState() ? "transient" : "exception", e.getMessage(), null));
                            return;
                        }
                        LOG.warnf("audit job %s not created: %s", id, submitted.cause().getClass().getName());
                        reply(ctx, OperationOutcomes.response(500, "exception", "the audit job cannot be created", null));
                        return;
                    }
                    LOG.infof("audit job %s submitted: %d bytes", id, submitted.result());
                    String status = URI.create(ctx.request().absoluteURI()).resolve("/audit/jobs/" + id).toString();
                    ctx.response().setStatusCode(202).putHeader("Content-Location", status).end();
                }));
            });
            request.resume();
        }

        private void abort(Response answer) {
            aborted = true;
            out.close(closed -> discard());
            if (answer != null && !ctx.response().ended()) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                reply(ctx, answer);
            }
        }

        /** The gzip body decoded into {@code file}, its received copy deleted; the decoded bytes. */
        private long decoded() throws IOException {
            try {
                return GzipUpload.decode(received, file, max);
            } finally {
                Files.deleteIfExists(received);
            }
        }

        private void discard() {
            try {
                Files.deleteIfExists(received);
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("audit upload %s not deleted", id);
            }
        }
    }

    /** {@code .ndjson} for FHIR NDJSON, {@code .json} for a Bundle; anything else is 415. */
    static String extension(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/fhir+ndjson", "application/ndjson", "application/x-ndjson" -> ".ndjson";
            case "application/fhir+json", "application/json" -> ".json";
            default -> throw new InvalidInputException(Problem.UNSUPPORTED_MEDIA_TYPE, "not-supported",
                    "POST /audit takes application/fhir+ndjson (FHIR NDJSON) or application/fhir+json (a Bundle)", "Content-Type");
        };
    }

    static LocalDate asOf(String param) {
        if (param == null || param.isBlank()) return LocalDate.now();
        try {
            if (param.trim().matches("\\d{4}-\\d{2}-\\d{2}")) return LocalDate.parse(param.trim());
        } catch (DateTimeParseException ignored) {
            // the error below
        }
        throw new InvalidInputException(Problem.MALFORMED, "value", "asOf must be a calendar date written YYYY-MM-DD", "asOf");
    }

    private static long parseLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Problem.MALFORMED, "invalid", "Content-Length is not a number", "Content-Length");
        }
    }

    private static InvalidInputException tooLarge(long max) {
        return new InvalidInputException(Problem.TOO_LARGE, "too-costly", "the upload is over " + max
                + " bytes, the limit of primum.audit.max-upload-bytes", "request body");
    }

    private static void reply(RoutingContext ctx, Response answer) {
        ctx.response().setStatusCode(answer.getStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, OperationOutcomes.FHIR_JSON)
                .end(String.valueOf(answer.getEntity()));
    }
}
