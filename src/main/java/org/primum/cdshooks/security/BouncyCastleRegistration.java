package org.primum.cdshooks.security;

import io.vertx.ext.web.Router;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;

/**
 * Registers BouncyCastle (the ECDSA provider of the client-JWT check, see {@link CdsSecurity}) once per JVM, begun on a
 * thread of its own as soon as the HTTP router is being set up: {@code new BouncyCastleProvider()} fills its table of
 * hundreds of algorithms (about 0.4 s of a cold start), which used to run on the start-up thread in {@link CdsSecurity}'s
 * constructor while nothing else could. The constructor now only waits for it, usually finished by then; the tumour
 * board's first answer no longer waits behind it.
 */
@Singleton
public class BouncyCastleRegistration {

    private static final Logger LOG = Logger.getLogger(BouncyCastleRegistration.class);
    private static final CompletableFuture<String> PROVIDER = new CompletableFuture<>();
    private static volatile boolean started;

    /** Early among the router observers (which run before the start-up event and its {@code @Startup} beans). */
    void begin(@Observes @Priority(1) Router router) {
        begin();
    }

    /** Starts the registration in the background unless it is started already. */
    static void begin() {
        synchronized (PROVIDER) {
            if (started) return;
            started = true;
        }
        Thread thread = new Thread(() -> PROVIDER.complete(register()), "primum-bouncycastle");
        thread.setDaemon(true);
        thread.start();
    }

    /** The provider's name once registered ("BC"), or null if it cannot be (the JDK's provider is then used). */
    static String provider() {
        begin();
        return PROVIDER.join();
    }

    /**
     * BouncyCastle for ECDSA verification (ES384 costs ~0.8 ms instead of ~3 ms with JDK 17's SunEC), registered
     * at the lowest priority so that no other default changes; null if it cannot be registered.
     */
    private static String register() {
        try {
            if (java.security.Security.getProvider("BC") == null) {
                java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
            }
            return "BC";
        } catch (RuntimeException | LinkageError e) {
            LOG.warnf("BouncyCastle not available (%s): ECDSA client JWTs verified with the JDK's provider", e.getClass().getSimpleName());
            return null;
        }
    }
}
