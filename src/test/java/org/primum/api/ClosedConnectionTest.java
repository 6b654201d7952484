package org.primum.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.primum.privacy.LogCapture;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A client that closes its connection in the middle of the body it announced (a load generator stopping, a browser
 * navigating away) is not a fault of the server: an INFO line without a stack trace, no incident, and the service
 * goes on serving.
 */
@QuarkusTest
class ClosedConnectionTest {

    private static final String CLOSED = "the client closed the connection before the request was read";

    @Test
    void aBodyCutOffByTheClientIsAnInfoLineNotAnIncident() throws Exception {
        try (LogCapture log = LogCapture.atDebug(List.of("org.primum.api"))) {
            // small enough to be buffered before dispatch, then large enough to be read on the worker thread
            sendHalfAndClose(4_000, 2_000);
            sendHalfAndClose(2_000_000, 300_000);

            long deadline = System.nanoTime() + 8_000_000_000L;
            while (!log.text().contains(CLOSED) && System.nanoTime() < deadline) Thread.sleep(20);
            Thread.sleep(200); // anything the first request still had to say

            String text = log.text();
            assertThat(text).contains("INFO org.primum.api.ApiExceptionMappers: request ").contains(CLOSED);
            assertThat(text).doesNotContain("incident").doesNotContain("SEVERE").doesNotContain("ERROR");
            // the INFO line comes without a stack trace: LogCapture writes a thrown exception on an indented line
            assertThat(text.lines().filter(l -> l.startsWith("  "))).isEmpty();
        }
        given().contentType("application/fhir+json")
                .body("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"}}]}")
                .post("/test-api/fhir").then().statusCode(200).body("resources", equalTo(1));
    }

    @Test
    void onlyAClosedConnectionIsTakenForOne() {
        assertThat(ApiExceptionMappers.clientClosed(new IOException(new io.vertx.core.http.HttpClosedException("Connection was closed")))).isTrue();
        assertThat(ApiExceptionMappers.clientClosed(new io.vertx.core.http.HttpClosedException("Connection was closed"))).isTrue();
        assertThat(ApiExceptionMappers.clientClosed(new IOException("disk full"))).isFalse();
        assertThat(ApiExceptionMappers.clientClosed(new IllegalStateException(new RuntimeException()))).isFalse();
    }

    /** Announces {@code announced} bytes, sends {@code sent} of them, and closes the connection. */
    private static void sendHalfAndClose(int announced, int sent) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /test-api/fhir HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/fhir+json\r\n"
                    + "Content-Length: " + announced + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[sent];
            java.util.Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '{';
            out.write(chunk);
            out.flush();
        }
    }
}
