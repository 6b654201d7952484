package org.primum.cdshooks.security;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers each accepted token id ({@code iss} + {@code jti}) until the token expires, so a token can be
 * used once on this instance. Memory is bounded: beyond {@code capacity} live entries new tokens are refused
 * (fail closed) after a sweep of the expired ones. Across instances: {@link SharedReplayGuard}, which asks this
 * first.
 */
public final class ReplayGuard implements ReplayProtection {
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final int capacity;
    private final AtomicLong nextSweep = new AtomicLong();

    public ReplayGuard(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public boolean firstUse(String issuer, String jti, long expiresAtSeconds, long nowSeconds) {
        sweepIfDue(nowSeconds);
        if (seen.size() >= capacity) {
            sweep(nowSeconds);
            if (seen.size() >= capacity) return false;
        }
        String key = issuer + '\n' + jti;
        Long previous = seen.putIfAbsent(key, expiresAtSeconds);
        if (previous == null) return true;
        if (previous < nowSeconds) {
            // the earlier token with this id has expired: a token must be unexpired to get here, so this is a new one
            return seen.replace(key, previous, expiresAtSeconds);
        }
        return false;
    }

    public int size() { return seen.size(); }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + 10)) sweep(now);
    }

    private void sweep(long now) {
        for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() < now) it.remove();
        }
    }
}
