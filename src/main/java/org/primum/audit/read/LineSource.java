package org.primum.audit.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The resources of one input file as raw JSON, one at a time with its line: an NDJSON line (blank lines
 * skipped), or a Bundle entry's resource (its line is where the resource starts in the text). Bytes are
 * handed on unparsed (NDJSON) so that routing can read them with a streaming parser.
 */
public final class LineSource {

    /** Receives each resource: {@code json[0..length)}, valid only during the call (the buffer is reused). */
    public interface Sink {
        void line(long line, byte[] json, int length) throws IOException;
    }

    /** Hears of a line too long to be one resource (it is skipped, whole). */
    public interface TooLong {
        void line(long line, long bytes);
    }

    /**
     * The longest NDJSON line read (16 MiB): a resource that size is already an attachment, not a record; a longer
     * line (a damaged or hostile file without line breaks, up to the 1 GB an upload may hold) would otherwise be
     * gathered whole in memory and take the audit's heap with it.
     */
    public static final int MAX_LINE_BYTES = 16 << 20;

    /** Counts what has been read, for progress. */
    public interface Counter {
        void read(long bytes);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private LineSource() {
    }

    public static void read(InputFiles.InputFile file, Sink sink, Counter counter) throws IOException {
        read(file, sink, (line, bytes) -> { }, counter);
    }

    /** As {@link #read(InputFiles.InputFile, Sink, Counter)}, telling {@code tooLong} of each line over {@link #MAX_LINE_BYTES}. */
    public static void read(InputFiles.InputFile file, Sink sink, TooLong tooLong, Counter counter) throws IOException {
        try (InputStream raw = Files.newInputStream(file.path());
             InputStream counted = new CountingStream(raw, counter);
             InputStream in = file.gzip() ? new GZIPInputStream(counted, 1 << 16) : new BufferedInputStream(counted, 1 << 16)) {
            if (file.format() == InputFiles.Format.NDJSON) lines(in, sink, tooLong);
            else bundle(in, sink);
        }
    }

    private static void lines(InputStream in, Sink sink, TooLong tooLong) throws IOException {
        byte[] buf = new byte[1 << 16];
        byte[] line = new byte[1 << 12];
        int len = 0;
        long over = 0; // > 0: the current line passed MAX_LINE_BYTES; its bytes so far (none kept)
        long lineNo = 1;
        int n;
        while ((n = in.read(buf)) > 0) {
            int from = 0;
            while (from < n) {
                int nl = from;
                while (nl < n && buf[nl] != '\n') nl++;
                // copy the run up to the line break (or the end of the buffer) at once, not byte by byte
                int run = nl - from;
                if (over > 0) {
                    over += run;
                } else if ((long) len + run > MAX_LINE_BYTES) {
                    over = (long) len + run;
                    len = 0;
                    line = new byte[1 << 12];
                } else {
                    if (len + run > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, len + run));
                    System.arraycopy(buf, from, line, len, run);
                    len += run;
                }
                if (nl < n) {
                    if (over > 0) tooLong.line(lineNo++, over);
                    else emit(sink, lineNo++, line, len);
                    len = 0;
                    over = 0;
                }
                from = nl + 1;
            }
        }
        if (over > 0) tooLong.line(lineNo, over);
        else emit(sink, lineNo, line, len);
    }

    private static void emit(Sink sink, long lineNo, byte[] line, int len) throws IOException {
        int end = len;
        if (end > 0 && line[end - 1] == '\r') end--;
        int start = 0;
        while (start < end && (line[start] == ' ' || line[start] == '\t')) start++;
        if (start == end) return;
        if (start > 0) {
            sink.line(lineNo, Arrays.copyOfRange(line, start, end), end - start);
        } else {
            sink.line(lineNo, line, end);
        }
    }

    /**
     * A Bundle, streamed: each {@code entry[i].resource} written back as compact JSON. A file that is not a
     * JSON object with an {@code entry} array is one unreadable resource (line 1).
     */
    private static void bundle(InputStream in, Sink sink) throws IOException {
        JsonFactory factory = JSON.getFactory();
        try (JsonParser p = factory.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object: a Bundle was expected");
            boolean sawBundle = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("resourceType".equals(field)) {
                    if (!"Bundle".equals(p.getText())) throw new IOException("a " + p.getText() + ", not a Bundle");
                    sawBundle = true;
                } else if ("entry".equals(field) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String entryField = p.currentName();
                            p.nextToken();
                            if ("resource".equals(entryField)) {
                                long line = p.currentTokenLocation().getLineNr();
                                JsonNode resource = JSON.readTree(p);
                                byte[] bytes = JSON.writeValueAsBytes(resource);
                                sink.line(line, bytes, bytes.length);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!sawBundle) throw new IOException("no resourceType Bundle");
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        private final Counter counter;

        CountingStream(InputStream in, Counter counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) counter.read(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) counter.read(n);
            return n;
        }
    }
}
