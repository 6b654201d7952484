package org.primum.cdshooks;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.primum.cdshooks.model.FeedbackRequest;
import org.primum.cdshooks.model.FeedbackSummary;
import org.primum.core.Pipeline;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.*;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Card ids and the feedback on cards, in the default datasource (embedded H2 file by default, PostgreSQL
 * through the standard {@code quarkus.datasource.*} settings). The tables are the Flyway migrations'
 * ({@code src/main/resources/db/migration}), shared with the decision log and the audit jobs.
 * <p>
 * A card's uuid carries the catalogue codes of the card without a write per card: it is an RFC 9562
 * version-8 UUID whose first 32 bits are a signature of the knowledge-base version and the card's sorted
 * code list and whose other 90 free bits are random. Each distinct signature is stored once
 * ({@code cds_card_signature}, with its codes and knowledge-base version); feedback on the card is then
 * counted for each of its codes and that version, even after a restart.
 */
@Singleton
@Startup
public class FeedbackStore {
    private static final Logger LOG = Logger.getLogger(FeedbackStore.class);

    /** The codes of a signature and the knowledge base whose cards carry it (null: stored before versions were). */
    private record Signed(List<String> codes, String knowledgeBaseVersion) {
    }

    private final DataSource dataSource;
    private final String knowledgeBaseVersion;
    private final Map<String, Signed> signatures = new ConcurrentHashMap<>();

    @Inject
    public FeedbackStore(DataSource dataSource, Pipeline pipeline) {
        this(dataSource, pipeline.knowledgeBase().version());
    }

