package org.primum.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks endpoints (a resource class: all its methods) whose request body must be JSON: {@link JsonBodyFilter}
 * answers 415 with an OperationOutcome to a body of any other media type before it is read. For endpoints that
 * read a raw {@code byte[]} body, where {@code @Consumes} cannot say "any {@code +json} type".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface JsonBody {
}
