package org.primum.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The ways the fuzzer damages an input (issue 15): on the JSON tree (a field dropped, an array element
 * duplicated, a field given twice, a value of another JSON type, huge strings, deep nesting, invalid dates and references, unknown
 * codes, a wrong resourceType), then on the bytes (random bytes, truncation, invalid UTF-8). Each chooses its
 * place and details with the {@link Random} it is given, so that a case is reproduced from its seed, and logs
 * what it did. The three that send megabytes or nest 10,000 levels deep are drawn a quarter as often as the
 * others: each costs the service about ten ordinary inputs, and their fault classes need few tries.
 */
enum Mutation {
    DROP_FIELD(false) {
        @Override
        void apply(Mutant m, Random r) {
            Slot s = pick(m, r, slot -> slot.field() != null && (r.nextInt(3) > 0 || IMPORTANT.matcher(slot.field()).matches()));
            if (s == null) return;
            s.remove();
            m.log.add(name() + " " + s.path());
        }
    },
    DUPLICATE_ELEMENT(false) {
        @Override
        void apply(Mutant m, Random r) {
            List<Slot> elements = Slot.all(m.root).stream().filter(slot -> slot.field() == null).toList();
            if (elements.isEmpty()) {
                m.log.add(name() + " nowhere: no array left");
                return;
            }
            Slot s = elements.get(r.nextInt(elements.size()));
            ((ArrayNode) s.parent()).insert(s.index(), s.value().deepCopy());
            m.log.add(name() + " " + s.path());
        }
    },
    /** A field given twice in one object, the second time with a value of another type. */
    DUPLICATE_KEY(false) {
        @Override
        void apply(Mutant m, Random r) {
            List<Slot> objects = Slot.all(m.root).stream().filter(slot -> slot.value().isObject() && slot.value().size() > 0).toList();
            if (objects.isEmpty()) {
                m.log.add(name() + " nowhere: no object with a field");
                return;
            }
            Slot s = objects.get(r.nextInt(objects.size()));
            String field = s.value().fieldNames().next();
            try {
                String rest = WRITER.writeValueAsString(s.value());
                String raw = "{" + WRITER.writeValueAsString(field) + ":" + WRITER.writeValueAsString(otherType(s.value().get(field), r)) + "," + rest.substring(1);
                s.set(m.splice(raw));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            m.log.add(name() + " " + s.path() + "." + field);
        }
    },
    RETYPE(false) {
        @Override
        void apply(Mutant m, Random r) {
            Slot s = pick(m, r, slot -> true);
            if (s == null) return;
            JsonNode old = s.value();
            JsonNode replacement = otherType(old, r);
            s.set(replacement);
            m.log.add(name() + " " + s.path() + " " + old.getNodeType() + "→" + replacement.getNodeType());
        }
    },
    /** One string of about 1 MB. */
    HUGE_STRING(false, 0.25) {
        @Override
        void apply(Mutant m, Random r) {
            Slot s = pick(m, r, slot -> slot.value().isTextual());
            if (s == null) return;
            s.set(TextNode.valueOf(filler(r, 1 << 20)));
            m.log.add(name() + " " + s.path());
        }
    },
    /** Many strings of 100 KB: up to about 6 MB, over the 5 MB body limit at times. */
    MANY_BIG_STRINGS(false, 0.25) {
        @Override
        void apply(Mutant m, Random r) {
            List<Slot> strings = new ArrayList<>(Slot.all(m.root).stream().filter(slot -> slot.value().isTextual()).toList());
            Collections.shuffle(strings, r);
            int n = Math.min(strings.size(), 10 + r.nextInt(51));
            String big = filler(r, 100 * 1024);
            for (Slot slot : strings.subList(0, n)) slot.set(TextNode.valueOf(big));
            m.log.add(name() + " " + n + " strings of 100 KB");
        }
    },
    /** 10,000 levels of arrays or objects in place of a value. */
    DEEP_NESTING(false, 0.25) {
        @Override
        void apply(Mutant m, Random r) {
            Slot s = pick(m, r, slot -> true);
            if (s == null) return;
            int depth = 10_000;
            boolean arrays = r.nextBoolean();
            String raw = arrays ? "[".repeat(depth) + "1" + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            s.set(m.splice(raw));
            m.log.add(name() + " " + s.path() + " " + depth + (arrays ? " arrays" : " objects"));
        }
    },
    INVALID_DATE(false) {
        @Override
        void apply(Mutant m, Random r) {
            Slot s = pick(m, r, slot -> slot.value().isTextual() && DATE.matcher(slot.value().asText()).matches());
            if (s == null) s = pick(m, r, slot -> slot.field() != null && DATE_FIELD.matcher(slot.field()).find());
            if (s == null) return;
            String bad = BAD_DATES.get(r.nextInt(BAD_DATES.size()));
            s.set(TextNode.valueOf(bad));
            m.log.add(name() + " " + s.path() + " = \"" + bad + "\"");
        }
    },
    BROKEN_REFERENCE(false) {
        @Override
        void apply(Mutant m, Random r) {
            Slot s = pick(m, r, slot -> "reference".equals(slot.field()) || "fullUrl".equals(slot.field()));
            if (s == null) return;
            String bad = BAD_REFERENCES.get(r.nextInt(BAD_REFERENCES.size()));
            s.set(TextNode.valueOf(bad));
            m.log.add(name() + " " + s.path() + " = \"" + bad + "\"");
        }
    },
    UNKNOWN_CODE(false) {
        @Override
        void apply(Mutant m, Random r) {
            Slot s = pick(m, r, slot -> ("code".equals(slot.field()) || "system".equals(slot.field())) && slot.value().isTextual());
            if (s == null) return;
            String bad = "system".equals(s.field())
                    ? List.of("http://unknown.example/CodeSystem/" + r.nextInt(1000), "", "urn:oid:1.2.3.999", "snomed").get(r.nextInt(4))
                    : List.of("XYZ-" + r.nextInt(100_000), "", " ", "99999999999999999999", "C50.9 ", "\u0000").get(r.nextInt(6));
            s.set(TextNode.valueOf(bad));
            m.log.add(name() + " " + s.path() + " = \"" + bad.replace("\u0000", "\\u0000") + "\"");
        }
    },
    WRONG_RESOURCE_TYPE(false) {
        @Override
        void apply(Mutant m, Random r) {
            Slot s = pick(m, r, slot -> "resourceType".equals(slot.field()));
            if (s == null) return;
            List<String> others = RESOURCE_TYPES.stream().filter(t -> !t.equals(s.value().asText())).toList();
            String bad = others.get(r.nextInt(others.size()));
            s.set(TextNode.valueOf(bad));
            m.log.add(name() + " " + s.path() + " = \"" + bad + "\"");
        }
    },
    /** 1–16 bytes overwritten, or a run of 1–64 random bytes inserted. */
    RANDOM_BYTES(true) {
        @Override
        void apply(Mutant m, Random r) {
            byte[] b = m.bytes();
            if (b.length == 0) return;
            if (r.nextBoolean()) {
                b = b.clone();
                int n = 1 + r.nextInt(16);
                for (int i = 0; i < n; i++) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                m.bytes(b);
                m.log.add(name() + " " + n + " bytes overwritten");
            } else {
                byte[] run = new byte[1 + r.nextInt(64)];
                r.nextBytes(run);
                int at = r.nextInt(b.length + 1);
                m.bytes(insert(b, at, run));
                m.log.add(name() + " " + run.length + " bytes inserted at " + at);
            }
        }
    },
    TRUNCATE(true) {
        @Override
        void apply(Mutant m, Random r) {
            byte[] b = m.bytes();
            int at = b.length == 0 ? 0 : r.nextInt(b.length);
            m.bytes(Arrays.copyOf(b, at));
            m.log.add(name() + " at " + at + " of " + b.length);
        }
    },
    /** An invalid UTF-8 sequence inside a string value (after an opening quote), where a reader decodes it. */
    INVALID_UTF8(true) {
        @Override
        void apply(Mutant m, Random r) {
            byte[] b = m.bytes();
            int at = openingQuote(b, r);
            byte[] bad = BAD_UTF8.get(r.nextInt(BAD_UTF8.size()));
            m.bytes(insert(b, at, bad));
            m.log.add(name() + " " + hex(bad) + " at " + at);
        }
    };

    private static final ObjectMapper WRITER = new ObjectMapper();
    private static final Pattern IMPORTANT = Pattern.compile(
            "resourceType|id|entry|resource|subject|patient|code|coding|system|value.*|effective.*|onset.*|status|type|hook|context|prefetch|patientId|draftOrders|fullUrl|reference|medication.*|bodySite|focus|component");
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2}(T.*)?)?)?");
    private static final Pattern DATE_FIELD = Pattern.compile("(?i)date|onset|effective|start|end|issued|recorded|authored|period|performed");
    static final List<String> BAD_DATES = List.of("2020-13-45", "yesterday", "2025-02-30", "0000-00-00", "2025-1-1", "99999-01-01",
            "2025-06-15T25:61:00Z", "", "2025-06-15T10:00:00", "-2025-01-01", "2025-06-15T10:00:00+25:00", "1e9", "2025/06/15", "9999-12-31T23:59:59.999999999Z");
    static final List<String> BAD_REFERENCES = List.of("Patient/", "#", "http://x/..", "", "Patient/../../etc/passwd", "urn:uuid:", "Condition/does-not-exist",
            "#missing", "Patient/a/_history/", "//", "Patient/%00", "Patient", "/", "Patient//x", "http://", "urn:uuid:" + "9".repeat(300));
    static final List<String> RESOURCE_TYPES = List.of("Observation", "Patient", "Bundle", "OperationOutcome", "Cat", "patient", "Medication", "",
            "DiagnosticReport", "MedicationKnowledge", "Parameters", "Binary", "DomainResource", "Resource", "Basic");
    static final List<byte[]> BAD_UTF8 = List.of(new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xE2, (byte) 0x82},
            new byte[]{(byte) 0x80}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});

    /** Whether it works on the bytes (after every tree mutation) rather than on the tree. */
    final boolean onBytes;
    /** How often it is drawn, relative to the others. */
    final double weight;

    Mutation(boolean onBytes) {
        this(onBytes, 1);
    }

    Mutation(boolean onBytes, double weight) {
        this.onBytes = onBytes;
        this.weight = weight;
    }

    abstract void apply(Mutant m, Random r);

    /** A random slot satisfying {@code wanted}; else any slot (the mutation still lands); null for an empty tree. */
    private static Slot pick(Mutant m, Random r, Predicate<Slot> wanted) {
        List<Slot> all = Slot.all(m.root);
        if (all.isEmpty()) return null;
        List<Slot> fit = all.stream().filter(wanted).toList();
        List<Slot> from = fit.isEmpty() ? all : fit;
        return from.get(r.nextInt(from.size()));
    }

    private static JsonNode otherType(JsonNode old, Random r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        while (true) {
            JsonNode candidate = switch (r.nextInt(8)) {
                case 0 -> TextNode.valueOf(old.isValueNode() ? old.asText() : "x");
                case 1 -> List.of(IntNode.valueOf(42), LongNode.valueOf(Long.MIN_VALUE), DoubleNode.valueOf(-1e308), DoubleNode.valueOf(0.5),
                        f.numberNode(new java.math.BigDecimal("1e400"))).get(r.nextInt(5));
                case 2 -> f.objectNode();
                case 3 -> {
                    ObjectNode o = f.objectNode();
                    o.set("value", old.deepCopy());
                    yield o;
                }
                case 4 -> f.arrayNode();
                case 5 -> f.arrayNode().add(old.deepCopy());
                case 6 -> NullNode.getInstance();
                default -> BooleanNode.valueOf(r.nextBoolean());
            };
            if (candidate.getNodeType() != old.getNodeType()) return candidate;
        }
    }

    /** Text of {@code length} characters, mostly ASCII with some multi-byte and escaped characters. */
    private static String filler(Random r, int length) {
        char[] alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 -é€\"\\\n\u2028😀".toCharArray();
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            char c = alphabet[r.nextInt(alphabet.length)];
            if (Character.isSurrogate(c)) sb.append("😀");
            else sb.append(c);
        }
        return sb.toString();
    }

    private static int openingQuote(byte[] b, Random r) {
        if (b.length == 0) return 0;
        int start = r.nextInt(b.length);
        for (int i = 0; i < b.length; i++) {
            int at = (start + i) % b.length;
            if (b[at] == '"' && at > 0 && b[at - 1] == ':') return at + 1;
        }
        return start;
    }

    private static byte[] insert(byte[] b, int at, byte[] run) {
        byte[] out = new byte[b.length + run.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(run, 0, out, at, run.length);
        System.arraycopy(b, at, out, at + run.length, b.length - at);
        return out;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02X", x & 0xFF));
        return sb.toString();
    }
}
