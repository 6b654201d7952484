package org.primum.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * A fixed-rate (open-loop) HTTP load: request {@code i} is due at {@code start + i / rate} and is sent then,
 * whatever the latency of the earlier ones; its latency is measured from the moment it was due, so a stalled
 * server shows as latency instead of silently slowing the sender (no coordinated omission). Requests go out over
 * at most {@value #CONNECTIONS} keep-alive connections: an unbounded client opens a new connection for every
 * request due while the others are busy, and on two shared cores that storm, not the service, set the figures. The requests come
 * from a function of their index (a body and, for CDS Hooks, a token of their own). Not a test: used by
 * {@code bench/budget.sh} through {@link org.primum.bench.cdshooks.CdsHooksLoad}.
 */
public final class OpenLoop {

    /** What one run gave: latencies of the answered requests, sorted, and the counts. */
    public record Result(long[] sortedLatencyNanos, int ok, int non200, int failed, double seconds) {

        public double pct(double p) {
            if (sortedLatencyNanos.length == 0) return 0;
            int i = (int) Math.ceil(p / 100.0 * sortedLatencyNanos.length) - 1;
            return sortedLatencyNanos[Math.max(0, Math.min(sortedLatencyNanos.length - 1, i))] / 1e6;
        }

        public double max() {
            return sortedLatencyNanos.length == 0 ? 0 : sortedLatencyNanos[sortedLatencyNanos.length - 1] / 1e6;
        }

        /** One line, the same shape for every run of the script (parsed by nobody, read by people). */
        public String line(String label, int rate) {
            return String.format(Locale.ROOT, "%-34s offered %5d req/s  achieved %7.1f req/s  errors %d (non-200 %d, failed %d)"
                            + "  latency ms p50 %7.2f  p90 %7.2f  p99 %7.2f  max %8.2f",
                    label, rate, ok / seconds, non200 + failed, non200, failed, pct(50), pct(90), pct(99), max());
        }
    }

    /** Connections at most (one request in flight on each): enough for the rates here, few enough not to swamp 2 cores. */
    private static final int CONNECTIONS = 48;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(2, daemon("open-loop-io"))).connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS, daemon("open-loop-sender"));

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Sends {@code n} requests at {@code rate} per second and waits for their answers (10 s time-out each). A request
     * due while all connections are busy waits for one in a queue, and that wait is part of its latency.
     */
    public Result run(int n, int rate, IntFunction<HttpRequest.Builder> request) throws InterruptedException {
        long[] latency = new long[n];
        Arrays.fill(latency, -1);
        AtomicInteger non200 = new AtomicInteger(), failed = new AtomicInteger(), ok = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(n);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(Math.min(wait, 200_000));
            final int k = i;
            senders.execute(() -> {
                try {
                    HttpResponse<Void> resp = client.send(request.apply(k).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (resp.statusCode() != 200) non200.incrementAndGet();
                    else {
                        latency[k] = System.nanoTime() - due;
                        ok.incrementAndGet();
                    }
                } catch (IOException | RuntimeException e) {
                    failed.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.incrementAndGet();
                } finally {
                    all.countDown();
                }
            });
        }
        boolean finished = all.await(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] answered = Arrays.stream(latency).filter(l -> l >= 0).sorted().toArray();
        int lost = finished ? 0 : (int) all.getCount();
        return new Result(answered, ok.get(), non200.get(), failed.get() + lost, seconds);
    }

    /** A POST of {@code body} to {@code url}. */
    public static HttpRequest.Builder post(URI url, String contentType, byte[] body) {
        return HttpRequest.newBuilder(url).header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
}
