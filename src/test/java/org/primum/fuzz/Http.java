package org.primum.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Calls to the test's Quarkus application on its loopback port, each bounded by {@link FuzzRunner#CALL_TIMEOUT}.
 * The JDK client rather than RestAssured: a per-request timeout as the hang detector, and a tenth of the
 * per-call overhead, which decides whether 10,000 inputs fit in a CI run.
 */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(FuzzRunner.CALL_TIMEOUT).build();

    private Http() {
    }

    static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(FuzzRunner.CALL_TIMEOUT);
    }

    static HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> post(URI uri, String contentType, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = request(uri).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) b.headers(headers);
        return send(b.build());
    }
}
