package org.primum.api.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * HAPI's instance validator with the R4 base definitions and the StructureDefinitions of
 * {@code fhir-profiles/structure/} (mCODE's and Primum's): a Bundle is checked against the base
 * specification and the profiles its resources declare, and each resource the service reads against the
 * profile it expects of it ({@link ExpectedProfiles}). The problems come back as one OperationOutcome,
 * located in the Bundle ({@code Bundle.entry[3].resource.code}). Building it is costly (the base
 * definitions, snapshots): build one and share it; {@link #validate} is thread-safe.
 */
public final class ProfileValidator {

    /** The outcome as FHIR JSON, with its counts. */
    public record Outcome(int errors, int warnings, String operationOutcomeJson) {
        public boolean hasErrors() {
            return errors > 0;
        }
    }

    /** dom-6, "a resource should have narrative": true of every record an EHR sends, so noise here. */
    private static final String NARRATIVE = "dom-6";

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final FhirValidator validator;
    private final ExpectedProfiles expected;
    private final List<String> profiles;

    private ProfileValidator(FhirValidator validator, ExpectedProfiles expected, List<String> profiles) {
        this.validator = validator;
        this.expected = expected;
        this.profiles = List.copyOf(profiles);
    }

    /** Loads every StructureDefinition under {@code structureDir} and the index; a bad file fails here. */
    public static ProfileValidator load(Path structureDir, Path profilesDir) {
        FhirContext fhir = FhirContext.forR4Cached();
        PrePopulatedValidationSupport local = new PrePopulatedValidationSupport(fhir);
        IParser parser = fhir.newJsonParser();
        List<String> urls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(structureDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("StructureDefinition-")
                    && p.toString().endsWith(".json")).sorted().toList()) {
                StructureDefinition sd = parser.parseResource(StructureDefinition.class, Files.readString(f, StandardCharsets.UTF_8));
                local.addStructureDefinition(sd);
                urls.add(sd.getUrl());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the StructureDefinitions in " + structureDir, e);
        }
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                local,
                new SnapshotGeneratingValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                // SNOMED CT, LOINC and the rest are not loaded: a code in them is not checked, said as a warning
                new UnknownCodeSystemWarningValidationSupport(fhir));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true);
        FhirValidator validator = fhir.newValidator().registerValidatorModule(module);
        validator.setConcurrentBundleValidation(false);
        return new ProfileValidator(validator, ExpectedProfiles.load(structureDir, profilesDir), urls);
    }

    /** The canonical URLs of the StructureDefinitions loaded. */
    public List<String> profiles() {
        return profiles;
    }

    /** Validates one Bundle (FHIR JSON); information messages are left out. */
    public Outcome validate(byte[] bundleJson) {
        String text = new String(bundleJson, StandardCharsets.UTF_8);
        Set<Issue> issues = new LinkedHashSet<>();
        issues.addAll(check(() -> validator.validateWithResult(text).getMessages(), null, "Bundle"));
        IBaseResource parsed;
        try {
            parsed = fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false))
                    .parseResource(text);
        } catch (RuntimeException e) {
            parsed = null; // not readable as FHIR at all: the messages above say why
        }
        if (parsed instanceof Bundle bundle) {
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                Resource r = bundle.getEntry().get(i).getResource();
                if (r == null) continue;
                for (String profile : expected.select(r.fhirType(), codings(r))) {
                    if (declares(r, profile)) continue; // declared: checked with the Bundle
                    ValidationOptions options = new ValidationOptions().addProfile(profile);
                    String at = "Bundle.entry[" + i + "].resource";
                    issues.addAll(check(() -> validator.validateWithResult(r, options).getMessages(), at, at));
                }
            }
        }
        return outcome(issues);
    }

    /**
     * The messages of one validator run. HAPI's validator throws on some malformed input (an index out of bounds on a
     * reference such as {@code "Patient/"} or a canonical such as {@code "http://x/.."}: found by fuzzing); that is
     * the input's problem to report, an error that it could not be checked, never a server fault.
     */
    private static List<Issue> check(java.util.function.Supplier<List<SingleValidationMessage>> run, String at, String what) {
        try {
            return run.get().stream().map(m -> Issue.of(m, at)).toList();
        } catch (RuntimeException e) {
            return List.of(new Issue(ResultSeverityEnum.ERROR, what, "the profile validator could not check " + what
                    + " (it failed with " + e.getClass().getSimpleName() + "): look for a malformed reference, canonical URL or value"));
        }
    }

    /** Whether {@code r} declares {@code profile}; a profile left empty by lenient parsing is none (HAPI's hasProfile throws on it). */
    private static boolean declares(Resource r, String profile) {
        return r.getMeta().getProfile().stream().anyMatch(p -> p != null && profile.equals(p.getValue()));
    }

    private static List<String[]> codings(Resource r) {
        List<String[]> codings = new ArrayList<>();
        if (r.getNamedProperty("code") == null) return codings;
        for (var value : r.getNamedProperty("code").getValues()) {
            if (value instanceof CodeableConcept cc) {
                for (Coding c : cc.getCoding()) codings.add(new String[]{c.getSystem(), c.getCode()});
            }
        }
        return codings;
    }

    /** One problem; {@code at} replaces the resource's own root in the location when it was validated alone. */
    private record Issue(ResultSeverityEnum severity, String location, String message) {
        static Issue of(SingleValidationMessage m, String at) {
            String location = m.getLocationString();
            if (at != null && location != null) {
                int dot = location.indexOf('.');
                location = dot < 0 ? at : at + location.substring(dot);
            }
            return new Issue(m.getSeverity(), location, m.getMessage());
        }
    }

    private Outcome outcome(Set<Issue> issues) {
        OperationOutcome oo = new OperationOutcome();
        int errors = 0, warnings = 0;
        for (Issue i : issues) {
            if (i.severity() == ResultSeverityEnum.INFORMATION || i.message().contains(NARRATIVE)) continue;
            OperationOutcome.IssueSeverity severity = switch (i.severity()) {
                case FATAL -> OperationOutcome.IssueSeverity.FATAL;
                case ERROR -> OperationOutcome.IssueSeverity.ERROR;
                default -> OperationOutcome.IssueSeverity.WARNING;
            };
            if (severity == OperationOutcome.IssueSeverity.WARNING) warnings++;
            else errors++;
            OperationOutcome.OperationOutcomeIssueComponent issue = oo.addIssue()
                    .setSeverity(severity)
                    .setCode(OperationOutcome.IssueType.PROCESSING)
                    .setDiagnostics(i.message());
            if (i.location() != null) issue.addExpression(i.location().replaceAll("/\\*[^*]*\\*/", ""));
            if (i.location() != null) issue.getLocation().add(new StringType(i.location()));
        }
        if (oo.getIssue().isEmpty()) {
            oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDiagnostics("the input conforms to the base specification and the profiles expected of it");
        }
        return new Outcome(errors, warnings, fhir.newJsonParser().encodeResourceToString(oo));
    }
}
