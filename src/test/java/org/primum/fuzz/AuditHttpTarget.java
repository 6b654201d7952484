package org.primum.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpResponse;

/**
 * {@code POST /audit} with damaged NDJSON cohorts: a 4xx with an OperationOutcome, or 202 and then a job that
 * finishes (200, never a failed job) within the time allowed, its bad lines reported as input problems.
 */
final class AuditHttpTarget extends Target {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;

    AuditHttpTarget(URI base) {
        super("audit-http", Seeds.cohorts(), Mutant.Shape.NDJSON);
        this.base = base;
    }

    @Override
    Answer send(Seeds.Seed seed, FuzzCase c, byte[] input) throws Exception {
        HttpResponse<byte[]> kickOff = Http.post(base.resolve("/audit?asOf=" + seed.asOf()), "application/fhir+ndjson", input);
        if (kickOff.statusCode() != 202) {
            return kickOff.statusCode() < 300 ? new Answer(kickOff.statusCode(), "the kick-off answered " + kickOff.statusCode() + ", not 202")
                    : Answer.http(kickOff.statusCode(), kickOff.body());
        }
        URI status = URI.create(kickOff.headers().firstValue("Content-Location").orElseThrow());
        long deadline = System.nanoTime() + FuzzRunner.CALL_TIMEOUT.toNanos();
        try {
            while (true) {
                HttpResponse<byte[]> r = Http.send(Http.request(status).GET().build());
                if (r.statusCode() != 202) return judge(r, input);
                if (System.nanoTime() > deadline) return Answer.hang("audit job " + status);
                Thread.sleep(10);
            }
        } finally {
            Http.send(Http.request(status).DELETE().build());
        }
    }

    private static Answer judge(HttpResponse<byte[]> done, byte[] input) throws Exception {
        if (done.statusCode() != 200) return new Answer(done.statusCode(), "the audit job did not complete: " + new String(done.body()));
        JsonNode result = JSON.readTree(done.body());
        long reported = result.path("inputProblems").path("total").asLong(-1);
        int bad = BadLines.count(input);
        if (reported < bad) return new Answer(200, bad + " unreadable lines but " + reported + " input problems reported");
        return new Answer(200, null);
    }
}
