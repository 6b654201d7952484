package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.primum.cdshooks.security.FhirServerUrl;
import org.primum.core.FhirInput;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;

/**
 * Fetches the prefetch data the EHR did not send from its FHIR server ({@code fhirServer}, with the
 * {@code fhirAuthorization} bearer token): the prefetch templates with the context filled in, read or
 * search, following {@code next} links (only on {@code fhirServer}, at most {@code fetch-max-pages} pages), all
 * keys in parallel and the whole within a time box; also the pages after a prefetch Bundle's first and the
 * Medications the records reference. Any data
 * that cannot be had is a {@link CdsHookException} 412 (the CDS Hooks answer for "required data not
 * available"), with issue code {@code timeout} when the time box ran out.
 * <p>
 * Plain JDK HTTP client (HAPI's generic client is not served at the HAPI version of the project, 8.12.1, by
 * the registry this project builds from). What it returns is JSON for the core ({@link FhirInput}), one input
 * per page, located {@code fhirServer.<key>} (first page) or {@code fhirServer.<key>.page[n]}; it looks at
 * the JSON only as far as paging needs (resourceType, the {@code next} link), the core reads the FHIR.
 */
public final class FhirFetcher {
    private static final Logger LOG = Logger.getLogger(FhirFetcher.class);

    /** Where the errors of fetched data are located: {@code fhirServer.<key>...}. */
    static final String LOCATION = "fhirServer";

    private final HttpClient http;
    private final Duration timeout;
    private final int maxPages;

