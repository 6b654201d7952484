package org.primum.cdshooks.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that only trusted CDS clients may call: {@link ClientJwtFilter} verifies the client
 * JWT ({@code Authorization: Bearer}) before the method runs. {@code discovery = true}: checked only when
 * {@code primum.cdshooks.security.discovery-requires-auth} is on.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ClientJwt {
    boolean discovery() default false;
}
