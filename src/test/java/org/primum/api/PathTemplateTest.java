package org.primum.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathTemplateTest {

    @Test
    void parametersMatchOneSegment() {
        PathTemplate t = PathTemplate.of("/cds-services", "{id}/feedback");
        assertThat(t.template()).isEqualTo("/cds-services/{id}/feedback");
        assertThat(t.matches("/cds-services/x/feedback")).isTrue();
        assertThat(t.matches("/cds-services/x/feedback/")).isTrue();
        assertThat(t.matches("/cds-services/x/y/feedback")).isFalse();
        assertThat(t.matches("/cds-services//feedback")).isFalse();
    }

    @Test
    void parametersWithTheirOwnExpression() {
        PathTemplate t = PathTemplate.of("/x", "/{n: [0-9]{3}}");
        assertThat(t.matches("/x/123")).isTrue();
        assertThat(t.matches("/x/12")).isFalse();
        assertThat(t.matches("/x/abc")).isFalse();
    }

    @Test
    void literalPartsAreNotExpressions() {
        PathTemplate t = PathTemplate.of("/a.b", null);
        assertThat(t.matches("/a.b")).isTrue();
        assertThat(t.matches("/axb")).isFalse();
        assertThat(PathTemplate.of("/rules/", "").template()).isEqualTo("/rules");
        assertThat(PathTemplate.of("", "").template()).isEqualTo("/");
    }
}
