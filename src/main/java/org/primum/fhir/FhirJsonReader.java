package org.primum.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.JsonParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.primum.facts.InvalidElement;
import org.primum.input.Handling;
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
 * <p>Two modes ({@link Handling}). Strict: the first such problem refuses the input. Lenient: the problem's
 * element is left out of the JSON, or its whole resource when the mapping reads that element (a Condition
 * whose onset is unreadable is left out rather than read without a date), and the rest is read; what was
 * left out is reported, located ({@link LenientReading}). A valid input is read the same way in both.
 *
 * <p>Resource types that R4 does not know (for example R5's {@code SubscriptionTopic}) get a message saying
 * that only FHIR R4 is accepted, and so do records of an earlier version that use R4's resource types
 * ({@link EarlierFhirVersion}). Media types (the HTTP side of "is this FHIR R4?") are checked in
 * {@code org.primum.api}.
 */
public final class FhirJsonReader {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    /**
     * The parsed resource, what the parser tolerated (element names only), the number of resources read, and
     * what lenient reading left out. {@code resource} is null only when lenient reading left out the input's
     * only resource ({@code resourceType} still says what it was).
     */
    public record Parsed(IBaseResource resource, String resourceType, List<String> warnings, int resourceCount,
                         List<InvalidElement> leftOut) {
        public Parsed {
            warnings = List.copyOf(warnings);
            leftOut = List.copyOf(leftOut);
        }
    }

    /** Parses {@code body} as one FHIR R4 resource in JSON, strictly. */
    public Parsed read(byte[] body) {
        return read(FhirJson.object(body), Handling.STRICT);
    }

    /** Parses {@code body} as one FHIR R4 resource in JSON. */
    public Parsed read(byte[] body, Handling handling) {
        return read(FhirJson.object(body), handling);
    }

    /** {@link #read(ObjectNode, Handling)}, strictly. */
    public Parsed read(ObjectNode object) {
        return read(object, Handling.STRICT);
    }

    /**
     * Parses a resource already read as JSON (e.g. a CDS Hooks prefetch value), with the same rules and
     * error locations as a request body; no second serialisation. {@code object} is not changed.
     */
    public Parsed read(ObjectNode object, Handling handling) {
        // before parsing: read as R4, an earlier version's record parses with its patient links dropped as unknown elements
        EarlierFhirVersion.refuse(object);
        Attempt attempt = attempt(object);
        if (attempt.failure() == null) return parsed(attempt, List.of());
        if (handling == Handling.STRICT) throw attempt.failure().error();
        return new LenientReading(this).read(object);
    }

    /** One parse: the resource and warnings, or why it failed. */
    record Attempt(IBaseResource resource, List<String> warnings, ReadFailure failure) {
    }

    Attempt attempt(ObjectNode object) {
        StrictErrorHandler handler = new StrictErrorHandler();
        JsonParser parser = (JsonParser) FHIR.newJsonParser().setParserErrorHandler(handler);
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject(object);
        try {
            return new Attempt(parser.parseResource(structure), handler.warnings(), null);
        } catch (StrictErrorHandler.Rejected r) {
            return new Attempt(null, List.of(), rejected(r, object));
        } catch (DataFormatException e) {
            return new Attempt(null, List.of(), HapiErrors.failure(e, object));
        } catch (RuntimeException e) {
            // HAPI fails with its own NullPointerException or ClassCastException on some malformed structures
            // (a string where a resource is due): the input's fault, so a 400 that points at the place
            JsonLocator.Hit hit = JsonLocator.find(object, JsonLocator::notAResource);
            return new Attempt(null, List.of(), new ReadFailure(new InvalidInputException(Problem.MALFORMED, "structure",
                    "wrong structure: a resource must be a JSON object with a resourceType", hit == null ? null : hit.path()),
                    hit, "not a resource", true));
        }
    }

    private static ReadFailure rejected(StrictErrorHandler.Rejected r, ObjectNode object) {
        JsonLocator.Hit hit = r.locator.apply(object);
        if (hit != null && hit.fields().size() > 1) {
            // a choice element written twice: HAPI keeps one of the values, silently; neither is known to be the right one
            String message = "wrong structure: " + r.element + "[x] is given " + hit.fields().size() + " times (" + String.join(", ", hit.fields())
                    + "); a choice element takes one value";
            return new ReadFailure(new InvalidInputException(Problem.MALFORMED, r.issueCode, message, hit.path()), hit,
                    "two values of one choice element", false);
        }
        return new ReadFailure(new InvalidInputException(Problem.MALFORMED, r.issueCode, r.getMessage(), hit == null ? r.element : hit.path()),
                hit, r.problem, false);
    }

    static Parsed parsed(Attempt attempt, List<InvalidElement> leftOut) {
        IBaseResource resource = attempt.resource();
        int count = resource instanceof Bundle b ? (int) b.getEntry().stream().filter(Bundle.BundleEntryComponent::hasResource).count() : 1;
        return new Parsed(resource, resource.fhirType(), attempt.warnings(), count, leftOut);
    }
}
