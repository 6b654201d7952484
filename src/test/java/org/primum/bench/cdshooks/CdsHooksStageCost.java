package org.primum.bench.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.primum.cdshooks.CardFactory;
import org.primum.cdshooks.CdsProfiles;
import org.primum.cdshooks.HookCall;
import org.primum.cdshooks.TestJwt;
import org.primum.cdshooks.TestPatient;
import org.primum.cdshooks.model.CdsResponse;
import org.primum.cdshooks.security.ClientJwtVerifier;
import org.primum.cdshooks.security.JwksCache;
import org.primum.cdshooks.security.CardIdSeal;
import org.primum.cdshooks.security.ReplayGuard;
import org.primum.cdshooks.security.TokenUseTable;
import org.primum.audit.log.DecisionLog;
import org.primum.audit.log.PatientHash;
import org.primum.audit.store.Databases;
import org.primum.audit.store.DecisionStore;
import org.primum.core.Evaluated;
import org.primum.core.FhirInput;
import org.primum.core.Pipeline;
import org.jose4j.jwk.JsonWebKeySet;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.*;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Where the time of one patient-view call goes, stage by stage, in one thread without HTTP: JWT
 * verification (ES384, RS384), reading the request (Jackson), the core (strict FHIR reading + mapping +
 * rules), cards, JSON answer. A probe for the benchmark, not a test.
 */
public final class CdsHooksStageCost {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        ObjectMapper json = new ObjectMapper();
        Pipeline pipeline = Pipeline.builder().rules(Path.of("rules")).profiles(Path.of("fhir-profiles")).build();
        CardFactory cards = new CardFactory(CdsProfiles.load(Path.of("fhir-profiles")), json, (codes, client) -> UUID.randomUUID());
        TestPatient p = TestPatient.realistic("bench-patient");
        byte[] body = json.writeValueAsBytes(p.request("patient-view", p.prefetchAll(), List.of()));

        TestJwt keys = TestJwt.generate();
        String aud = "http://127.0.0.1/cds-services/dnmbc-lrt-patient-view";
        ClientJwtVerifier verifier = new ClientJwtVerifier(List.of(new ClientJwtVerifier.TrustedIssuer(TestJwt.ISSUER,
                new JsonWebKeySet(keys.publicJwks("ec-1", "rsa-1")).getJsonWebKeys(), Optional.empty(), Set.of(), Set.of(), List.of())),
                List.of("ES384", "RS384"), new JwksCache(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(3),
                Executors.newSingleThreadExecutor(), Clock.systemUTC()), new ReplayGuard(10_000_000), Clock.systemUTC(),
                Duration.ofSeconds(30), Duration.ofMinutes(5), args.length > 2 ? null : bc());
        int jwtN = args.length > 1 && "nojwt".equals(args[1]) ? 2 : Math.min(n, 2000);
        List<String> es = new ArrayList<>(), rs = new ArrayList<>();
        for (int i = 0; i < 2 * jwtN; i++) {
            es.add("Bearer " + keys.token(aud).compact());
            rs.add("Bearer " + keys.token(aud).key("rsa-1").compact());
        }
        Iterator<String> esIt = es.iterator(), rsIt = rs.iterator();

