package org.primum.bench.cdshooks;

import org.primum.cdshooks.CdsServiceCatalog;
import org.primum.cdshooks.TestJwt;
import org.primum.cdshooks.TestPatient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * Open-loop load for {@code POST /cds-services/dnmbc-lrt-patient-view}: requests are sent at a fixed
 * rate whatever the answers' latency, and each latency is measured from the moment the request was
 * due (no coordinated omission). Every request carries its own signed client JWT (fresh jti), signed
 * before the run so the signing does not load the machine during it. Not a test: run by
 * {@code bench/cdshooks/run.sh}.
 * <pre>
 * keys  DIR                       write DIR/jwks.json (public) and DIR/keys.json (private) for a run
 * body  DIR                       write DIR/body.json: patient-view with full prefetch of a ~30-resource chart
 * tokens DIR URL N [ALG]          write N tokens for audience URL to DIR/tokens.txt (ES384 or RS384)
 * load  DIR URL RATES SECONDS [ALG] [WARMUP_SECONDS]  fixed-rate runs (RATES comma-separated, e.g. 250,500,1000),
 *                                 each printing achieved throughput and latency percentiles
 * </pre>
 */
public final class CdsHooksLoad {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "keys" -> {
                Files.createDirectories(dir);
                TestJwt keys = TestJwt.generate();
                Files.writeString(dir.resolve("jwks.json"), keys.publicJwks("ec-1", "rsa-1"));
                Files.writeString(dir.resolve("keys.json"), privateJwks(keys));
            }
            case "body" -> {
                TestPatient p = TestPatient.realistic("bench-patient");
                String body = p.request("patient-view", p.prefetchAll(), List.of()).toString();
                Files.writeString(dir.resolve("body.json"), body);
                System.out.printf("body: %d resources, %d bytes%n", p.byKey().values().stream().mapToInt(List::size).sum(), body.length());
            }
            case "tokens" -> {
                List<String> tokens = sign(keys(dir), args[2], Integer.parseInt(args[3]), args.length > 4 ? args[4] : "ES384");
                Files.write(dir.resolve("tokens.txt"), tokens);
            }
            case "load" -> load(dir, args[2], Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray(), Integer.parseInt(args[4]),
                    args.length > 5 ? args[5] : "ES384", args.length > 6 ? Integer.parseInt(args[6]) : 10);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static String privateJwks(TestJwt keys) {
        return keys.privateJwks();
    }

    private static TestJwt keys(Path dir) throws IOException {
        return TestJwt.fromPrivateJwks(Files.readString(dir.resolve("keys.json")));
    }

    static List<String> sign(TestJwt keys, String audience, int n, String alg) {
        String key = "RS384".equals(alg) ? "rsa-1" : "ec-1";
        return IntStream.range(0, n).parallel()
                .mapToObj(i -> keys.token(audience).key(key).lifetimeSeconds(290).compact()).toList();
    }

    private static void load(Path dir, String url, int[] rates, int seconds, String alg, int warmup) throws Exception {
        byte[] body = Files.readAllBytes(dir.resolve("body.json"));
        TestJwt keys = keys(dir);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
        if (warmup > 0) {
            System.out.printf("warm-up: %d s at %d req/s%n", warmup, rates[0]);
            run(client, url, body, sign(keys, url, rates[0] * warmup, alg), rates[0]);
        }
        for (int rate : rates) {
            List<String> tokens = sign(keys, url, rate * seconds, alg);
            Thread.sleep(2000);
            Result r = run(client, url, body, tokens, rate);
            long[] lat = r.latenciesNanos;
            Arrays.sort(lat);
            System.out.printf(Locale.ROOT, "rate %4d req/s for %d s, JWT %s: %.0f req/s completed, %d non-200, %d failed | latency ms p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                    rate, seconds, alg, r.completed / r.seconds, r.non200, r.failed,
                    pct(lat, 50), pct(lat, 90), pct(lat, 99), pct(lat, 99.9), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
        }
        System.exit(0);
    }

    record Result(long[] latenciesNanos, int completed, int non200, int failed, double seconds) {
    }

    private static Result run(HttpClient client, String url, byte[] body, List<String> tokens, int rate) throws InterruptedException {
        int n = tokens.size();
        long[] latency = new long[n];
        Arrays.fill(latency, -1);
        AtomicInteger non200 = new AtomicInteger(), failed = new AtomicInteger(), done = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(n);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        URI uri = URI.create(url);
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(Math.min(wait, 200_000));
            final int k = i;
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.get(i))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((resp, err) -> {
                latency[k] = System.nanoTime() - due;
                if (err != null) failed.incrementAndGet();
                else if (resp.statusCode() != 200) non200.incrementAndGet();
                else done.incrementAndGet();
                all.countDown();
            });
        }
        all.await(30, TimeUnit.SECONDS);
        double secs = (System.nanoTime() - start) / 1e9;
        long[] ok = Arrays.stream(latency).filter(l -> l >= 0).toArray();
        return new Result(ok, done.get(), non200.get(), failed.get(), secs);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