    /** A store on a migrated schema whose cards are issued under {@code knowledgeBaseVersion}. */
    public FeedbackStore(DataSource dataSource, String knowledgeBaseVersion) {
        this.dataSource = dataSource;
        this.knowledgeBaseVersion = Objects.requireNonNull(knowledgeBaseVersion, "knowledgeBaseVersion");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT signature, codes, kb_version FROM cds_card_signature")) {
            while (rs.next()) signatures.put(rs.getString(1), new Signed(List.of(rs.getString(2).split(",")), rs.getString(3)));
        } catch (SQLException e) {
            throw new IllegalStateException("CDS Hooks feedback store cannot be opened: " + e.getMessage(), e);
        }
        LOG.debugf("feedback store: %d card signatures known", signatures.size());
    }

    /** A new card uuid carrying these codes. */
    public UUID cardId(Collection<String> codes) {
        List<String> sorted = codes.stream().distinct().sorted().toList();
        String signature = signature(knowledgeBaseVersion, sorted);
        if (!signatures.containsKey(signature)) remember(signature, sorted);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (Long.parseUnsignedLong(signature, 16) << 32) | (r.nextLong() & 0xFFFF_0FFFL) | 0x8000L; // version 8
        long lsb = (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // RFC 4122/9562 variant
        return new UUID(msb, lsb);
    }

    /** The codes a card uuid issued by this service carries; empty for a uuid this service did not issue. */
    public List<String> codesOf(String cardUuid) {
        UUID id;
        try {
            id = UUID.fromString(cardUuid);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (id.version() != 8) return List.of();
        String signature = String.format("%08x", id.getMostSignificantBits() >>> 32);
        Signed signed = signatures.get(signature);
        return signed == null ? List.of() : signed.codes();
    }

    /** The knowledge-base version that issued a card uuid; null when unknown (not issued here, or before versions were kept). */
    public String knowledgeBaseVersionOf(String cardUuid) {
        List<String> codes = codesOf(cardUuid);
        if (codes.isEmpty()) return null;
        String signature = String.format("%08x", UUID.fromString(cardUuid).getMostSignificantBits() >>> 32);
        return signatures.get(signature).knowledgeBaseVersion();
    }

    /** The version is hashed in so that the same codes under another knowledge base are another signature. */
    static String signature(String knowledgeBaseVersion, List<String> sortedCodes) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((knowledgeBaseVersion + "\n" + String.join(",", sortedCodes)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void remember(String signature, List<String> codes) {
        Signed known = signatures.get(signature);
        if (known != null) {
            if (!known.codes().equals(codes)) LOG.warnf("card signature %s collides for two code lists", signature);
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO cds_card_signature (signature, codes, created_at, kb_version) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, signature);
            ps.setString(2, String.join(",", codes));
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(4, knowledgeBaseVersion);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) { // another instance stored it first: fine
                throw new IllegalStateException("cannot store a card signature: " + e.getMessage(), e);
            }
        }
        signatures.put(signature, new Signed(codes, knowledgeBaseVersion));
    }

    /** Stores each feedback item with the codes of its card, in one transaction. */
    public void store(String serviceId, List<FeedbackRequest.Item> items, List<OffsetDateTime> timestamps, String clientIssuer) {
        String insert = "INSERT INTO cds_feedback (service_id, card_uuid, outcome, override_system, override_code, override_display, "
                + "user_comment, accepted_suggestions, outcome_timestamp, received_at, client_issuer, kb_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement pc = c.prepareStatement("INSERT INTO cds_feedback_code (feedback_id, code) VALUES (?, ?)")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                for (int i = 0; i < items.size(); i++) {
                    FeedbackRequest.Item item = items.get(i);
                    var reason = item.overrideReason() == null ? null : item.overrideReason().reason();
                    ps.setString(1, serviceId);
                    ps.setString(2, item.card());
                    ps.setString(3, item.outcome());
                    ps.setString(4, reason == null ? null : clip(reason.system(), 500));
                    ps.setString(5, reason == null ? null : clip(reason.code(), 200));
                    ps.setString(6, reason == null ? null : clip(reason.display(), 500));
                    ps.setString(7, item.overrideReason() == null ? null : clip(item.overrideReason().userComment(), 4000));
                    ps.setString(8, item.acceptedSuggestions() == null ? null
                            : clip(String.join(",", item.acceptedSuggestions().stream().map(FeedbackRequest.AcceptedSuggestion::id).toList()), 4000));
                    ps.setObject(9, timestamps.get(i));
                    ps.setObject(10, now);
                    ps.setString(11, clip(clientIssuer, 500));
                    ps.setString(12, knowledgeBaseVersionOf(item.card()));
                    ps.executeUpdate();
                    long id;
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        if (!keys.next()) throw new SQLException("no generated key");
                        id = keys.getLong(1);
                    }
                    for (String code : codesOf(item.card())) {
                        pc.setLong(1, id);
                        pc.setString(2, code);
                        pc.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store CDS Hooks feedback: " + e.getMessage(), e);
        }
    }

    /** Feedback counted per catalogue code (and per override reason code). */
    public FeedbackSummary summary() {
        Map<String, long[]> outcomes = new TreeMap<>();
        Map<String, Map<String, Long>> reasons = new TreeMap<>();
        long total;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cds_feedback")) {
                rs.next();
                total = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT fc.code, f.outcome, f.override_code, COUNT(*) FROM cds_feedback f "
                    + "JOIN cds_feedback_code fc ON fc.feedback_id = f.id GROUP BY fc.code, f.outcome, f.override_code")) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    String outcome = rs.getString(2);
                    String reason = rs.getString(3);
                    long n = rs.getLong(4);
                    long[] counts = outcomes.computeIfAbsent(code, k -> new long[2]);
                    if ("accepted".equals(outcome)) counts[0] += n;
                    else counts[1] += n;
                    if ("overridden".equals(outcome) && reason != null) {
                        reasons.computeIfAbsent(code, k -> new TreeMap<>()).merge(reason, n, Long::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read CDS Hooks feedback: " + e.getMessage(), e);
        }
        List<FeedbackSummary.CodeCount> codes = new ArrayList<>();
        outcomes.forEach((code, n) -> codes.add(new FeedbackSummary.CodeCount(code, n[0], n[1], reasons.getOrDefault(code, Map.of()))));
        return new FeedbackSummary(total, codes);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
