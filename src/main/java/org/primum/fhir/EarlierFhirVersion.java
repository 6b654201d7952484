package org.primum.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.util.List;

/**
 * Recognises a record written in an earlier FHIR version (DSTU2, STU3) and refuses it with a message that says so.
 *
 * <p>Why: R4 readers tolerate unknown elements (vendor additions), and an earlier version's resources mostly use R4's
 * resource types, so such a record would otherwise be read as R4 with its patient links and statuses missing (a DSTU2
 * Condition names its patient in {@code patient}, not {@code subject}) and answered as if the cancer were not
 * recorded, or refused for a reason that hides the cause ("no Patient"). Only elements that R4 removed or renamed
 * count, and only where the R4 element that replaced them is absent, so an R4 record with a stray vendor element of
 * the same name is still read; an R4 element merely given the wrong JSON type (a string {@code clinicalStatus}) stays
 * an invalid element, left out and reported, since R4 producers make that mistake too.
 */
final class EarlierFhirVersion {

    /**
     * One sign: on {@code type}, {@code element} is present while {@code replacedBy} (its R4 successor, or null when
     * R4 has none) is absent.
     */
    private record Sign(String type, String element, String replacedBy, String version) {
    }

    private static final List<Sign> SIGNS = List.of(
            new Sign("Condition", "patient", "subject", "DSTU2"),
            new Sign("Condition", "dateRecorded", "recordedDate", "DSTU2"),
            new Sign("Condition", "assertedDate", "recordedDate", "STU3"),
            new Sign("Condition", "context", "encounter", "STU3"),
            new Sign("Procedure", "patient", "subject", "DSTU2"),
            new Sign("Procedure", "notPerformed", null, "DSTU2"),
            new Sign("Procedure", "notDone", null, "STU3"),
            new Sign("Procedure", "context", "encounter", "STU3"),
            new Sign("Observation", "comments", "note", "DSTU2"),
            new Sign("Observation", "context", "encounter", "STU3"),
            new Sign("MedicationStatement", "patient", "subject", "DSTU2"),
            new Sign("MedicationStatement", "wasNotTaken", null, "DSTU2"),
            new Sign("MedicationStatement", "taken", null, "STU3"),
            new Sign("MedicationRequest", "context", "encounter", "STU3"),
            new Sign("MedicationAdministration", "patient", "subject", "DSTU2"),
            new Sign("Patient", "animal", null, "DSTU2/STU3"));

    private EarlierFhirVersion() {
    }

    /** Throws when {@code root} (a resource, or a Bundle of them) carries a sign of an earlier FHIR version. */
    static void refuse(ObjectNode root) {
        check(root, "");
        if (!"Bundle".equals(text(root.get("resourceType")))) return;
        JsonNode entries = root.get("entry");
        if (entries == null || !entries.isArray()) return;
        for (int i = 0; i < entries.size(); i++) {
            JsonNode resource = entries.get(i).get("resource");
            if (resource != null && resource.isObject()) check(resource, "entry[" + i + "].resource.");
        }
    }

    private static void check(JsonNode resource, String path) {
        String type = text(resource.get("resourceType"));
        for (Sign s : SIGNS) {
            if (!s.type().equals(type) || !resource.has(s.element())) continue;
            if (s.replacedBy() != null && resource.has(s.replacedBy())) continue;
            String location = (path.isEmpty() ? type + "." : "Bundle." + path) + s.element();
            throw new InvalidInputException(Problem.MALFORMED, "not-supported", "this looks like FHIR " + s.version() + ", not FHIR R4: "
                    + type + "." + s.element() + " is an element of FHIR " + s.version() + " that R4 "
                    + (s.replacedBy() == null ? "removed" : "replaced by " + type + "." + s.replacedBy())
                    + "; Primum reads FHIR R4 content only (convert the record to R4, e.g. with the HL7 version maps)", location);
        }
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() ? null : node.asText();
    }
}
