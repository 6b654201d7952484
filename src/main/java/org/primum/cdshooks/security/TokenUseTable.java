package org.primum.cdshooks.security;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The client-JWT ids used, in the table {@code cds_token_use} of the shared database (migration V2): one row per
 * accepted token id until its token expires. The primary key makes "first use" an atomic insert-or-fail on any
 * number of instances; an expired row is taken over by an update that only one instance can win.
 */
public final class TokenUseTable {
    /** SQLSTATE of a unique-key violation, on PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public TokenUseTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the token id; true when this call recorded it first (or took over the row of an expired earlier
     * token with the same id), false when an unexpired use is on record. {@code expiresAtSeconds} and
     * {@code nowSeconds} are epoch seconds.
     */
    public boolean claim(String issuer, String jti, long expiresAtSeconds, long nowSeconds) throws SQLException {
        String key = key(issuer, jti);
        try (Connection c = dataSource.getConnection()) {
            // each statement on its own: on PostgreSQL a failed insert inside a transaction would abort the update after it
            boolean auto = c.getAutoCommit();
            if (!auto) c.setAutoCommit(true);
            try {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO cds_token_use (token_key, issuer, expires_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, key);
                    insert.setString(2, issuer.length() <= 500 ? issuer : issuer.substring(0, 500));
                    insert.setLong(3, expiresAtSeconds);
                    insert.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
                }
                try (PreparedStatement renew = c.prepareStatement("UPDATE cds_token_use SET expires_at = ? WHERE token_key = ? AND expires_at < ?")) {
                    renew.setLong(1, expiresAtSeconds);
                    renew.setString(2, key);
                    renew.setLong(3, nowSeconds);
                    return renew.executeUpdate() == 1;
                }
            } finally {
                if (!auto) c.setAutoCommit(false);
            }
        }
    }

    /** Deletes the rows of expired tokens; how many. */
    public int sweep(long nowSeconds) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM cds_token_use WHERE expires_at < ?")) {
            delete.setLong(1, nowSeconds);
            return delete.executeUpdate();
        }
    }

    /** SHA-256 of issuer and jti: a key of fixed length whatever the client puts in its jti. */
    static String key(String issuer, String jti) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((issuer + '\n' + jti).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
