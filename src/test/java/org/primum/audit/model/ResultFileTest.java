package org.primum.audit.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultFileTest {

    @TempDir
    Path dir;

    @Test
    void resultsComeBackAsWritten() throws Exception {
        String longId = "x".repeat(70_000) + "é"; // past writeUTF's 64 KB
        List<PatientResult> written = List.of(
                new PatientResult("Patient/a", List.of(
                        new CriterionResult("AUDIT_CLEAR_MARGINS", Verdict.DISCORDANT, "margin involved", LocalDate.of(2025, 3, 4), List.of("Procedure/p1", "Observation/o1")),
                        new CriterionResult("AUDIT_SYSTEMIC_BEFORE_LRT", Verdict.NOT_EVALUABLE, "undated act", null, List.of())),
                        "DE_NOVO", null, 2, 1),
                PatientResult.outOfScope("Patient/" + longId, "NO_DISTANT_METASTASIS", "no distant metastasis"));
        Path file = dir.resolve("results.bin");
        try (ResultFile.Writer w = new ResultFile.Writer(file)) {
            for (PatientResult p : written) w.write(p);
        }
        List<PatientResult> read = new ArrayList<>();
        ResultFile.forEach(file, read::add);
        assertThat(read).isEqualTo(written);
    }
}
