package org.primum.audit.read;

import java.nio.charset.StandardCharsets;

/**
 * The fast path of {@link Route#of}: one pass over the line's bytes that checks it is one well-formed JSON object and
 * picks out its type, id and patient reference, without a tokenizer's work per token (routing every line through
 * Jackson's streaming parser, names decoded and looked up in its symbol table even inside skipped values, was most of
 * pass one). It answers only when it is sure to agree with Jackson, and is at least as strict: JSON as RFC 8259 writes
 * it, UTF-8 checked strictly, the values it returns plain ASCII without escapes. Anything else (broken JSON, an escaped
 * or non-ASCII key or value it needs, very deep nesting, very long numbers or strings, which Jackson's limits might
 * refuse) gives {@code null}, and Jackson decides, with its own message for a broken line.
 */
final class RouteScan {

    /** Below Jackson's own limits (nesting 500 or more, numbers 1,000 characters, names 50,000, strings 20 million). */
    private static final int MAX_DEPTH = 64, MAX_NUMBER = 100, MAX_NAME = 1_000, MAX_STRING = 1 << 20;

    /** Not sure: Jackson decides. */
    private static final class Unsure extends RuntimeException {
        static final Unsure INSTANCE = new Unsure();

        private Unsure() {
            super(null, null, false, false);
        }
    }

    private final byte[] b;
    private final int end;
    private int p;

    private RouteScan(byte[] b, int offset, int length) {
        this.b = b;
        this.p = offset;
        this.end = offset + length;
    }

    /** The route of {@code json[offset..offset+length)}, or null when Jackson must decide. */
    static Route scan(byte[] json, int offset, int length) {
        try {
            return new RouteScan(json, offset, length).root();
        } catch (Unsure | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private Route root() {
        ws();
        expect('{');
        String type = null, id = null, reference = null;
        ws();
        if (peek() == '}') {
            p++;
        } else {
            while (true) {
                String key = plainString(MAX_NAME);
                ws();
                expect(':');
                ws();
                byte c = peek();
                if (c == '"' && key.equals("resourceType")) type = plainString(MAX_STRING);
                else if (c == '"' && key.equals("id")) id = plainString(MAX_STRING);
                else if (c == '{' && reference == null && isPatientField(key)) reference = referenceObject();
                else value(1);
                ws();
                c = next();
                if (c == '}') break;
                if (c != ',') throw Unsure.INSTANCE;
                ws();
            }
        }
        ws();
        if (p != end) throw Unsure.INSTANCE;
        return Route.from(type, id, reference);
    }

    private static boolean isPatientField(String key) {
        return key.equals("subject") || key.equals("patient") || key.equals("beneficiary");
    }

    /**
     * {@code {…}} of a patient field: its last {@code reference} string, or null (then a later patient field is read,
     * as Jackson's path does).
     */
    private String referenceObject() {
        expect('{');
        String ref = null;
        ws();
        if (peek() == '}') {
            p++;
            return ref;
        }
        while (true) {
            String key = plainString(MAX_NAME);
            ws();
            expect(':');
            ws();
            if (peek() == '"' && key.equals("reference")) ref = plainString(MAX_STRING);
            else value(2);
            ws();
            byte c = next();
            if (c == '}') return ref;
            if (c != ',') throw Unsure.INSTANCE;
            ws();
        }
    }

    /** Skips one value at nesting {@code depth}, checking it. */
    private void value(int depth) {
        byte c = peek();
        switch (c) {
            case '"' -> string(MAX_STRING);
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) number();
                else throw Unsure.INSTANCE;
            }
        }
    }

    private void object(int depth) {
        if (depth > MAX_DEPTH) throw Unsure.INSTANCE;
        expect('{');
        ws();
        if (peek() == '}') {
            p++;
            return;
        }
        while (true) {
            string(MAX_NAME);
            ws();
            expect(':');
            ws();
            value(depth);
            ws();
            byte c = next();
            if (c == '}') return;
            if (c != ',') throw Unsure.INSTANCE;
            ws();
        }
    }

