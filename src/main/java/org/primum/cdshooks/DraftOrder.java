package org.primum.cdshooks;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A draft ServiceRequest of the hook call, as the suggestions need it: how cards name it
 * ({@code ServiceRequest/id}), its own text for the clinician, and its FHIR R4 JSON.
 */
public record DraftOrder(String reference, String display, ObjectNode json) {
}
