package org.primum.cdshooks.security;

/**
 * Accepts each client-JWT id ({@code iss} + {@code jti}) once while its token lives: {@link ReplayGuard} in this
 * instance's memory, {@link SharedReplayGuard} across every instance on one database.
 */
public interface ReplayProtection {

    /**
     * True the first time this token id is presented before {@code expiresAtSeconds} (a token id whose earlier
     * use has expired counts as new: the token presenting it is unexpired, so it is another token); false for a
     * replay, and whenever the answer cannot be known (fail closed).
     */
    boolean firstUse(String issuer, String jti, long expiresAtSeconds, long nowSeconds);
}
