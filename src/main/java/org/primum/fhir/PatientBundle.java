package org.primum.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one patient's record sent as a whole is: a Bundle of type collection, transaction, batch, searchset or
 * document. Anything else is readable FHIR but not a record ({@link Problem#UNPROCESSABLE}): another
 * resource, a Bundle without type, a history Bundle or a message. (That it holds exactly one Patient is
 * checked by {@link FhirMapper}.)
 */
final class PatientBundle {

    static final Set<Bundle.BundleType> ACCEPTED_TYPES = EnumSet.of(Bundle.BundleType.COLLECTION, Bundle.BundleType.TRANSACTION,
            Bundle.BundleType.BATCH, Bundle.BundleType.SEARCHSET, Bundle.BundleType.DOCUMENT);

    private PatientBundle() {
    }

    /** The record read, if it is a Bundle of an accepted type. */
    static Bundle require(FhirJsonReader.Parsed parsed) {
        IBaseResource resource = parsed.resource();
        if (!(resource instanceof Bundle bundle)) {
            // null: one resource, not a Bundle, that lenient reading left out whole
            String type = resource == null ? parsed.resourceType() : resource.fhirType();
            throw new InvalidInputException(Problem.UNPROCESSABLE, "invalid", "expected a FHIR Bundle (collection, transaction, batch, searchset"
                    + " or document) holding one patient's record; got a " + type + " resource", type);
        }
        if (bundle.getType() == null || bundle.getType() == Bundle.BundleType.NULL) {
            throw new InvalidInputException(Problem.UNPROCESSABLE, "required", "Bundle.type is missing: use collection, transaction, batch,"
                    + " searchset or document", "Bundle.type");
        }
        if (!ACCEPTED_TYPES.contains(bundle.getType())) {
            throw new InvalidInputException(Problem.UNPROCESSABLE, "not-supported", "a " + bundle.getType().toCode() + " Bundle is not a patient"
                    + " record: use collection, transaction, batch, searchset or document", "Bundle.type");
        }
        return bundle;
    }
}
