package org.primum.tumourboard;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.primum.core.Pipeline;
import org.primum.engine.Indicator;
import org.primum.engine.KnowledgeBase;
import org.primum.engine.RuleDefinition;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import java.util.List;

/** {@code GET /rules} and {@code GET /rules/{code}}: the knowledge base as loaded, with its citations resolved. */
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tumour board")
public class RulesResource {

    private final Pipeline pipeline;

    public RulesResource(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @JsonPropertyOrder({"version", "rules"})
    public record KnowledgeBaseView(String version, List<RuleView> rules) {
    }

    @JsonPropertyOrder({"code", "section", "title", "statement", "indicator", "evidenceLevel", "lrtPath", "citations", "rule", "file"})
    public record RuleView(String code, String section, String title, String statement, Indicator indicator, String evidenceLevel,
                           String lrtPath, List<TumourBoardAnswer.CitationView> citations, String rule, String file) {
        static RuleView of(RuleDefinition d) {
            return new RuleView(d.code(), d.section(), d.title(), d.statement(), d.indicator(), d.evidenceLevel(), d.lrtPath(),
                    d.citations().stream().map(TumourBoardAnswer.CitationView::of).toList(), d.rule(), d.file());
        }
    }

    @GET
    @Operation(summary = "The knowledge base", description = "Its version and every recommendation rule with its statement, indicator,"
            + " evidence level and citations")
    @APIResponse(responseCode = "200", description = "The knowledge base as loaded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KnowledgeBaseView.class)))
    public KnowledgeBaseView all() {
        KnowledgeBase kb = pipeline.knowledgeBase();
        return new KnowledgeBaseView(kb.version(), kb.definitions().stream().map(RuleView::of).toList());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One rule", description = "The rule that emits a recommendation code, e.g. SYSTEMIC_THERAPY_FIRST")
    @APIResponse(responseCode = "200", description = "The rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RuleView one(@RestPath String code) {
        return pipeline.knowledgeBase().definition(code).map(RuleView::of)
                .orElseThrow(() -> new InvalidInputException(Problem.NOT_FOUND, "not-found", "no rule emits the code " + code, "code"));
    }
}
