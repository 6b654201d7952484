import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The requests of the AOT cache's training run (Dockerfile; JEP 483/515: the classes these answers load and link, and
 * their methods' profiles, are what the cache keeps): the tumour board's answer to the bench Bundle, the path of the
 * first answer a start-up is measured by, and the CDS Hooks discovery. No dependencies (the JRE image has no curl):
 *   java AotTraining.java-compiled-class http://127.0.0.1:18099 bundle.json 200
 * Waits for the service to answer (at most 5 minutes), then sends the requests; exit status 1 on any answer but 200.
 */
public final class AotTraining {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path bundle = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest evaluate = HttpRequest.newBuilder(URI.create(base + "/tumour-board/evaluate?asOf=2025-07-01"))
                .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofFile(bundle)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(base + "/cds-services")).GET().build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            try {
                if (http.send(evaluate, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) break;
            } catch (java.io.IOException notListeningYet) {
                // the service is still starting
            }
            if (System.nanoTime() > deadline) throw new IllegalStateException("the service did not answer within 5 minutes");
            Thread.sleep(200);
        }
        for (int i = 0; i < count; i++) {
            expect200(http.send(evaluate, HttpResponse.BodyHandlers.ofByteArray()), "tumour board");
            if (i % 10 == 0) expect200(http.send(discovery, HttpResponse.BodyHandlers.ofByteArray()), "CDS Hooks discovery");
        }
        System.out.println("AOT training: " + count + " tumour-board answers");
    }

    private static void expect200(HttpResponse<byte[]> response, String what) {
        if (response.statusCode() != 200) {
            System.err.println(what + ": " + response.statusCode());
            System.exit(1);
        }
    }
}
