package org.primum.fhir.terminology;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primum.facts.Laterality;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table of fhir-profiles files: a new ValueSet or ConceptMap is its file plus one line. */
class ProfilesTest {

    private static Path copyProfiles(Path tmp) throws IOException {
        Path dir = tmp.resolve("profiles");
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(Path.of("fhir-profiles"))) {
            for (Path p : s.toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        return dir;
    }

    private static List<Feed<?>> tableWith(Feed<?> extra) {
        List<Feed<?>> feeds = new ArrayList<>(Profiles.all());
        feeds.add(extra);
        return feeds;
    }

    @Test
    void everyLineOfTheTableRegistersItselfOnce() throws IllegalAccessException {
        List<Feed<?>> declared = new ArrayList<>();
        for (Field f : Profiles.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Feed.class.isAssignableFrom(f.getType())) declared.add((Feed<?>) f.get(null));
        }
        assertThat(declared).hasSizeGreaterThan(20);
        assertThat(Profiles.all()).containsExactlyElementsOf(declared);
        assertThat(Profiles.all().stream().map(Feed::url).distinct()).hasSameSizeAs(Profiles.all());
    }

    @Test
    void everyLineNamesAFileOfTheFolder() {
        ProfileSet files = ProfileLoader.load(Path.of("fhir-profiles"));
        for (Feed<?> feed : Profiles.all()) {
            assertThat(files.fileOf(feed.url())).as(feed.url()).isNotNull();
        }
    }

    @Test
    void aNewValueSetIsOneFileAndOneLine(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        Files.writeString(dir.resolve("ValueSet-test-skin-structure.json"), """
                {"resourceType": "ValueSet", "id": "test-skin-structure", "url": "http://primum.org/fhir/ValueSet/test-skin-structure",
                 "name": "TestSkinStructure", "status": "draft", "description": "A value set added by a test.",
                 "compose": {"include": [{"system": "http://snomed.info/sct",
                   "concept": [{"code": "39937001", "display": "Skin structure (body structure)"}]}]}}""");
        Membership skin = new Membership("test-skin-structure");   // the one line, as Profiles writes it
        Indexes indexes = Indexes.build(ProfileLoader.load(dir), tableWith(skin));
        assertThat(indexes.contains(skin, CodeSystems.SNOMED, "39937001")).isTrue();
        assertThat(indexes.contains(skin, CodeSystems.SNOMED, "80248007")).isFalse();
        assertThat(indexes.contains(Profiles.BREAST_STRUCTURE, CodeSystems.SNOMED, "80248007")).isTrue();
    }

    @Test
    void aNewConceptMapIsOneFileAndOneLineAndItsTargetsAreChecked(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        String map = """
                {"resourceType": "ConceptMap", "id": "test-side", "url": "http://primum.org/fhir/ConceptMap/test-side",
                 "name": "TestSide", "status": "draft", "description": "A concept map added by a test.",
                 "group": [{"source": "http://example.org/sides", "target": "http://primum.org/fhir/CodeSystem/laterality",
                   "element": [{"code": "L", "display": "Left", "target": [{"code": "%s", "equivalence": "equivalent"}]}]}]}""";
        Files.writeString(dir.resolve("ConceptMap-test-side.json"), map.formatted("LEFT"));
        Classification<Laterality> side = new Classification<>("test-side", (tg, src) -> Laterality.valueOf(tg.getCode()));
        Indexes indexes = Indexes.build(ProfileLoader.load(dir), tableWith(side));
        assertThat(indexes.get(side, "http://example.org/sides", "L")).isEqualTo(Laterality.LEFT);
        assertThat(indexes.knowsSystem("http://example.org/sides")).isTrue();

        Files.writeString(dir.resolve("ConceptMap-test-side.json"), map.formatted("LEFTISH"));
        assertThatThrownBy(() -> Indexes.build(ProfileLoader.load(dir), tableWith(side))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ConceptMap-test-side.json").hasMessageContaining("LEFTISH");
    }

    @Test
    void aLineWithoutItsFileStopsStartUp() {
        Membership missing = new Membership("test-not-there");
        assertThatThrownBy(() -> Indexes.build(ProfileLoader.load(Path.of("fhir-profiles")), tableWith(missing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("fhir-profiles: required resource missing: http://primum.org/fhir/ValueSet/test-not-there");
    }
}
