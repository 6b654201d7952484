package org.primum.cdshooks.security;

import jakarta.enterprise.context.RequestScoped;

/** The CDS client verified for the current request (set by {@link ClientJwtFilter}). */
@RequestScoped
public class CurrentClient {
    private ClientIdentity identity;

    public ClientIdentity get() { return identity; }

    void set(ClientIdentity identity) { this.identity = identity; }
}
