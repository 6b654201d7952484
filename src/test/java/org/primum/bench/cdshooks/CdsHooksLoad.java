package org.primum.bench.cdshooks;

import org.primum.bench.OpenLoop;
import org.primum.cdshooks.TestJwt;
import org.primum.cdshooks.TestPatient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * The load side of {@code bench/budget.sh}: keys, the patient-view request, client JWTs, and fixed-rate
 * (open-loop) runs through {@link OpenLoop}. Every patient-view request carries its own signed client JWT
 * (fresh jti), signed before the run (or, in the soak, a minute ahead on a background thread: a token lives
 * at most 5 minutes) so that the signing does not load the machine while latencies are taken. Not a test.
 * <pre>
 * keys  DIR                                   write DIR/jwks.json (public) and DIR/keys.json (private)
 * body  DIR                                   write DIR/body.json: patient-view with full prefetch of a ~30-resource chart
 * tokens DIR URL N [ALG]                      write N tokens for audience URL to DIR/tokens.txt (ES384 or RS384)
 * load  DIR URL RATES SECONDS ALG [WARMUP]    patient-view with JWT at each rate (comma-separated)
 * plain BODY CONTENT_TYPE URL RATES SECONDS [WARMUP]  the same without JWT (the tumour board: BODY posted as is)
 * soak  DIR URL RATE SECONDS ALG              patient-view at one rate for SECONDS, one line per minute and the total
 * </pre>
 */
public final class CdsHooksLoad {

    private static final String JSON = "application/json";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "keys" -> {
                Path dir = Path.of(args[1]);
                Files.createDirectories(dir);
                TestJwt keys = TestJwt.generate();
                Files.writeString(dir.resolve("jwks.json"), keys.publicJwks("ec-1", "rsa-1"));
                Files.writeString(dir.resolve("keys.json"), keys.privateJwks());
            }
            case "body" -> {
                TestPatient p = TestPatient.realistic("bench-patient");
                String body = p.request("patient-view", p.prefetchAll(), List.of()).toString();
                Files.writeString(Path.of(args[1]).resolve("body.json"), body);
                System.out.printf("patient-view body: %d resources, %d bytes%n",
                        p.byKey().values().stream().mapToInt(List::size).sum(), body.length());
            }
            case "tokens" -> Files.write(Path.of(args[1]).resolve("tokens.txt"),
                    sign(keys(Path.of(args[1])), args[2], Integer.parseInt(args[3]), args.length > 4 ? args[4] : "ES384"));
            case "load" -> load(Path.of(args[1]), URI.create(args[2]), rates(args[3]), Integer.parseInt(args[4]), args[5],
                    args.length > 6 ? Integer.parseInt(args[6]) : 10);
            case "plain" -> plain(Files.readAllBytes(Path.of(args[1])), args[2], URI.create(args[3]), rates(args[4]),
                    Integer.parseInt(args[5]), args.length > 6 ? Integer.parseInt(args[6]) : 10);
            case "soak" -> soak(Path.of(args[1]), URI.create(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5]);
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    private static int[] rates(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static TestJwt keys(Path dir) throws IOException {
        return TestJwt.fromPrivateJwks(Files.readString(dir.resolve("keys.json")));
    }

    static List<String> sign(TestJwt keys, String audience, int n, String alg) {
        String key = "RS384".equals(alg) ? "rsa-1" : "ec-1";
        return IntStream.range(0, n).parallel()
                .mapToObj(i -> keys.token(audience).key(key).lifetimeSeconds(290).compact()).toList();
    }

    private static void load(Path dir, URI url, int[] rates, int seconds, String alg, int warmup) throws Exception {
        byte[] body = Files.readAllBytes(dir.resolve("body.json"));
        TestJwt keys = keys(dir);
        OpenLoop loop = new OpenLoop();
        if (warmup > 0) {
            List<String> tokens = sign(keys, url.toString(), rates[0] * warmup, alg);
            loop.run(tokens.size(), rates[0], i -> withToken(url, body, tokens.get(i)));
        }
        for (int rate : rates) {
            List<String> tokens = sign(keys, url.toString(), rate * seconds, alg);
            Thread.sleep(2000); // let the signing's garbage and JIT settle
            OpenLoop.Result r = loop.run(tokens.size(), rate, i -> withToken(url, body, tokens.get(i)));
            System.out.println(r.line("patient-view open loop, JWT " + alg, rate));
        }
    }

    private static void plain(byte[] body, String contentType, URI url, int[] rates, int seconds, int warmup) throws Exception {
        OpenLoop loop = new OpenLoop();
        if (warmup > 0) loop.run(rates[0] * warmup, rates[0], i -> OpenLoop.post(url, contentType, body));
        for (int rate : rates) {
            Thread.sleep(1000);
            OpenLoop.Result r = loop.run(rate * seconds, rate, i -> OpenLoop.post(url, contentType, body));
            System.out.println(r.line("tumour-board open loop", rate));
        }
    }

    /** Minute by minute; the tokens of the next minute are signed while this one runs. */
    private static void soak(Path dir, URI url, int rate, int seconds, String alg) throws Exception {
        byte[] body = Files.readAllBytes(dir.resolve("body.json"));
        TestJwt keys = keys(dir);
        OpenLoop loop = new OpenLoop();
        int minutes = Math.max(1, seconds / 60);
        int perMinute = rate * 60;
        CompletableFuture<List<String>> next = CompletableFuture.completedFuture(sign(keys, url.toString(), perMinute, alg));
        long ok = 0, errors = 0;
        for (int m = 1; m <= minutes; m++) {
            List<String> tokens = next.get();
            if (m < minutes) next = CompletableFuture.supplyAsync(() -> sign(keys, url.toString(), perMinute, alg));
            OpenLoop.Result r = loop.run(perMinute, rate, i -> withToken(url, body, tokens.get(i)));
            ok += r.ok();
            errors += r.non200() + r.failed();
            System.out.println(r.line(String.format(Locale.ROOT, "soak minute %2d (at %ds)", m, m * 60), rate));
        }
        System.out.printf(Locale.ROOT, "soak total: %d minutes at %d req/s, %d answered, %d errors%n", minutes, rate, ok, errors);
    }

    private static java.net.http.HttpRequest.Builder withToken(URI url, byte[] body, String token) {
        return OpenLoop.post(url, JSON, body).header("Authorization", "Bearer " + token);
    }
}