    public FhirFetcher(Duration timeout, int maxPages) {
        this.timeout = timeout;
        this.maxPages = maxPages;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * One thing to fetch: {@code url} relative to {@code fhirServer} or absolute on it, read or search, its
     * pages followed from page {@code firstPage} on (2 when it continues a prefetch Bundle's first page).
     * {@code key} locates what comes back ({@code fhirServer.<key>}, {@code fhirServer.<key>.page[n]});
     * {@code what} names it in the 412s.
     */
    public record Fetch(String key, String what, String url, int firstPage) {

        /** The search or read of a prefetch template, with the patient filled in. */
        public static Fetch prefetchKey(String key, String template, String patientId) {
            return new Fetch(key, "prefetch key '" + key + "'",
                    template.replace("{{context.patientId}}", URLEncoder.encode(patientId, StandardCharsets.UTF_8)), 1);
        }
    }

    /** The time box of one hook call's fetching, from now: pass it to every {@link #fetch(String, String, List, long)} of the call. */
    public long deadline() {
        return System.nanoTime() + timeout.toNanos();
    }

    /** The data of each key: a read gives one resource, a search one Bundle per page. */
    public Map<String, List<FhirInput>> fetch(String fhirServer, String accessToken, Map<String, String> templates, String patientId) {
        List<Fetch> fetches = new ArrayList<>();
        templates.forEach((key, template) -> fetches.add(Fetch.prefetchKey(key, template, patientId)));
        return fetch(fhirServer, accessToken, fetches, deadline());
    }

    /**
     * Everything in {@code fetches}, in parallel, by {@code deadline} ({@link System#nanoTime()}): key → one input
     * per page. Only URLs on {@code fhirServer} are fetched ({@link FhirServerUrl}): the token never leaves it.
     */
    public Map<String, List<FhirInput>> fetch(String fhirServer, String accessToken, List<Fetch> fetches, long deadline) {
        String base = fhirServer.endsWith("/") ? fhirServer.substring(0, fhirServer.length() - 1) : fhirServer;
        if (FhirServerUrl.parse(base).isEmpty()) {
            throw new CdsHookException(Problem.MALFORMED, "invalid", "fhirServer is not an http(s) URL", "fhirServer");
        }
        URI baseUri = URI.create(base + "/");
        Map<String, CompletableFuture<List<FhirInput>>> futures = new LinkedHashMap<>();
        for (Fetch f : fetches) {
            if (f.firstPage() > maxPages) throw tooManyPages(f.what(), maxPages);
            URI uri = onServer(baseUri, base, f.url(), f.what(), "its URL");
            List<FhirInput> collected = Collections.synchronizedList(new ArrayList<>());
            futures.put(f.key(), page(uri, base, accessToken, deadline, f, collected, f.firstPage()).thenApply(v -> List.copyOf(collected)));
        }
        try {
            CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            futures.values().forEach(f -> f.cancel(true));
            throw timedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timedOut();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : e.getCause();
            if (cause instanceof CdsHookException che) throw che;
            if (cause instanceof HttpTimeoutException) throw timedOut();
            LOG.infof("FHIR server fetch failed: %s", cause.getClass().getSimpleName());
            throw new CdsHookException(Problem.DATA_UNAVAILABLE, "exception", "the FHIR server could not be reached for the data not prefetched");
        }
        Map<String, List<FhirInput>> result = new LinkedHashMap<>();
        futures.forEach((k, f) -> result.put(k, f.join()));
        return result;
    }

    /** {@code url} resolved against the server, refused unless it is on it (never follow a link off the EHR's server with its token). */
    private static URI onServer(URI baseUri, String base, String url, String what, String which) {
        URI uri;
        try {
            uri = baseUri.resolve(url);
        } catch (IllegalArgumentException e) {
            throw new CdsHookException(Problem.DATA_UNAVAILABLE, "structure", which + " for " + what + " is not a URL");
        }
        if (!FhirServerUrl.within(base, uri.toString())) {
            throw new CdsHookException(Problem.DATA_UNAVAILABLE, "security", which + " for " + what + " leaves fhirServer: not fetched");
        }
        return uri;
    }

    private CdsHookException timedOut() {
        return new CdsHookException(Problem.DATA_UNAVAILABLE, "timeout", "the FHIR server did not return the data not prefetched within "
                + timeout.toMillis() + " ms (primum.cdshooks.fetch-timeout)");
    }

    private CompletableFuture<Void> page(URI uri, String base, String token, long deadline, Fetch f, List<FhirInput> into, int pageNo) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) return CompletableFuture.failedFuture(timedOut());
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(remaining))
                .header("Accept", "application/fhir+json").GET();
        if (token != null) rb.header("Authorization", "Bearer " + token);
        return http.sendAsync(rb.build(), HttpResponse.BodyHandlers.ofByteArray()).thenCompose(response -> {
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                throw new CdsHookException(Problem.DATA_UNAVAILABLE, "security", "the FHIR server refused access to the data of " + f.what() + " (HTTP " + status + ")");
            }
            if (status == 404 && pageNo == 1 && uri.getQuery() == null) {
                throw new CdsHookException(Problem.DATA_UNAVAILABLE, "not-found", "the FHIR server has no resource for " + f.what() + " (HTTP 404)");
            }
            if (status != 200) {
                throw new CdsHookException(Problem.DATA_UNAVAILABLE, "exception", "the FHIR server answered HTTP " + status + " for " + f.what());
            }
            FhirInput page;
            try {
                page = FhirInput.read(response.body(), LOCATION + "." + f.key() + (pageNo > 1 ? ".page[" + pageNo + "]" : ""));
            } catch (InvalidInputException e) {
                throw notFhir(f.what());
            }
            String type = page.json().path("resourceType").asText("");
            if (type.isEmpty()) throw notFhir(f.what());
            if (type.equals("OperationOutcome")) {
                throw new CdsHookException(Problem.DATA_UNAVAILABLE, "exception", "the FHIR server answered an OperationOutcome for " + f.what());
            }
            into.add(page);
            String next = type.equals("Bundle") ? nextLink(page.json()) : null;
            if (next == null) return CompletableFuture.completedFuture(null);
            if (pageNo >= maxPages) throw tooManyPages(f.what(), maxPages);
            return page(onServer(URI.create(base + "/"), base, next, f.what(), "the next link"), base, token, deadline, f, into, pageNo + 1);
        });
    }

    /** More pages than {@code primum.cdshooks.fetch-max-pages}: 412, the service does not guess from part of the data. */
    static CdsHookException tooManyPages(String what, int maxPages) {
        return new CdsHookException(Problem.DATA_UNAVAILABLE, "too-costly", what + " has more than " + maxPages
                + " pages (primum.cdshooks.fetch-max-pages): the service does not decide on part of the data");
    }

    int maxPages() {
        return maxPages;
    }

    /** Bundle.link with relation {@code next}: its url, or null. */
    static String nextLink(JsonNode bundle) {
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(link.path("relation").asText())) {
                String url = link.path("url").asText("");
                return url.isEmpty() ? null : url;
            }
        }
        return null;
    }

    private static CdsHookException notFhir(String what) {
        return new CdsHookException(Problem.DATA_UNAVAILABLE, "structure", "the FHIR server's answer for " + what + " is not FHIR R4 JSON");
    }
}
