package org.primum.cdshooks;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.audit.store.Databases;
import org.primum.audit.store.FeedbackAudit;
import org.primum.cdshooks.model.FeedbackRequest;
import org.primum.cdshooks.security.ReplayGuard;
import org.primum.cdshooks.security.SharedReplayGuard;
import org.primum.cdshooks.security.TokenUseTable;
import org.primum.input.InvalidInputException;
import org.primum.input.Problem;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every security case of issue 15, as two tables run on H2 and on PostgreSQL, each "instance" a store or guard
 * of its own on one shared database: feedback only on the caller's own cards (forged and foreign card ids get
 * 404 and are counted nowhere, neither in any client's summary nor in the auditors' totals), the summary scoped
 * to the caller, and client-JWT ids accepted once across instances (replay on the same instance, on another,
 * reuse of an expired token's jti). What the HTTP layer adds is in {@code CdsHooksFeedbackTest} and
 * {@code CdsHooksAuthTest}.
 */
class CdsHooksSecurityCasesTest {

    /** One database per kind for the whole table; each row uses clients and token ids of its own. */
    private static final Map<String, Databases.Db> SHARED = new ConcurrentHashMap<>();
    private static final AtomicInteger ROW = new AtomicInteger();
    private static final List<String> CODES = List.of("DEFER_LRT_UNTIL_RESPONSE");
    private static final List<String> OTHER_CODES = List.of("OFFER_CLINICAL_TRIAL", "SYSTEMIC_THERAPY_FIRST");

    static Databases.Db db(String kind) {
        return SHARED.computeIfAbsent(kind, Databases::fresh);
    }

    /** Another deployment's database: another card-id secret. */
    static Databases.Db elsewhere() {
        return SHARED.computeIfAbsent("elsewhere", k -> Databases.fresh(Databases.H2));
    }

    // ---- feedback ------------------------------------------------------------------------------------------------

    enum Expect { STORED, NOT_FOUND }

    /**
     * Two instances of the service on one database ({@code one}, {@code two}), a deployment of its own on another
     * database (another card-id secret), and the clients of this row: A posts, B is someone else.
     */
    record Deployments(FeedbackStore one, FeedbackStore two, FeedbackStore elsewhere, String a, String b) {
        FeedbackStore instance(int n) {
            return n == 1 ? one : two;
        }
    }

    /** A row: the card ids client A posts (made from cards issued somewhere), the instance it posts to, what must happen. */
    record FeedbackCase(String name, Function<Deployments, List<String>> cards, int postedTo, Expect expect) {
    }

    static List<FeedbackCase> feedbackCases() {
        return List.of(
                new FeedbackCase("A's card, posted by A to the instance that issued it", d -> List.of(d.one().cardId(CODES, d.a()).toString()), 1, Expect.STORED),
                new FeedbackCase("A's card, posted by A to another instance", d -> List.of(d.one().cardId(CODES, d.a()).toString()), 2, Expect.STORED),
                new FeedbackCase("two of A's cards in one request", d -> List.of(d.one().cardId(CODES, d.a()).toString(),
                        d.two().cardId(OTHER_CODES, d.a()).toString()), 1, Expect.STORED),
                new FeedbackCase("B's card, posted by A", d -> List.of(d.one().cardId(CODES, d.b()).toString()), 1, Expect.NOT_FOUND),
                new FeedbackCase("B's card, posted by A to another instance", d -> List.of(d.one().cardId(CODES, d.b()).toString()), 2, Expect.NOT_FOUND),
                new FeedbackCase("A's card and B's card in one request: nothing stored", d -> List.of(d.one().cardId(CODES, d.a()).toString(),
                        d.one().cardId(CODES, d.b()).toString()), 1, Expect.NOT_FOUND),
                new FeedbackCase("A's card with one MAC bit flipped", d -> List.of(flip(d.one().cardId(CODES, d.a()), 0).toString()), 1, Expect.NOT_FOUND),
                new FeedbackCase("A's card with one random bit flipped", d -> List.of(flip(d.one().cardId(CODES, d.a()), 70).toString()), 1, Expect.NOT_FOUND),
                new FeedbackCase("A's card carrying the signature of A's other card", d -> List.of(withSignatureOf(d.one().cardId(CODES, d.a()),
                        d.one().cardId(OTHER_CODES, d.a())).toString()), 1, Expect.NOT_FOUND),
                new FeedbackCase("a version-8 uuid with a known signature and made-up bits", d -> List.of(withSignatureOf(
                        version8(UUID.randomUUID()), d.one().cardId(CODES, d.a())).toString()), 1, Expect.NOT_FOUND),
                new FeedbackCase("a random version-4 uuid", d -> List.of(UUID.randomUUID().toString()), 1, Expect.NOT_FOUND),
                new FeedbackCase("A's card from another deployment (another secret)", d -> List.of(d.elsewhere().cardId(CODES, d.a()).toString()), 1, Expect.NOT_FOUND),
                new FeedbackCase("not a uuid", d -> List.of("card-1"), 1, Expect.NOT_FOUND));
    }

    static Stream<Arguments> feedbackRows() {
        return Databases.kinds().stream().flatMap(kind -> feedbackCases().stream().map(c -> Arguments.of(kind, Named.of(c.name(), c))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("feedbackRows")
    void feedbackIsAcceptedOnlyOnTheCallersOwnCards(String kind, FeedbackCase row) throws Exception {
        Databases.Db db = db(kind);
        int n = ROW.incrementAndGet();
        Deployments d = new Deployments(new FeedbackStore(db.open(), "kb-1"), new FeedbackStore(db.open(), "kb-1"),
                new FeedbackStore(elsewhere().open(), "kb-1"), "https://ehr-a.example/" + n, "https://ehr-b.example/" + n);
        FeedbackAudit auditors = new FeedbackAudit(db.open());
        long auditedBefore = auditors.rates().feedbackItems();

        List<String> cards = row.cards().apply(d);
        List<FeedbackRequest.Item> items = cards.stream()
                .map(card -> new FeedbackRequest.Item(card, "overridden", null, null, "2026-11-27T10:00:00Z")).toList();
        List<OffsetDateTime> at = items.stream().map(i -> OffsetDateTime.parse(i.outcomeTimestamp())).toList();
        FeedbackStore target = d.instance(row.postedTo());

        if (row.expect() == Expect.STORED) {
            target.store(CdsServiceCatalog.PATIENT_VIEW, items, at, d.a());
            for (FeedbackStore instance : List.of(d.one(), d.two())) {
                assertThat(instance.summary(d.a()).feedbackItems()).isEqualTo(cards.size());
                assertThat(instance.summary(d.a()).codes()).isNotEmpty().allSatisfy(c -> assertThat(c.overridden()).isEqualTo(1));
            }
            assertThat(auditors.rates().feedbackItems() - auditedBefore).as("the auditors see every client's feedback").isEqualTo(cards.size());
        } else {
            assertThatThrownBy(() -> target.store(CdsServiceCatalog.PATIENT_VIEW, items, at, d.a()))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND);
                        assertThat(e.location()).isEqualTo("feedback[" + firstRefused(cards, d) + "].card");
                    });
            assertThat(target.summary(d.a()).feedbackItems()).isZero();
            assertThat(auditors.rates().feedbackItems()).as("counted nowhere").isEqualTo(auditedBefore);
        }
        // B never posted: whatever A did, B's summary is empty
        assertThat(d.one().summary(d.b()).feedbackItems()).isZero();
        assertThat(d.one().summary(d.b()).codes()).isEmpty();
    }

    private static int firstRefused(List<String> cards, Deployments d) {
        for (int i = 0; i < cards.size(); i++) if (d.one().codesOf(cards.get(i), d.a()).isEmpty()) return i;
        throw new AssertionError("no card of the row is refused");
    }

    /** The uuid with one bit flipped, counted from the least significant bit of the whole 128. */
    static UUID flip(UUID id, int bit) {
        return bit < 64 ? new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits() ^ (1L << bit))
                : new UUID(id.getMostSignificantBits() ^ (1L << (bit - 64)), id.getLeastSignificantBits());
    }

    /** {@code id} with the first 32 bits (the signature) of {@code donor}. */
    static UUID withSignatureOf(UUID id, UUID donor) {
        long msb = (donor.getMostSignificantBits() & 0xFFFF_FFFF_0000_0000L) | (id.getMostSignificantBits() & 0xFFFF_FFFFL);
        return new UUID(msb, id.getLeastSignificantBits());
    }

    static UUID version8(UUID id) {
        return new UUID((id.getMostSignificantBits() & ~0xF000L) | 0x8000L, id.getLeastSignificantBits());
    }

    // ---- replay ----------------------------------------------------------------------------------------------------

    /** One presentation of a token id to an instance (1 or 2), at {@code now}, with the token's expiry; accepted or not. */
    record Use(int instance, String issuer, String jti, long expiresAt, long now, boolean accepted) {
    }

    record ReplayCase(String name, List<Use> uses) {
    }

    static List<ReplayCase> replayCases() {
        return List.of(
                new ReplayCase("first use accepted, the same token again on the same instance refused",
                        List.of(new Use(1, "a", "j", 1_000, 900, true), new Use(1, "a", "j", 1_000, 901, false))),
                new ReplayCase("first used on instance 1, replayed on instance 2: refused",
                        List.of(new Use(1, "a", "j", 1_000, 900, true), new Use(2, "a", "j", 1_000, 901, false))),
                new ReplayCase("first used on instance 2, replayed on 1, then on 2 again: refused both times",
                        List.of(new Use(2, "a", "j", 1_000, 900, true), new Use(1, "a", "j", 1_000, 901, false), new Use(2, "a", "j", 1_000, 902, false))),
                new ReplayCase("the same jti from another issuer is another token",
                        List.of(new Use(1, "a", "j", 1_000, 900, true), new Use(2, "b", "j", 1_000, 901, true), new Use(1, "b", "j", 1_000, 902, false))),
                new ReplayCase("a jti reused after its token expired, on the same instance: accepted once",
                        List.of(new Use(1, "a", "j", 1_000, 900, true), new Use(1, "a", "j", 2_000, 1_001, true),
                                new Use(1, "a", "j", 2_000, 1_002, false), new Use(2, "a", "j", 2_000, 1_003, false))),
                new ReplayCase("a jti reused after its token expired, on another instance: accepted once",
                        List.of(new Use(1, "a", "j", 1_000, 900, true), new Use(2, "a", "j", 2_000, 1_001, true),
                                new Use(1, "a", "j", 2_000, 1_002, false), new Use(2, "a", "j", 2_000, 1_003, false))),
                new ReplayCase("reused in the second its token expires: still a replay",
                        List.of(new Use(1, "a", "j", 1_000, 900, true), new Use(2, "a", "j", 2_000, 1_000, false))));
    }

    static Stream<Arguments> replayRows() {
        return Databases.kinds().stream().flatMap(kind -> replayCases().stream().map(c -> Arguments.of(kind, Named.of(c.name(), c))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("replayRows")
    void aTokenIdIsAcceptedOnceAcrossInstances(String kind, ReplayCase row) {
        DataSource ds = db(kind).open();
        String prefix = "row-" + ROW.incrementAndGet() + "-"; // token ids of this row only, on the shared database
        Map<Integer, SharedReplayGuard> instances = Map.of(1, instance(ds), 2, instance(ds));
        for (Use use : row.uses()) {
            assertThat(instances.get(use.instance()).firstUse(use.issuer(), prefix + use.jti(), use.expiresAt(), use.now()))
                    .as(use.toString()).isEqualTo(use.accepted());
        }
    }

    /** An instance: its own memory, the shared table; sweeps run on the caller's thread. */
    static SharedReplayGuard instance(DataSource ds) {
        return new SharedReplayGuard(new ReplayGuard(1_000), new TokenUseTable(ds), Runnable::run);
    }
}
