package org.primum.tumourboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import org.primum.engine.Recommendation;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code because} of an answer's recommendations, each distinct fact written once per answer and its bytes copied
 * where it recurs: the recommendations of one record name the same few facts again and again (27 entries, 5 distinct
 * on the bench record), and writing a fact's sentence is character by character for any non-ASCII text.
 *
 * <p>The copy is the bytes the same {@link ObjectMapper} wrote for the fact into a UTF-8 generator, inserted unchanged
 * into the answer's UTF-8 generator: identical to writing it there, broken surrogates included (invalid UTF-8 in a
 * body decodes to lone surrogates, which the generator escapes; Jackson's {@code SerializedString}, re-encoding a
 * String, throws on them instead). Only when the answer is written by {@link #writer} (the endpoint's bytes); any other
 * writer writes each fact in place, as before.
 */
final class BecauseCopies {

    /** The per-call attribute that holds one answer's copies. */
    private static final Object ANSWER = new Object();

    private final ObjectMapper json;
    private final Map<Recommendation.Because, RawJson> written = new HashMap<>();

    private BecauseCopies(ObjectMapper json) {
        this.json = json;
    }

    /** {@code json}'s writer whose answers copy their recurring facts. */
    static com.fasterxml.jackson.databind.ObjectWriter writer(ObjectMapper json) {
        return json.writer().withAttribute(BecauseCopies.class, json);
    }

    /** Writes {@code because} as {@code provider.defaultSerializeValue} would, copying facts already written in this answer. */
    static void write(List<Recommendation.Because> because, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (!(gen instanceof UTF8JsonGenerator) || !(provider.getAttribute(BecauseCopies.class) instanceof ObjectMapper json)) {
            provider.defaultSerializeValue(because, gen);
            return;
        }
        BecauseCopies copies = provider.getAttribute(ANSWER) instanceof BecauseCopies c ? c : null;
        if (copies == null) {
            copies = new BecauseCopies(json);
            provider.setAttribute(ANSWER, copies);
        }
        gen.writeStartArray(because, because.size());
        for (Recommendation.Because b : because) gen.writeRawValue(copies.bytes(b));
        gen.writeEndArray();
    }

    private RawJson bytes(Recommendation.Because b) throws IOException {
        RawJson raw = written.get(b);
        if (raw == null) {
            raw = new RawJson(json.writeValueAsBytes(b));
            written.put(b, raw);
        }
        return raw;
    }
}
