package org.primum.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.primum.fhir.links.BundleLinks;
import org.primum.input.Handling;
import org.primum.scenarios.ScenarioBundles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Bundle read entry by entry ({@link BundleEntries}) is the Bundle HAPI reads whole: the same resources, the same ids,
 * and every reference naming the same entry ({@link BundleLinks} against HAPI's {@code Reference.resource}); and what it
 * cannot read exactly, it leaves to the whole reading.
 */
class BundleEntriesTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final BundleEntries ENTRIES = new BundleEntries(FHIR);

    record Input(String name, String json) {
        @Override
        public String toString() { return name; }
    }

    static Stream<Input> records() throws IOException {
        List<Input> inputs = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources/fixtures/public"), Path.of("src/test/resources/bench"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    inputs.add(new Input(f.getFileName().toString(), Files.readString(f)));
                }
            }
        }
        ScenarioBundles.all().forEach(s -> inputs.add(new Input(s.name(), s.json())));
        return inputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void everyRecordIsReadAsHapiReadsItWhole(Input input) {
        Bundle fast = ENTRIES.read(FhirJson.object(bytes(input.json())));
        assertThat(fast).as("a valid record is read entry by entry").isNotNull();
        assertSame(whole(input.json()), fast);
    }

    /** Where HAPI's links and ids are easy to get wrong: urn fullUrls with ids of their own, duplicates, versions, request urls. */
    @Test
    void idsAndLinksFollowHapiInItsCornerCases() {
        String json = bundle(
                entry("urn:uuid:11111111-1111-1111-1111-111111111111", null,
                        "{\"resourceType\":\"Patient\",\"id\":\"own-id\",\"meta\":{\"versionId\":\"3\"}}"),
                entry("urn:uuid:22222222-2222-2222-2222-222222222222", null,
                        "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"Patient/own-id\"}}"),
                // a duplicate id: HAPI links to the last one
                entry("http://ehr.example.org/fhir/Condition/c1", null,
                        "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"urn:uuid:11111111-1111-1111-1111-111111111111\"}}"),
                entry(null, "urn:uuid:33333333-3333-3333-3333-333333333333",
                        "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                                + "\"focus\":[{\"reference\":\"Condition/c1\"},{\"reference\":\"http://ehr.example.org/fhir/Condition/c1/_history/2\"},"
                                + "{\"reference\":\"#m\"},{\"reference\":\"Observation/nowhere\"}],"
                                + "\"contained\":[{\"resourceType\":\"Medication\",\"id\":\"m\"}],"
                                + "\"subject\":{\"reference\":\"Patient/own-id/_history/3\"}}"),
                entry("Observation/relative", null,
                        "{\"resourceType\":\"Observation\",\"id\":\"other\",\"status\":\"final\",\"code\":{\"text\":\"y\"},"
                                + "\"hasMember\":[{\"reference\":\"Observation/relative\"},{\"reference\":\"Observation/other\"}]}"),
                "{\"fullUrl\":\"urn:uuid:44444444-4444-4444-4444-444444444444\"}");
        Bundle fast = ENTRIES.read(FhirJson.object(bytes(json)));
        assertThat(fast).isNotNull();
        Bundle whole = whole(json);
        assertSame(whole, fast);
        // the corners are real: HAPI links the duplicate's last entry, a versioned reference, and not the relative fullUrl's id
        org.hl7.fhir.r4.model.Observation observation = (org.hl7.fhir.r4.model.Observation) whole.getEntry().get(3).getResource();
        assertThat(entryOf(whole, observation.getFocus().get(0).getResource())).isEqualTo("entry 2");
        assertThat(entryOf(whole, observation.getSubject().getResource())).isEqualTo("entry 0");
        assertThat(entryOf(whole, observation.getFocus().get(2).getResource())).isEqualTo("not an entry");
        assertThat(fast.getEntry().get(3).getResource().getIdElement().getValue()).isEqualTo("urn:uuid:33333333-3333-3333-3333-333333333333");
    }

    /** An entry whose id looks local: HAPI keys it {@code Patient/#local}, which no contained resource's key can meet. */
    @Test
    void anEntryWithALocalLookingIdIsLinkedAsHapiLinksIt() {
        String json = bundle(entry(null, null, "{\"resourceType\":\"Patient\",\"id\":\"#local\"}"),
                entry(null, null, "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                        + "\"subject\":{\"reference\":\"Patient/#local\"},\"focus\":[{\"reference\":\"#local\"}]}"));
        Bundle fast = ENTRIES.read(FhirJson.object(bytes(json)));
        assertThat(fast).isNotNull();
        assertSame(whole(json), fast);
    }

    /** Anything but a clean read goes the whole way: errors and warnings are the whole reading's to locate and report. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"resourceType\":\"Patient\",\"birthDate\":\"not a date\"}",
            "{\"resourceType\":\"Patient\",\"favouriteColour\":\"blue\"}",
            "{\"resourceType\":\"Unknown\"}",
            "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}",
            "{\"resourceType\":\"Parameters\"}",
            "\"not an object\""})
    void whatIsNotReadCleanlyIsLeftToTheWholeReading(String resource) {
        assertThat(ENTRIES.read(FhirJson.object(bytes(bundle(entry("urn:uuid:1", null, resource)))))).isNull();
        assertThat(ENTRIES.read(FhirJson.object(bytes("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"oops\":1,\"entry\":["
                + entry("urn:uuid:1", null, "{\"resourceType\":\"Patient\"}") + "]}")))).as("a warning at the Bundle's level").isNull();
        assertThat(ENTRIES.read(FhirJson.object(bytes("{\"resourceType\":\"Patient\"}")))).as("not a Bundle").isNull();
        assertThat(ENTRIES.read(FhirJson.object(bytes(bundle(entry("#p", null, "{\"resourceType\":\"Patient\"}"))))))
                .as("an entry keyed like a contained resource").isNull();
    }

    /** {@link BundleEntries#HOLDING_RESOURCES} are all the R4 resources that hold resources other than contained ones. */
    @Test
    void theResourcesHoldingResourcesAreKnown() {
        Set<String> holding = new TreeSet<>();
        for (String type : FHIR.getResourceTypes()) {
            RuntimeResourceDefinition def = FHIR.getResourceDefinition(type);
            if (holdsResources(def, new HashSet<>())) holding.add(type);
        }
        assertThat(holding).isEqualTo(new TreeSet<>(BundleEntries.HOLDING_RESOURCES));
    }

    private static boolean holdsResources(BaseRuntimeElementCompositeDefinition<?> def, Set<String> seen) {
        if (!seen.add(def.getName() + "@" + def.getImplementingClass().getName())) return false;
        for (BaseRuntimeChildDefinition child : def.getChildren()) {
            if (Set.of("contained", "extension", "modifierExtension").contains(child.getElementName())) continue;
            for (String name : child.getValidChildNames()) {
                if (child instanceof ca.uhn.fhir.context.RuntimeChildDirectResource) return true;
                BaseRuntimeElementDefinition<?> target = child.getChildByName(name);
                if (target == null) continue;
                if (child instanceof ca.uhn.fhir.context.RuntimeChildDirectResource || target instanceof RuntimeResourceDefinition
                        || target.getChildType() == BaseRuntimeElementDefinition.ChildTypeEnum.RESOURCE) return true;
                if (target.getChildType() == BaseRuntimeElementDefinition.ChildTypeEnum.RESOURCE_BLOCK
                        && target instanceof BaseRuntimeElementCompositeDefinition<?> block && holdsResources(block, seen)) return true;
            }
        }
        return false;
    }

    private static Bundle whole(String json) {
        FhirJsonReader.Parsed parsed = new FhirJsonReader().read(bytes(json), Handling.STRICT);
        assertThat(parsed.warnings()).isEmpty();
        return (Bundle) parsed.resource();
    }

    /** The same resources and ids, and each reference of each entry naming the same entry (or none) both ways. */
    private static void assertSame(Bundle whole, Bundle fast) {
        assertThat(fast.equalsDeep(whole)).as("the same resources, field by field, ids included").isTrue();
        assertThat(fast.getEntry()).hasSameSizeAs(whole.getEntry());
        for (int i = 0; i < whole.getEntry().size(); i++) {
            Resource w = whole.getEntry().get(i).getResource(), f = fast.getEntry().get(i).getResource();
            if (w == null) {
                assertThat(f).isNull();
                continue;
            }
            assertThat(f.getIdElement().getValue()).as("id of entry " + i).isEqualTo(w.getIdElement().getValue());
            List<Reference> wr = FHIR.newTerser().getAllPopulatedChildElementsOfType(w, Reference.class);
            List<Reference> fr = FHIR.newTerser().getAllPopulatedChildElementsOfType(f, Reference.class);
            assertThat(fr).hasSameSizeAs(wr);
            BundleLinks links = BundleLinks.of(f);
            assertThat(links).isNotNull();
            for (int k = 0; k < wr.size(); k++) {
                assertThat(entryOf(fast, links.target(fr.get(k)))).as("entry " + i + ", reference " + wr.get(k).getReference())
                        .isEqualTo(entryOf(whole, wr.get(k).getResource()));
            }
        }
    }

    /** The index of the entry that is {@code r}; "none", or "not an entry" (a contained resource, the Bundle). */
    private static String entryOf(Bundle bundle, IBaseResource r) {
        if (r == null) return "none";
        for (int i = 0; i < bundle.getEntry().size(); i++) if (bundle.getEntry().get(i).getResource() == r) return "entry " + i;
        return "not an entry";
    }

    private static String bundle(String... entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    private static String entry(String fullUrl, String requestUrl, String resource) {
        return "{" + (fullUrl == null ? "" : "\"fullUrl\":\"" + fullUrl + "\",") + "\"resource\":" + resource
                + ",\"request\":{\"method\":\"POST\",\"url\":\"" + (requestUrl == null ? "Patient" : requestUrl) + "\"}}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
