package org.primum.audit.store;

import javax.sql.DataSource;
import java.sql.*;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code audit_job} table: plain JDBC, the same SQL on H2 and PostgreSQL. Taking over a job whose
 * runner died is a compare-and-set on its heartbeat ({@link #claim}), so that of several instances sharing
 * the database exactly one resumes it.
 */
public final class AuditJobStore {

    private static final String COLUMNS = "id, state, created_at, updated_at, heartbeat_at, expires_at, as_of, input_path, "
            + "input_bytes, progress, attempts, error, result";

    private final DataSource dataSource;

    public AuditJobStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(AuditJob job) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_job (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, job.id());
            ps.setString(2, job.state().name());
            ps.setObject(3, job.createdAt());
            ps.setObject(4, job.updatedAt());
            ps.setObject(5, job.heartbeatAt());
            ps.setObject(6, job.expiresAt());
            ps.setObject(7, job.asOf());
            ps.setString(8, job.inputPath());
            ps.setLong(9, job.inputBytes());
            ps.setString(10, job.progress());
            ps.setInt(11, job.attempts());
            ps.setString(12, job.error());
            ps.setString(13, job.result());
            ps.executeUpdate();
        }
    }

    public Optional<AuditJob> find(String id) throws SQLException {
        List<AuditJob> jobs = query("SELECT " + COLUMNS + " FROM audit_job WHERE id = ?", id);
        return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
    }

    /** Jobs not finished whose heartbeat is older than {@code before}: their runner is gone. */
    public List<AuditJob> stale(OffsetDateTime before) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM audit_job WHERE state IN ('QUEUED', 'RUNNING') AND heartbeat_at < ? ORDER BY created_at", before);
    }

    /** Jobs past their expiry date, finished or not. */
    public List<AuditJob> expired(OffsetDateTime now) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM audit_job WHERE expires_at < ?", now);
    }

    /** Takes over a stale job if its heartbeat is still {@code seenHeartbeat}: true for exactly one claimant. */
    public boolean claim(AuditJob seen, OffsetDateTime now) throws SQLException {
        return update("UPDATE audit_job SET state = 'QUEUED', heartbeat_at = ?, updated_at = ?, attempts = attempts + 1 "
                + "WHERE id = ? AND heartbeat_at = ? AND state IN ('QUEUED', 'RUNNING')", now, now, seen.id(), seen.heartbeatAt()) == 1;
    }

    public void heartbeat(List<String> ids, OffsetDateTime at) throws SQLException {
        for (String id : ids) update("UPDATE audit_job SET heartbeat_at = ? WHERE id = ? AND state IN ('QUEUED', 'RUNNING')", at, id);
    }

    public void running(String id, String progress, OffsetDateTime now) throws SQLException {
        update("UPDATE audit_job SET state = 'RUNNING', progress = ?, updated_at = ?, heartbeat_at = ? WHERE id = ? "
                + "AND state IN ('QUEUED', 'RUNNING')", progress, now, now, id);
    }

    public void completed(String id, String result, OffsetDateTime now) throws SQLException {
        update("UPDATE audit_job SET state = 'COMPLETED', result = ?, progress = NULL, updated_at = ? WHERE id = ?", result, now, id);
    }

    public void failed(String id, String error, OffsetDateTime now) throws SQLException {
        update("UPDATE audit_job SET state = 'FAILED', error = ?, progress = NULL, updated_at = ? WHERE id = ?",
                error.length() > 4000 ? error.substring(0, 4000) : error, now, id);
    }

    public boolean delete(String id) throws SQLException {
        return update("DELETE FROM audit_job WHERE id = ?", id) == 1;
    }

    private int update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        }
    }

    private List<AuditJob> query(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            List<AuditJob> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditJob(rs.getString(1), AuditJob.State.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class),
                            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
                            rs.getObject(7, LocalDate.class), rs.getString(8), rs.getLong(9), rs.getString(10), rs.getInt(11),
                            rs.getString(12), rs.getString(13)));
                }
            }
            return out;
        }
    }
}