    private void array(int depth) {
        if (depth > MAX_DEPTH) throw Unsure.INSTANCE;
        expect('[');
        ws();
        if (peek() == ']') {
            p++;
            return;
        }
        while (true) {
            value(depth);
            ws();
            byte c = next();
            if (c == ']') return;
            if (c != ',') throw Unsure.INSTANCE;
            ws();
        }
    }

    /** A string the route needs: plain ASCII without escapes (anything else: Jackson decodes it). */
    private String plainString(int max) {
        expect('"');
        int start = p;
        while (true) {
            byte c = b[p];
            if (c == '"') break;
            if (c < 0x20 || c == '\\') throw Unsure.INSTANCE; // also every byte >= 0x80 (negative)
            p++;
        }
        if (p - start > max || p >= end) throw Unsure.INSTANCE;
        String s = new String(b, start, p - start, StandardCharsets.ISO_8859_1); // ASCII: the same as UTF-8, no decoding
        p++;
        return s;
    }

    /** Skips a string, checking its escapes, that it has no control character, and that it is well-formed UTF-8. */
    private void string(int max) {
        expect('"');
        int start = p;
        while (true) {
            int c = b[p] & 0xFF;
            if (c == '"') break;
            if (c < 0x20) throw Unsure.INSTANCE;
            if (c == '\\') {
                escape();
            } else if (c >= 0x80) {
                utf8(c);
            } else {
                p++;
            }
        }
        if (p - start > max || p >= end) throw Unsure.INSTANCE;
        p++;
    }

    private void escape() {
        byte e = b[p + 1];
        switch (e) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> p += 2;
            case 'u' -> {
                for (int i = 2; i < 6; i++) {
                    byte h = b[p + i];
                    boolean hex = (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
                    if (!hex) throw Unsure.INSTANCE;
                }
                p += 6;
            }
            default -> throw Unsure.INSTANCE;
        }
    }

    /** One UTF-8 sequence starting with {@code lead} (RFC 3629: no overlong forms, no surrogates, up to U+10FFFF). */
    private void utf8(int lead) {
        int n, lo = 0x80, hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 2;
            if (lead == 0xE0) lo = 0xA0;
            if (lead == 0xED) hi = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 3;
            if (lead == 0xF0) lo = 0x90;
            if (lead == 0xF4) hi = 0x8F;
        } else {
            throw Unsure.INSTANCE;
        }
        int second = b[p + 1] & 0xFF;
        if (second < lo || second > hi) throw Unsure.INSTANCE;
        for (int i = 2; i <= n; i++) {
            int c = b[p + i] & 0xFF;
            if (c < 0x80 || c > 0xBF) throw Unsure.INSTANCE;
        }
        if (p + n >= end) throw Unsure.INSTANCE;
        p += n + 1;
    }

    /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, then a delimiter (as strict as Jackson: no leading zeros, no "1."). */
    private void number() {
        int start = p;
        if (b[p] == '-') p++;
        if (b[p] == '0') {
            p++;
        } else {
            digits();
        }
        if (b[p] == '.') {
            p++;
            digits();
        }
        if (b[p] == 'e' || b[p] == 'E') {
            p++;
            if (b[p] == '+' || b[p] == '-') p++;
            digits();
        }
        if (p - start > MAX_NUMBER) throw Unsure.INSTANCE;
        delimiter();
    }

    private void digits() {
        int start = p;
        while (b[p] >= '0' && b[p] <= '9') p++;
        if (p == start) throw Unsure.INSTANCE;
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (b[p + i] != word.charAt(i)) throw Unsure.INSTANCE;
        }
        p += word.length();
        delimiter();
    }

    /** What may follow a number or a literal inside an object or array (the root is always an object). */
    private void delimiter() {
        byte c = peek();
        if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\t' && c != '\n' && c != '\r') throw Unsure.INSTANCE;
    }

    private void ws() {
        while (p < end) {
            byte c = b[p];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            p++;
        }
    }

    private byte peek() {
        if (p >= end) throw Unsure.INSTANCE;
        return b[p];
    }

    private byte next() {
        byte c = peek();
        p++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) throw Unsure.INSTANCE;
    }
}
