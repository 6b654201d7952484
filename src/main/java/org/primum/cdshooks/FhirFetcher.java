package org.primum.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
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
 * search, following {@code next} links, all keys in parallel and the whole within a time box. Any data
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

    /** The data of each key: a read gives one resource, a search one Bundle per page. */
    public Map<String, List<FhirInput>> fetch(String fhirServer, String accessToken, Map<String, String> templates, String patientId) {
        String base = fhirServer.endsWith("/") ? fhirServer.substring(0, fhirServer.length() - 1) : fhirServer;
        URI baseUri;
        try {
            baseUri = URI.create(base + "/");
            if (!"https".equalsIgnoreCase(baseUri.getScheme()) && !"http".equalsIgnoreCase(baseUri.getScheme())) throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            throw new CdsHookException(Problem.MALFORMED, "invalid", "fhirServer is not an http(s) URL", "fhirServer");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, CompletableFuture<List<FhirInput>>> futures = new LinkedHashMap<>();
        templates.forEach((key, template) -> {
            String relative = template.replace("{{context.patientId}}", URLEncoder.encode(patientId, StandardCharsets.UTF_8));
            futures.put(key, fetchAll(base, baseUri, relative, accessToken, deadline, key));
        });
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

    private CdsHookException timedOut() {
        return new CdsHookException(Problem.DATA_UNAVAILABLE, "timeout", "the FHIR server did not return the data not prefetched within "
                + timeout.toMillis() + " ms (primum.cdshooks.fetch-timeout)");
    }

    private CompletableFuture<List<FhirInput>> fetchAll(String base, URI baseUri, String relative, String token, long deadline, String key) {
        List<FhirInput> collected = Collections.synchronizedList(new ArrayList<>());
        return page(baseUri.resolve(relative), base, token, deadline, key, collected, 1).thenApply(v -> List.copyOf(collected));
    }

    private CompletableFuture<Void> page(URI uri, String base, String token, long deadline, String key, List<FhirInput> into, int pageNo) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) return CompletableFuture.failedFuture(timedOut());
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(remaining))
                .header("Accept", "application/fhir+json").GET();
        if (token != null) rb.header("Authorization", "Bearer " + token);
        return http.sendAsync(rb.build(), HttpResponse.BodyHandlers.ofByteArray()).thenCompose(response -> {
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                throw new CdsHookException(Problem.DATA_UNAVAILABLE, "security", "the FHIR server refused access to the data of prefetch key '" + key + "' (HTTP " + status + ")");
            }
            if (status == 404 && pageNo == 1 && !uri.getPath().contains("?") && uri.getQuery() == null) {
                throw new CdsHookException(Problem.DATA_UNAVAILABLE, "not-found", "the FHIR server has no resource for prefetch key '" + key + "' (HTTP 404)");
            }
            if (status != 200) {
                throw new CdsHookException(Problem.DATA_UNAVAILABLE, "exception", "the FHIR server answered HTTP " + status + " for prefetch key '" + key + "'");
            }
            FhirInput page;
            try {
                page = FhirInput.read(response.body(), LOCATION + "." + key + (pageNo > 1 ? ".page[" + pageNo + "]" : ""));
            } catch (InvalidInputException e) {
                throw notFhir(key);
            }
            String type = page.json().path("resourceType").asText("");
            if (type.isEmpty()) throw notFhir(key);
            if (type.equals("OperationOutcome")) {
                throw new CdsHookException(Problem.DATA_UNAVAILABLE, "exception", "the FHIR server answered an OperationOutcome for prefetch key '" + key + "'");
            }
            into.add(page);
            String next = type.equals("Bundle") ? nextLink(page.json()) : null;
            if (next != null) {
                if (pageNo >= maxPages) {
                    throw new CdsHookException(Problem.DATA_UNAVAILABLE, "too-costly", "prefetch key '" + key + "' has more than " + maxPages + " pages on the FHIR server");
                }
                URI nextUri;
                try {
                    nextUri = URI.create(base + "/").resolve(next);
                } catch (IllegalArgumentException e) {
                    throw new CdsHookException(Problem.DATA_UNAVAILABLE, "structure", "the FHIR server's next link for prefetch key '" + key + "' is not a URL");
                }
                if (!nextUri.toString().startsWith(base)) {
                    // never follow a link off the EHR's FHIR server with its token
                    throw new CdsHookException(Problem.DATA_UNAVAILABLE, "security", "the FHIR server's next link for prefetch key '" + key + "' leaves fhirServer");
                }
                return page(nextUri, base, token, deadline, key, into, pageNo + 1);
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Bundle.link with relation {@code next}: its url, or null. */
    private static String nextLink(JsonNode bundle) {
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(link.path("relation").asText())) {
                String url = link.path("url").asText("");
                return url.isEmpty() ? null : url;
            }
        }
        return null;
    }

    private static CdsHookException notFhir(String key) {
        return new CdsHookException(Problem.DATA_UNAVAILABLE, "structure", "the FHIR server's answer for prefetch key '" + key + "' is not FHIR R4 JSON");
    }
}
