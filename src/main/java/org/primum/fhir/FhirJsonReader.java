package org.primum.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.JsonParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.util.List;

/**
 * Reads FHIR R4 JSON with HAPI, turning every problem into an {@link InvalidInputException} that says what
 * is wrong and where ({@code Bundle.entry[2].resource.birthDate}, or {@code line 4, column 9} for broken
 * JSON). Thread-safe; one shared {@link FhirContext}.
 *
 * <p>Strictness: a custom error handler ({@link StrictErrorHandler}) rather than HAPI's
 * {@code StrictErrorHandler}. It <em>rejects</em> what would silently change an answer: invalid primitive
 * values (an unreadable date would move a record across the evaluation date or the de novo window; an
 * unknown code in a required binding would be dropped), a JSON type where FHIR expects another (an object
 * where an array is due), a repeated non-repeating element, and (HAPI always rejects these) unknown
 * resource types and a missing {@code resourceType}. It <em>tolerates</em>, and reports as warnings,
 * unknown elements and attributes: real exports carry vendor additions, {@code fhir_comments} or elements
 * of later FHIR versions beside valid R4 content, the mapping never reads them, and refusing a whole
 * patient record for them would make the service useless on real data (every public fixture we hold
 * parses with neither kind). It also tolerates unresolvable references, contained resources without ids
 * and extensions with both a value and nested extensions, which HAPI handles and the mapping does not
 * depend on. HAPI's own {@code StrictErrorHandler} would reject the tolerated cases too and gives no
 * location to report.
 *
 * <p>Resource types that R4 does not know (for example R5's {@code SubscriptionTopic}) get a message saying
 * that only FHIR R4 is accepted. Media types (the HTTP side of "is this FHIR R4?") are checked in
 * {@code org.primum.api}.
 */
public final class FhirJsonReader {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    /** The parsed resource, what the parser tolerated (element names only), and the number of resources read. */
    public record Parsed(IBaseResource resource, List<String> warnings, int resourceCount) {
    }

    /** Parses {@code body} as one FHIR R4 resource in JSON. */
    public Parsed read(byte[] body) {
        return read(FhirJson.object(body));
    }

    /**
     * Parses a resource already read as JSON (e.g. a CDS Hooks prefetch value), with the same strictness and
     * error locations as a request body; no second serialisation.
     */
    public Parsed read(ObjectNode object) {
        StrictErrorHandler handler = new StrictErrorHandler();
        JsonParser parser = (JsonParser) FHIR.newJsonParser().setParserErrorHandler(handler);
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject(object);
        IBaseResource resource;
        try {
            resource = parser.parseResource(structure);
        } catch (StrictErrorHandler.Rejected r) {
            throw new InvalidInputException(Problem.MALFORMED, r.issueCode, r.getMessage(), JsonLocator.locate(object, r.matcher, r.element));
        } catch (DataFormatException e) {
            throw HapiErrors.translate(e, object);
        } catch (RuntimeException e) {
            // HAPI fails with its own NullPointerException or ClassCastException on some malformed structures
            // (a string where a resource is due): the input's fault, so a 400 that points at the place
            throw new InvalidInputException(Problem.MALFORMED, "structure", "wrong structure: a resource must be a JSON object with a"
                    + " resourceType", JsonLocator.locate(object, JsonLocator::notAResource, null));
        }
        int count = resource instanceof Bundle b ? b.getEntry().size() : 1;
        return new Parsed(resource, handler.warnings(), count);
    }
}
