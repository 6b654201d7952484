package org.primum.tumourboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable map, in insertion order, whose values come with their JSON already written (once per knowledge
 * base, not per answer): {@link Serializer} copies those bytes instead of serialising each value again. The
 * answer's citations and sources are the same few dozen passages and references in every answer, and writing
 * them out field by field was about a third of the answer's serialisation. A plain {@link Map} is serialised
 * as Jackson would, so the output is the same either way.
 */
final class PrewrittenMap<V> extends AbstractMap<String, V> {

    /** A value and its JSON, as the answer's mapper writes it. */
    record Value<V>(V value, SerializableString json) {
    }

    private final LinkedHashMap<String, Value<V>> entries = new LinkedHashMap<>();

    /** Adds {@code value} under {@code key} unless the key is present (the first one stays, as {@code putIfAbsent}). */
    void addIfAbsent(String key, Value<V> value) {
        entries.putIfAbsent(key, value);
    }

    @Override
    public V get(Object key) {
        Value<V> v = entries.get(key);
        return v == null ? null : v.value();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                Iterator<Entry<String, Value<V>>> it = entries.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<String, V> next() {
                        Entry<String, Value<V>> e = it.next();
                        return new SimpleImmutableEntry<>(e.getKey(), e.getValue().value());
                    }
                };
            }

            @Override
            public int size() {
                return entries.size();
            }
        };
    }

    /** Writes a {@link PrewrittenMap} from its kept JSON; any other map value by value, as Jackson's own map serialiser would. */
    static final class Serializer extends StdSerializer<Map<String, ?>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer() {
            super((Class<Map<String, ?>>) (Class) Map.class);
        }

        @Override
        public void serialize(Map<String, ?> map, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject(map);
            if (map instanceof PrewrittenMap<?> written) {
                for (Entry<String, ? extends Value<?>> e : written.entries.entrySet()) {
                    gen.writeFieldName(e.getKey());
                    gen.writeRawValue(e.getValue().json());
                }
            } else {
                for (Entry<String, ?> e : map.entrySet()) provider.defaultSerializeField(e.getKey(), e.getValue(), gen);
            }
            gen.writeEndObject();
        }
    }
}
