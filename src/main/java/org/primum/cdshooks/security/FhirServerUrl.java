package org.primum.cdshooks.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a URL lies on a FHIR server: same scheme, host and port (parsed, default ports made explicit,
 * case of scheme and host ignored) and a path equal to the server's or below it on a segment boundary.
 * The EHR's access token goes only where this says yes: a {@code next} link, a referenced Medication, a
 * {@code fhirServer} against a client's {@code fhir-servers} allow-list.
 *
 * <p>A string prefix is not enough: {@code http://127.0.0.1:2000} is a prefix of
 * {@code http://127.0.0.1:20007/...}, {@code /fhir} of {@code /fhir-evil}, {@code https://ehr.example} of
 * {@code https://ehr.example.evil.io}. URLs with user info, a fragment, or a path that could be read as
 * leaving the server's path once decoded ({@code ..} segments, encoded dots, slashes or backslashes) are
 * refused outright: a server may decode what this comparison did not.
 */
public final class FhirServerUrl {

    private final String scheme;
    private final String host;
    private final int port;
    private final String path;

    private FhirServerUrl(String scheme, String host, int port, String path) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.path = path;
    }

    /** An absolute http(s) URL with a host, or empty when it is not one (or is one of the refused shapes above). */
    public static Optional<FhirServerUrl> parse(String url) {
        if (url == null || url.isBlank()) return Optional.empty();
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) return Optional.empty();
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!safePath(rawPath)) return Optional.empty();
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String path = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        return Optional.of(new FhirServerUrl(scheme, uri.getHost().toLowerCase(Locale.ROOT), port, path));
    }

    /** Whether {@code url} is on the server at {@code base} (both parsed; an unparseable one is never within). */
    public static boolean within(String base, String url) {
        Optional<FhirServerUrl> b = parse(base);
        Optional<FhirServerUrl> u = parse(url);
        return b.isPresent() && u.isPresent() && b.get().contains(u.get());
    }

    /** Whether {@code other} has this origin and this path or a path below it. */
    public boolean contains(FhirServerUrl other) {
        if (!scheme.equals(other.scheme) || !host.equals(other.host) || port != other.port) return false;
        return other.path.equals(path) || other.path.startsWith(path + "/");
    }

    private static boolean safePath(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) return false;
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port + path;
    }
}
