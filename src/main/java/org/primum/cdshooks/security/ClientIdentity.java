package org.primum.cdshooks.security;

/** The verified CDS client of a request: issuer, subject (client id) and the optional tenant. */
public record ClientIdentity(String issuer, String subject, String tenant) {
    public static final ClientIdentity UNAUTHENTICATED = new ClientIdentity("(security disabled)", null, null);
}
