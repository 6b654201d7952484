package org.primum.audit.store;

import javax.sql.DataSource;
import java.sql.*;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@code decision_log} table (see the Flyway migrations): plain JDBC, the same SQL on H2 and PostgreSQL. */
public final class DecisionStore {

    private static final String COLUMNS = "id, recorded_at, origin, patient_hash, as_of, kb_version, input_digest, codes, facts, raw_fhir";

    private final DataSource dataSource;

    public DecisionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the decisions in one transaction (a batch from the writer's queue). */
    public void append(List<Decision> decisions) throws SQLException {
        if (decisions.isEmpty()) return;
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision_log (recorded_at, origin, patient_hash, as_of, "
                    + "kb_version, input_digest, codes, facts, raw_fhir) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Decision d : decisions) {
                    ps.setObject(1, d.recordedAt());
                    ps.setString(2, d.origin());
                    ps.setString(3, d.patientHash());
                    ps.setObject(4, d.asOf());
                    ps.setString(5, d.knowledgeBaseVersion());
                    ps.setString(6, d.inputDigest());
                    ps.setString(7, String.join(",", d.codes()));
                    ps.setString(8, d.factsJson());
                    ps.setString(9, d.rawFhir());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    public List<Decision> find(DecisionFilter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM decision_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!filter.ids().isEmpty()) {
            sql.append(" AND id IN (").append(String.join(", ", filter.ids().stream().map(i -> "?").toList())).append(')');
            args.addAll(filter.ids());
        }
        if (filter.patientHash() != null) {
            sql.append(" AND patient_hash = ?");
            args.add(filter.patientHash());
        }
        if (filter.from() != null) {
            sql.append(" AND recorded_at >= ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND recorded_at < ?");
            args.add(filter.to());
        }
        sql.append(" ORDER BY recorded_at, id FETCH FIRST ").append(filter.limit()).append(" ROWS ONLY");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<Decision> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        }
    }

    private static Decision read(ResultSet rs) throws SQLException {
        String codes = rs.getString(8);
        return new Decision(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
                codes.isEmpty() ? List.of() : Arrays.asList(codes.split(",")), rs.getString(9), rs.getString(10));
    }
}
