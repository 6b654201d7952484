package org.primum.cdshooks.security;

/** Why a client JWT was refused. The reason is logged (without the token); the caller only gets a bare 401. */
public final class AuthenticationFailed extends Exception {
    public AuthenticationFailed(String reason) {
        super(reason, null, false, false);
    }
}
