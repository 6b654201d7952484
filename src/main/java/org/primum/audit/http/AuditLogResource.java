package org.primum.audit.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import org.primum.audit.log.DecisionLog;
import org.primum.audit.log.Replay;
import org.primum.audit.log.ReplayReport;
import org.primum.audit.store.DecisionStore;
import org.primum.audit.store.FeedbackAudit;
import org.primum.audit.store.FeedbackRates;
import org.primum.core.Pipeline;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The decision log and the feedback, for an auditor: {@code GET /audit/decisions}, {@code POST /audit/replay},
 * {@code GET /audit/feedback}. Errors are OperationOutcomes (org.primum.api).
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

    private final DecisionStore decisions;
    private final Replay replay;
    private final FeedbackAudit feedback;
    private final DecisionLog log;

    public AuditLogResource(DataSource dataSource, Pipeline pipeline, DecisionLog log) {
        this.decisions = new DecisionStore(dataSource);
        this.replay = new Replay(pipeline, decisions);
        this.feedback = new FeedbackAudit(dataSource);
        this.log = log;
    }

    /** {@code ?patient=<id>&from=&to=&limit=}: the decisions, oldest first. */
    @GET
    @Path("/decisions")
    public Map<String, List<DecisionView>> decisions(@RestQuery String patient, @RestQuery String from, @RestQuery String to,
                                                     @RestQuery Integer limit) throws SQLException {
        var filter = new DecisionQuery(List.of(), patient, from, to, limit).filter(log.patientHash());
        return Map.of("decisions", decisions.find(filter).stream().map(DecisionView::of).toList());
    }

    /** Body {@code {"ids":[…],"patient":"…","from":"…","to":"…","limit":n}} (all optional): which decisions to evaluate again. */
    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReplayReport replay(DecisionQuery query) throws SQLException {
        DecisionQuery q = query == null ? new DecisionQuery(List.of(), null, null, null, null) : query;
        return replay.run(q.filter(log.patientHash()));
    }

    @GET
    @Path("/feedback")
    public FeedbackRates feedback() throws SQLException {
        return feedback.rates();
    }
}
