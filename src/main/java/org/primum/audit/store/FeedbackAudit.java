package org.primum.audit.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads {@link FeedbackRates} from the CDS Hooks feedback tables (written by {@code cdshooks.FeedbackStore}). */
public final class FeedbackAudit {

    private final DataSource dataSource;

    public FeedbackAudit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public FeedbackRates rates() throws SQLException {
        record Key(String code, String version) {
        }
        Map<Key, long[]> counts = new LinkedHashMap<>();
        Map<Key, List<FeedbackRates.Reason>> reasons = new LinkedHashMap<>();
        long total;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cds_feedback")) {
                rs.next();
                total = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT fc.code, f.kb_version, f.outcome, f.override_system, f.override_code, "
                    + "f.override_display, COUNT(*) FROM cds_feedback f JOIN cds_feedback_code fc ON fc.feedback_id = f.id "
                    + "GROUP BY fc.code, f.kb_version, f.outcome, f.override_system, f.override_code, f.override_display "
                    + "ORDER BY fc.code, f.kb_version, f.outcome, f.override_code")) {
                while (rs.next()) {
                    Key key = new Key(rs.getString(1), rs.getString(2));
                    long n = rs.getLong(7);
                    long[] count = counts.computeIfAbsent(key, k -> new long[2]);
                    if ("accepted".equals(rs.getString(3))) {
                        count[0] += n;
                    } else {
                        count[1] += n;
                        reasons.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(new FeedbackRates.Reason(rs.getString(4), rs.getString(5), rs.getString(6), n));
                    }
                }
            }
        }
        List<FeedbackRates.Rate> rates = new ArrayList<>();
        counts.forEach((key, n) -> {
            double all = n[0] + n[1];
            rates.add(new FeedbackRates.Rate(key.code(), key.version(), n[0], n[1], n[0] / all, n[1] / all,
                    List.copyOf(reasons.getOrDefault(key, List.of()))));
        });
        rates.sort((a, b) -> a.code().equals(b.code())
                ? Objects.toString(a.knowledgeBaseVersion(), "").compareTo(Objects.toString(b.knowledgeBaseVersion(), ""))
                : a.code().compareTo(b.code()));
        return new FeedbackRates(total, rates);
    }
}
