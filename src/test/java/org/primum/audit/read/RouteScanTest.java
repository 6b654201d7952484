package org.primum.audit.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link RouteScan} (routing's one-pass fast path) against Jackson's streaming parser ({@link Route#parse}): whenever
 * the scan answers, Jackson reads the line too and finds the same route; {@link Route#of} gives what Jackson gives,
 * broken lines included (same message). Lines: every resource of the public fixtures, hand-written edge cases, and
 * random mutations of both (bytes replaced by JSON's own characters, cut, doubled, non-ASCII inserted).
 */
class RouteScanTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_scan_answers_for_every_fixture_resource_and_agrees_with_jackson() throws IOException {
        List<byte[]> lines = fixtureLines();
        assertThat(lines).hasSizeGreaterThan(100);
        for (byte[] line : lines) {
            Route scanned = RouteScan.scan(line, 0, line.length);
            assertThat(scanned).as(new String(line, StandardCharsets.UTF_8)).isNotNull().isEqualTo(Route.parse(line, 0, line.length));
        }
    }

    @Test
    void edge_cases_agree_with_jackson() throws IOException {
        String[] cases = {
                "{}", " { } ", "{\"resourceType\":\"Patient\",\"id\":\"p1\"}",
                "{\"resourceType\":\"Condition\",\"subject\":{},\"patient\":{\"reference\":\"Patient/p2\"}}",
                "{\"resourceType\":\"Condition\",\"subject\":{\"display\":\"x\"},\"subject\":{\"reference\":\"Patient/p3\"}}",
                "{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Patient/a\",\"reference\":\"Patient/b\"}}",
                "{\"resourceType\":\"Condition\",\"subject\":\"Patient/p4\",\"beneficiary\":{\"reference\":\"Patient/p5\"}}",
                "{\"resourceType\":1,\"id\":true,\"resourceType\":\"Observation\",\"id\":\"o\",\"id\":null}",
                "{\"resource\\u0054ype\":\"Patient\",\"id\":\"p6\"}", "{\"resourceType\":\"Pati\\u0065nt\",\"id\":\"p7\"}",
                "{\"resourceType\":\"Patient\",\"id\":\"é\"}", "{\"resourceType\":\"Patient\",\"id\":\"p8\",\"name\":[{\"text\":\"Zoë 日本 😀\"}]}",
                "{\"a\":[1,-0,0.5,1e5,1E+5,-2.5e-3,[],{},[[]],true,false,null]}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}",
                "{\"a\":-}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":NaN}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nulls}",
                "{\"a\":\"\\q\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\t\"}", "{\"a\":1,}", "{\"a\":[1,]}", "{,}", "{\"a\" 1}",
                "{\"a\":1}{}", "{\"a\":1} x", "{\"a\":1}  ", "[]", "\"s\"", "", "   ", "{", "{\"a\":", "{\"a\":\"x",
                "{'a':1}", "{a:1}", "{\"a\":1 /* c */}", "\uFEFF{}", "{\"a\":\"\\ud800\"}",
        };
        for (String c : cases) check(c.getBytes(StandardCharsets.UTF_8));
        check(new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'}); // overlong
        check(new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}); // surrogate
        check(new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'}); // cut short
        check(new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'});
        check(new byte[]{'{', 0, 0, 0, '}'});
        check(("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}").getBytes(StandardCharsets.UTF_8));
        check(("{\"a\":" + "1".repeat(2000) + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void only_the_given_range_is_read() throws IOException {
        byte[] json = "xx{\"resourceType\":\"Patient\",\"id\":\"p1\"}{\"a\":\"".getBytes(StandardCharsets.UTF_8);
        int length = json.length - 2 - "{\"a\":\"".length();
        assertThat(RouteScan.scan(json, 2, length)).isEqualTo(new Route("Patient", "p1", "p1"));
        byte[] cut = "{\"resourceType\":\"Patient\",\"id\":\"p1\"}".getBytes(StandardCharsets.UTF_8);
        for (int n = 0; n < cut.length; n++) assertThat(RouteScan.scan(cut, 0, n)).isNull();
        for (int n = 0; n < cut.length; n++) check(java.util.Arrays.copyOf(cut, n));
    }

    @Test
    void mutated_lines_agree_with_jackson() throws IOException {
        List<byte[]> seeds = fixtureLines();
        byte[] alphabet = "{}[]:,\"\\ 0-.eEtfnu/a\t\n".getBytes(StandardCharsets.UTF_8);
        byte[][] inserts = {"é".getBytes(StandardCharsets.UTF_8), "😀".getBytes(StandardCharsets.UTF_8), {(byte) 0x80},
                {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {0}, {0x1F}, "\\u00e9".getBytes(StandardCharsets.UTF_8)};
        Random random = new Random(20261127);
        for (int i = 0; i < 20_000; i++) {
            byte[] line = seeds.get(random.nextInt(seeds.size()));
            int at = random.nextInt(line.length);
            byte[] mutated = switch (random.nextInt(5)) {
                case 0 -> replace(line, at, new byte[]{alphabet[random.nextInt(alphabet.length)]});
                case 1 -> java.util.Arrays.copyOf(line, at);
                case 2 -> delete(line, at, 1 + random.nextInt(Math.min(8, line.length - at)));
                case 3 -> insert(line, at, inserts[random.nextInt(inserts.length)]);
                default -> insert(line, at, java.util.Arrays.copyOfRange(line, at, Math.min(line.length, at + 1 + random.nextInt(20))));
            };
            check(mutated);
        }
    }

    /** The scan, when it answers, agrees with Jackson; {@link Route#of} is Jackson's answer, or Jackson's exception. */
    private static void check(byte[] line) throws IOException {
        String text = new String(line, StandardCharsets.UTF_8);
        Route scanned = RouteScan.scan(line, 0, line.length);
        Route parsed;
        try {
            parsed = Route.parse(line, 0, line.length);
        } catch (IOException | RuntimeException e) {
            if (scanned != null) fail("the scan read a line Jackson refuses (" + e.getMessage() + "): " + text);
            try {
                Route.of(line, 0, line.length);
                fail("Route.of read a line Jackson refuses: " + text);
            } catch (IOException | RuntimeException same) {
                assertThat(same).hasMessage(e.getMessage()).hasSameClassAs(e);
            }
            return;
        }
        if (scanned != null) assertThat(scanned).as(text).isEqualTo(parsed);
        assertThat(Route.of(line, 0, line.length)).as(text).isEqualTo(parsed);
    }

    private static List<byte[]> fixtureLines() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures/public"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode entry : JSON.readTree(f.toFile()).path("entry")) {
                    lines.add(JSON.writeValueAsBytes(entry.path("resource")));
                }
            }
        }
        return lines;
    }

    private static byte[] replace(byte[] line, int at, byte[] with) {
        byte[] out = line.clone();
        out[at] = with[0];
        return out;
    }

    private static byte[] delete(byte[] line, int at, int n) {
        byte[] out = new byte[line.length - n];
        System.arraycopy(line, 0, out, 0, at);
        System.arraycopy(line, at + n, out, at, line.length - at - n);
        return out;
    }

    private static byte[] insert(byte[] line, int at, byte[] bytes) {
        byte[] out = new byte[line.length + bytes.length];
        System.arraycopy(line, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(line, at, out, at + bytes.length, line.length - at);
        return out;
    }
}
