package org.primum.fhir.terminology;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.primum.fhir.terminology.CodeSystems.ICDO3;
import static org.primum.fhir.terminology.CodeSystems.SNOMED;

/**
 * The index features registry coding needs: FHIR's {@code regex} filter on the code (the behaviour digit of an ICD-O-3
 * morphology), ICD-O-3 topography as a dotted hierarchy ({@code is-a C50}), and the written forms of ICD-O-3 codes
 * (C504, 85003, M-8500/3) read as one.
 */
class RegistryCodesIndexTest {
    private static final Terminology T = Terminology.load(Path.of("fhir-profiles"));

    @Test
    void aPatternIncludesTheCodesItMatchesWhole() {
        CodeIndex<Boolean> index = new CodeIndex<>();
        index.putPattern(ICDO3, Pattern.compile("[89][0-9]{3}/6"), Boolean.TRUE);
        assertThat(index.contains(ICDO3, "8500/6")).isTrue();
        assertThat(index.contains(ICDO3, "8500/3")).isFalse();
        assertThat(index.contains(ICDO3, "18500/6")).as("whole code, not a part of it").isFalse();
        assertThat(index.contains(SNOMED, "8500/6")).as("a pattern is of its system only").isFalse();
    }

    @Test
    void anExcludingPatternWinsOverAnyInclusion() {
        CodeIndex<Boolean> index = new CodeIndex<>();
        index.putPattern(ICDO3, Pattern.compile("8[0-9]{3}/3"), Boolean.TRUE);
        index.put(ICDO3, "8800/3", Boolean.TRUE);
        index.excludePattern(ICDO3, Pattern.compile("88[0-9]{2}/3"));
        assertThat(index.contains(ICDO3, "8500/3")).isTrue();
        assertThat(index.contains(ICDO3, "8800/3")).isFalse();
        assertThat(index.contains(ICDO3, "8810/3")).isFalse();
    }

    @Test
    void anExplicitExclusionWinsOverAPattern() {
        CodeIndex<Boolean> index = new CodeIndex<>();
        index.putPattern(ICDO3, Pattern.compile("8[0-9]{3}/3"), Boolean.TRUE);
        index.exclude(ICDO3, "8540/3");
        assertThat(index.contains(ICDO3, "8541/3")).isTrue();
        assertThat(index.contains(ICDO3, "8540/3")).isFalse();
    }

    @Test
    void aLongCodeIsNeverMatchedAgainstAPattern() {
        CodeIndex<Boolean> index = new CodeIndex<>();
        index.putPattern(ICDO3, Pattern.compile(".*"), Boolean.TRUE);
        assertThat(index.contains(ICDO3, "8500/6")).isTrue();
        assertThat(index.contains(ICDO3, "8".repeat(1_000_000))).isFalse();
    }

    @Test
    void topographyIsADottedHierarchyAndMorphologyIsNot() {
        CodeIndex<Boolean> index = new CodeIndex<>();
        index.put(ICDO3, "C50", Boolean.TRUE);
        index.put(ICDO3, "8500/3", Boolean.TRUE);
        assertThat(index.contains(ICDO3, "C50.4")).isTrue();
        assertThat(index.contains(ICDO3, "C51.0")).isFalse();
        // the walk up a hierarchy starts at the longest listed topography (3 characters): a morphology is looked up whole
        assertThat(index.contains(ICDO3, "8500/3")).isTrue();
        assertThat(index.contains(ICDO3, "8500/6")).as("8500 is no ancestor of its behaviours").isFalse();
    }

    @ParameterizedTest
    @CsvSource({"C504, C50.4", "c50.4, C50.4", "C50, C50", " C412 , C41.2", "85003, 8500/3", "M-8500/3, 8500/3", "M85006, 8500/6",
            "8500/3, 8500/3", "80463/3, 80463/3"})
    void writtenFormsOfIcdO3AreReadAsOne(String written, String normalised) {
        assertThat(CodeIndex.normalise(ICDO3, written)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @CsvSource({
            // behaviour 3 carcinomas (and malignant neoplasm NOS) at a breast site are the primary; other histologies and behaviours are not
            "8500/3, true", "85203, true", "8000/3, true", "8575/3, true", "8500/2, false", "8500/6, false", "8500/9, false",
            "8800/3, false", "9020/3, false", "9680/3, false", "8720/3, false"})
    void malignantPrimaryMorphologies(String code, boolean malignantPrimary) {
        assertThat(T.isGenericMalignancy(ICDO3, code)).isEqualTo(malignantPrimary);
    }

    @Test
    void registrySitesAndMorphologiesInTheProfiles() {
        assertThat(T.isGenericSecondary(ICDO3, "8500/6")).isTrue();
        assertThat(T.isGenericSecondary(ICDO3, "80006")).isTrue();
        assertThat(T.isGenericSecondary(ICDO3, "8500/3")).isFalse();
        assertThat(T.isGenericSecondary(SNOMED, "4590003")).isTrue();
        assertThat(T.isGenericMalignancy(SNOMED, "82711006")).isTrue();
        assertThat(T.isBreastStructure(ICDO3, "C504")).isTrue();
        assertThat(T.isBreastStructure(ICDO3, "C44.5")).isFalse();
        assertThat(T.isRegionalNodeStructure(ICDO3, "C77.3")).isTrue();
        assertThat(T.isAmbiguousNodeStructure(ICDO3, "C77.0")).isTrue();
        assertThat(T.isAmbiguousNodeStructure(ICDO3, "C77.2")).isFalse();
        assertThat(T.bodyStructureSite(ICDO3, "C41.2")).isEqualTo(new SiteMapping("bone", "Bones, joints and articular cartilage of other and unspecified sites", true));
        assertThat(T.bodyStructureSite(ICDO3, "C41.9").specific()).isFalse();
        assertThat(T.bodyStructureSite(ICDO3, "C77.2").site()).isEqualTo("distant-lymph-nodes");
        assertThat(T.bodyStructureSite(ICDO3, "C77.3")).isNull();
        assertThat(T.bodyStructureSite(ICDO3, "C44.5")).as("the trunk's skin may be the breast's: T4, not M1").isNull();
        assertThat(T.locoregionalRegion(ICDO3, "C50.9")).isEqualTo("breast");
        assertThat(T.knowsSystem(ICDO3)).isTrue();
    }

    private static Path copyProfiles(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("profiles"));
        try (Stream<Path> s = Files.list(Path.of("fhir-profiles"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        return dir;
    }

    @Test
    void aRegexThatDoesNotCompileFailsTheLoad(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        Path f = dir.resolve("ValueSet-secondary-malignancy-site-by-body-site.json");
        Files.writeString(f, Files.readString(f).replace("[89][0-9]{3}/6", "[89][0-9{3}/6"));
        assertThatThrownBy(() -> Terminology.load(dir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("does not compile");
    }

    @Test
    void isAOnAMorphologyIsNoHierarchyAndFailsTheLoad(@TempDir Path tmp) throws IOException {
        Path dir = copyProfiles(tmp);
        Path f = dir.resolve("ValueSet-breast-structure.json");
        Files.writeString(f, Files.readString(f).replace("\"value\": \"C50\"", "\"value\": \"8500/3\""));
        assertThatThrownBy(() -> Terminology.load(dir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("unsupported filter");
    }
}
