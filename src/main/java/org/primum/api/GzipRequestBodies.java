package org.primum.api;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.primum.PrimumConfig;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request bodies sent with {@code Content-Encoding: gzip} are decoded before any endpoint reads them, and
 * {@code primum.max-body-bytes} applies to the decoded size: decoding stops at the first byte past the limit
 * (413), so a gzip bomb (a few hundred kB inflating to gigabytes) costs at most the limit in memory. Done here
 * rather than by the HTTP server ({@code quarkus.http.enable-decompression}), which would inflate up to
 * {@code quarkus.http.limits.max-body-size} before the limit is checked.
 */
@Provider
public class GzipRequestBodies implements ReaderInterceptor {

    // resolved on first use: RESTEasy creates its interceptors while the application starts, before the
    // runtime configuration is there
    private final Instance<PrimumConfig> config;

    public GzipRequestBodies(Instance<PrimumConfig> config) {
        this.config = config;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String header = context.getHeaders().getFirst(ContentEncoding.HEADER);
        if (ContentEncoding.of(header) == ContentEncoding.GZIP) {
            context.setInputStream(new ByteArrayInputStream(decode(context.getInputStream(), config.get().maxBodyBytes())));
            context.getHeaders().remove(ContentEncoding.HEADER);
        }
        return context.proceed();
    }

    /** The decoded body; 413 past {@code maxBytes}, 400 for data that is not gzip. */
    static byte[] decode(InputStream gzipped, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BoundedGunzip.copy(gzipped, out, maxBytes, "request body", "primum.max-body-bytes");
        return out.toByteArray();
    }
}