        time("verify ES384", jwtN, () -> { try { return verifier.verify(esIt.next(), List.of(aud)); } catch (Exception e) { throw new RuntimeException(e); } });
        time("verify RS384", jwtN, () -> { try { return verifier.verify(rsIt.next(), List.of(aud)); } catch (Exception e) { throw new RuntimeException(e); } });
        Iterator<String> parseIt = es.iterator();
        time("  of which JWT parse (jose4j)", jwtN, () -> {
            try {
                var jws = (org.jose4j.jws.JsonWebSignature) org.jose4j.jwx.JsonWebStructure.fromCompactSerialization(parseIt.next().substring(7));
                return org.jose4j.jwt.JwtClaims.parse(jws.getUnverifiedPayload());
            } catch (Exception e) { throw new RuntimeException(e); }
        });
        time("read request (Jackson)", n, () -> { try { return HookCall.read(json.readTree(body), "patient-view"); } catch (Exception e) { throw new RuntimeException(e); } });
        HookCall call = HookCall.read(json.readTree(body), "patient-view");
        List<FhirInput> inputs = new ArrayList<>();
        call.prefetch().values().forEach(inputs::addAll);
        time("FHIR read + map + rules", n, () -> pipeline.evaluate(inputs, call.patientId(), LocalDate.now()));
        Pipeline.Result result = pipeline.evaluate(inputs, call.patientId(), LocalDate.now());
        time("cards", n, () -> cards.cards(result.evaluation(), call, null));
        CdsResponse response = CdsResponse.of(cards.cards(result.evaluation(), call, null));
        time("JSON answer", n, () -> { try { return json.writeValueAsBytes(response); } catch (Exception e) { throw new RuntimeException(e); } });
        System.out.printf("answer: %d cards, %d bytes%n", response.cards().size(), json.writeValueAsBytes(response).length);

        CardIdSeal seal = new CardIdSeal(new byte[32]);
        time("card id seal (x3: one per card)", n, () -> { for (int i = 0; i < 3; i++) sink = seal.issue(i, TestJwt.ISSUER); return sink; });
        // replay protection: one insert per call into the service's table, on an H2 file with one connection kept open (as the pool does)
        TokenUseTable table = new TokenUseTable(kept(Databases.fresh(Databases.H2).open().getConnection()));
        AtomicLong jti = new AtomicLong();
        long now = System.currentTimeMillis() / 1000;
        time("replay check: insert (H2 file)", n, () -> {
            try { return table.claim(TestJwt.ISSUER, "jti-" + jti.incrementAndGet(), now + 300, now); } catch (SQLException e) { throw new RuntimeException(e); }
        });

        // the decision log: its writer thread's CPU per evaluation (digest of the inputs, facts JSON, batched insert)
        DecisionLog decisions = new DecisionLog(new DecisionStore(kept(Databases.fresh(Databases.H2).open().getConnection())),
                new PatientHash("bench-salt"), true, false, 100_000);
        Evaluated evaluated = new Evaluated("cds-hooks/patient-view", "Patient/" + call.patientId(), LocalDate.now(), result, null, inputs);
        for (int round = 0; round < 2; round++) {
            long before = threadCpu("decision-log-writer");
            for (int i = 0; i < n / 2; i++) decisions.evaluated(evaluated);
            decisions.flush(Duration.ofMinutes(5));
            if (round == 1) {
                System.out.printf(Locale.ROOT, "%-32s %8.3f ms/op (its writer thread's CPU)%n", "decision log",
                        (threadCpu("decision-log-writer") - before) / 1e6 / (n / 2));
            }
        }
        System.exit(0);
    }

    /** A DataSource handing out the one connection it was given, which its users' close() leaves open. */
    static DataSource kept(Connection connection) {
        Connection open = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, margs) -> "close".equals(method.getName()) ? null : method.invoke(connection, margs));
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, margs) -> "getConnection".equals(method.getName()) ? open : null);
    }

    static long threadCpu(String name) {
        long id = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow().getId();
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(id);
    }

    static String bc() {
        java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
        return "BC";
    }

    static Object sink;

    /** The thread's CPU time per operation (not the wall time: on a machine shared with other builds that is the figure that compares runs). */
    static void time(String what, int n, Supplier<Object> work) {
        for (int i = 0; i < n / 2; i++) sink = work.get(); // warm-up
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < n / 2; i++) sink = work.get();
        System.out.printf(Locale.ROOT, "%-32s %8.3f ms/op (thread CPU)%n", what, (cpu.getCurrentThreadCpuTime() - t) / 1e6 / (n / 2));
    }
}
