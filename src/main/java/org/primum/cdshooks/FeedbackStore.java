package org.primum.cdshooks;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.primum.cdshooks.model.FeedbackRequest;
import org.primum.cdshooks.model.FeedbackSummary;
import org.primum.cdshooks.security.CardIdSeal;
import org.primum.cdshooks.security.CdsSecurityConfig;
import org.primum.cdshooks.security.ServerSecrets;
import org.primum.core.Pipeline;
import org.primum.input.Problem;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.*;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Card ids and the feedback on cards, in the default datasource (embedded H2 file by default, PostgreSQL
 * through the standard {@code quarkus.datasource.*} settings). The tables are the Flyway migrations'
 * ({@code src/main/resources/db/migration}), shared with the decision log and the audit jobs.
 * <p>
 * A card's uuid carries the catalogue codes of the card and the client it was issued to, without a write per
 * card ({@link CardIdSeal}): a 32-bit signature of the knowledge-base version and the card's sorted code list,
 * and a MAC binding it to the client (the issuer of its JWT). Each distinct signature is stored once
 * ({@code cds_card_signature}, with its codes and knowledge-base version); feedback on the card is then
 * counted for each of its codes and that version, even after a restart. Feedback is accepted only on the
 * caller's own cards, and the summary counts only the caller's feedback ({@code audit.store.FeedbackAudit}
 * reads everyone's, for the auditors).
 * <p>
 * Opened on first use, not at start-up: the database's schema is migrated in the background as the service starts
 * ({@code audit.store.SchemaMigration}), and the tumour board's first answer does not wait for it. The first CDS
 * Hooks call then reads the MAC key and the known signatures (waiting for the migration if it still runs).
 */
@Singleton
public class FeedbackStore {
    private static final Logger LOG = Logger.getLogger(FeedbackStore.class);

    /** The codes of a signature and the knowledge base whose cards carry it (null: stored before versions were). */
    private record Signed(List<String> codes, String knowledgeBaseVersion) {
    }

    /** The name of the card-id MAC key in {@code cds_server_secret}. */
    static final String SECRET_NAME = "card-id-mac";

    private final DataSource dataSource;
    private final String knowledgeBaseVersion;
    private final Supplier<CardIdSeal> sealSource;
    private final Map<String, Signed> signatures = new ConcurrentHashMap<>();
    /** Null until {@link #seal()} opened the store. */
    private volatile CardIdSeal seal;

    @Inject
    public FeedbackStore(DataSource dataSource, Pipeline pipeline, CdsSecurityConfig config) {
        this(dataSource, pipeline.knowledgeBase().version(), () -> new CardIdSeal(ServerSecrets.load(dataSource, SECRET_NAME,
                config.security().cardIdSecret(), "primum.cdshooks.security.card-id-secret")));
    }

    /** A store on a migrated schema whose cards are issued under {@code knowledgeBaseVersion}, keyed by the database's secret. */
    public FeedbackStore(DataSource dataSource, String knowledgeBaseVersion) {
        this(dataSource, knowledgeBaseVersion, () -> new CardIdSeal(ServerSecrets.load(dataSource, SECRET_NAME, Optional.empty(), SECRET_NAME)));
    }

    /** A store on a migrated schema whose cards are issued under {@code knowledgeBaseVersion} and sealed with {@code seal}. */
    public FeedbackStore(DataSource dataSource, String knowledgeBaseVersion, CardIdSeal seal) {
        this(dataSource, knowledgeBaseVersion, given(seal));
    }

    private static Supplier<CardIdSeal> given(CardIdSeal seal) {
        Objects.requireNonNull(seal, "seal");
        return () -> seal;
    }

    private FeedbackStore(DataSource dataSource, String knowledgeBaseVersion, Supplier<CardIdSeal> sealSource) {
        this.dataSource = dataSource;
        this.knowledgeBaseVersion = Objects.requireNonNull(knowledgeBaseVersion, "knowledgeBaseVersion");
        this.sealSource = sealSource;
    }

    /** The card-id seal, the store opened first (its key and the known signatures read) if this is its first use; retried after a failure. */
    private CardIdSeal seal() {
        CardIdSeal opened = seal;
        if (opened != null) return opened;
        synchronized (this) {
            if (seal == null) {
                CardIdSeal loaded = sealSource.get();
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT signature, codes, kb_version FROM cds_card_signature")) {
                    while (rs.next()) signatures.putIfAbsent(rs.getString(1), new Signed(List.of(rs.getString(2).split(",")), rs.getString(3)));
                } catch (SQLException e) {
                    throw new IllegalStateException("CDS Hooks feedback store cannot be opened: " + e.getMessage(), e);
                }
                LOG.debugf("feedback store: %d card signatures known", signatures.size());
                seal = loaded;
            }
            return seal;
        }
    }

    /** A new card uuid carrying these codes, issued to {@code client} (the issuer of the caller's JWT). */
    public UUID cardId(Collection<String> codes, String client) {
        CardIdSeal seal = seal();
        List<String> sorted = codes.stream().distinct().sorted().toList();
        String signature = signature(knowledgeBaseVersion, sorted);
        if (!signatures.containsKey(signature)) remember(signature, sorted);
        return seal.issue(Integer.parseUnsignedInt(signature, 16), client);
    }

    /** The codes of a card this service issued to {@code client}; empty for any other uuid (forged, another client's, unknown). */
    public List<String> codesOf(String cardUuid, String client) {
        Signed signed = signed(cardUuid, client);
        return signed == null ? List.of() : signed.codes();
    }

    /** The knowledge-base version that issued a card to {@code client}; null when unknown (not issued to it, or before versions were kept). */
    public String knowledgeBaseVersionOf(String cardUuid, String client) {
        Signed signed = signed(cardUuid, client);
        return signed == null ? null : signed.knowledgeBaseVersion();
    }

    /** What a card issued to {@code client} carries; null for any other uuid. */
    private Signed signed(String cardUuid, String client) {
        OptionalInt sealed = seal().signatureOf(cardUuid, client);
        if (sealed.isEmpty()) return null;
        String signature = String.format("%08x", sealed.getAsInt());
        Signed known = signatures.get(signature);
        // a genuine card another instance issued with codes new since this one started: its signature row is in the
        // database (stored before the card went out). Only sealed ids get here, so forged ones cost no query.
        return known != null ? known : stored(signature);
    }

    private Signed stored(String signature) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT codes, kb_version FROM cds_card_signature WHERE signature = ?")) {
            ps.setString(1, signature);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                Signed signed = new Signed(List.of(rs.getString(1).split(",")), rs.getString(2));
                signatures.putIfAbsent(signature, signed);
                return signed;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a card signature: " + e.getMessage(), e);
        }
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

    /**
     * Stores each feedback item with the codes of its card, in one transaction, when every card was issued to
     * {@code clientIssuer}; otherwise stores nothing and throws a 404 {@link CdsHookException} naming the first
     * card that was not. The feedback endpoint exists, the card does not (for this client): CDS Hooks defines
     * {@code card} as "the card.uuid from the CDS Hooks response", and no response to this client held it. A
     * forged uuid, another client's and one issued under another secret get the same answer, so it tells a
     * client nothing about other clients' cards.
     */
    public void store(String serviceId, List<FeedbackRequest.Item> items, List<OffsetDateTime> timestamps, String clientIssuer) {
        List<Signed> cards = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Signed signed = signed(items.get(i).card(), clientIssuer);
            if (signed == null) {
                String at = "feedback[" + i + "].card";
                throw new CdsHookException(Problem.NOT_FOUND, "not-found", at + " is not the uuid of a card this service issued to this client", at);
            }
            cards.add(signed);
        }
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
                    ps.setString(12, cards.get(i).knowledgeBaseVersion());
                    ps.executeUpdate();
                    long id;
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        if (!keys.next()) throw new SQLException("no generated key");
                        id = keys.getLong(1);
                    }
                    for (String code : cards.get(i).codes()) {
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

    /** The feedback of one client ({@code clientIssuer}, the issuer of its JWT) counted per catalogue code (and per override reason code). */
    public FeedbackSummary summary(String clientIssuer) {
        Map<String, long[]> outcomes = new TreeMap<>();
        Map<String, Map<String, Long>> reasons = new TreeMap<>();
        long total;
        String client = clip(clientIssuer, 500); // as stored
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM cds_feedback WHERE client_issuer = ?");
             PreparedStatement byCode = c.prepareStatement("SELECT fc.code, f.outcome, f.override_code, COUNT(*) FROM cds_feedback f "
                     + "JOIN cds_feedback_code fc ON fc.feedback_id = f.id WHERE f.client_issuer = ? GROUP BY fc.code, f.outcome, f.override_code")) {
            count.setString(1, client);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            byCode.setString(1, client);
            try (ResultSet rs = byCode.executeQuery()) {
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
