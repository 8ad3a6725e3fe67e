package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.JsonStrings;
import io.jsonwebtoken.io.SerializationException;
import io.jsonwebtoken.io.Serializer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * The JSON writer jjwt uses for our header and claims: compact (no spaces), members in the map's order,
 * values limited to what an App Store Connect token holds (strings, integers, booleans, collections of
 * those). Stateless and thread-safe; it replaces jjwt's service-loaded Jackson serializer, which would be
 * looked up again for every token and would need Jackson at compile time.
 */
final class CompactJson implements Serializer<Map<String, ?>> {

    static final CompactJson INSTANCE = new CompactJson();

    private CompactJson() {}

    @Override
    public byte[] serialize(Map<String, ?> map) throws SerializationException {
        StringBuilder sb = new StringBuilder(160);
        writeObject(sb, map);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeObject(StringBuilder sb, Map<?, ?> map) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            if (!(e.getKey() instanceof String)) {
                throw new SerializationException("JSON member names must be strings");
            }
            JsonStrings.quote(sb, (String) e.getKey());
            sb.append(':');
            writeValue(sb, e.getValue());
        }
        sb.append('}');
    }

    private static void writeValue(StringBuilder sb, Object v) {
        if (v instanceof String) {
            JsonStrings.quote(sb, (String) v);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            sb.append(((Number) v).longValue());
        } else if (v instanceof Boolean) {
            sb.append(((Boolean) v).booleanValue());
        } else if (v == null) {
            sb.append("null");
        } else if (v instanceof Collection) {
            sb.append('[');
            boolean first = true;
            for (Object o : (Collection<?>) v) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeValue(sb, o);
            }
            sb.append(']');
        } else if (v instanceof Map) {
            writeObject(sb, (Map<?, ?>) v);
        } else {
            throw new SerializationException("cannot write a " + v.getClass().getName() + " as JSON");
        }
    }

}
