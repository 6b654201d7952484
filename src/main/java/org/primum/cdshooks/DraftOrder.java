package org.primum.cdshooks;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A draft procedure order of the hook call (a ServiceRequest, or a Procedure in preparation), as the suggestions
 * need it: how cards name it ({@code ServiceRequest/id}, {@code Procedure/id}), its own text for the clinician, and
 * its FHIR R4 JSON.
 */
public record DraftOrder(String reference, String display, ObjectNode json) {
}
