package org.primum.spark;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobOptionsTest {

    @Test
    void reads_every_option() {
        JobOptions o = JobOptions.parse("--input", "hdfs:///a/,b.ndjson", "--input", "c.ndjson.gz", "--out", "out",
                "--as-of", "2025-12-31", "--rules", "rules", "--profiles", "fhir-profiles", "--partitions", "64");
        assertThat(o.inputs()).containsExactly("hdfs:///a/", "b.ndjson", "c.ndjson.gz");
        assertThat(o.out()).isEqualTo("out");
        assertThat(o.asOf()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(o.knowledgeBase()).isEqualTo(new KnowledgeBaseSource("rules", "fhir-profiles"));
        assertThat(o.partitions()).isEqualTo(64);
    }

    @Test
    void defaults_to_the_bundled_knowledge_base_today_and_sparks_partitions() {
        JobOptions o = JobOptions.parse("--input", "in", "--out", "out");
        assertThat(o.knowledgeBase().bundled()).isTrue();
        assertThat(o.asOf()).isEqualTo(LocalDate.now());
        assertThat(o.partitions()).isZero();
        assertThat(o.inputs()).isEqualTo(List.of("in"));
    }

    @Test
    void refuses_what_it_cannot_run() {
        assertThatThrownBy(() -> JobOptions.parse("--out", "out")).hasMessageContaining("--input");
        assertThatThrownBy(() -> JobOptions.parse("--input", "in")).hasMessageContaining("--out");
        assertThatThrownBy(() -> JobOptions.parse("--input", "in", "--out", "o", "--rules", "r"))
                .hasMessageContaining("--rules and --profiles go together");
        assertThatThrownBy(() -> JobOptions.parse("--input", "in", "--out", "o", "--as-of", "31/12/2025")).hasMessageContaining("--as-of");
        assertThatThrownBy(() -> JobOptions.parse("--input", "in", "--out", "o", "--threads", "2")).hasMessageContaining("unknown option --threads");
        assertThatThrownBy(() -> JobOptions.parse("--input")).hasMessageContaining("needs a value");
    }
}
