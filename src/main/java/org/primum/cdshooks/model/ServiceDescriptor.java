package org.primum.cdshooks.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** One entry of the discovery document ({@code GET /cds-services}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceDescriptor(String hook, String id, String title, String description,
                                Map<String, String> prefetch, String usageRequirements) {
}
