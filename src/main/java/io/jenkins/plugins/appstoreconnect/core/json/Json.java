package io.jenkins.plugins.appstoreconnect.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes JSON with one configured Jackson mapper.
 *
 * <p><strong>Reading</strong> is strict RFC 8259, as the fuzz targets demand: duplicate member names, trailing
 * text, nesting deeper than {@value #MAX_DEPTH} levels, leading zeros, {@code NaN}, comments and unescaped control
 * characters are errors (Jackson's defaults plus duplicate detection, trailing-token checks and a depth limit).
 * Objects become unmodifiable maps in document order, arrays unmodifiable lists, integers that fit {@link Long},
 * other numbers {@link BigDecimal}. Every error is an {@link InvalidInputException}
 * naming the part and the character offset, never quoting the text (Jackson's own messages quote it).
 *
 * <p><strong>Writing</strong> is compact, members in map order; U+2028 and U+2029 are escaped (they end lines in
 * JavaScript), so a document can be pasted into a script.
 */
public final class Json {
    /** How deep objects and arrays may nest. */
    public static final int MAX_DEPTH = 20;

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .characterEscapes(new LineSeparatorEscapes())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Json() {}

    /**
     * Parses {@code text} as one JSON value.
     *
     * @param what what the text is, for messages ("payload", "Maps token response")
     * @throws InvalidInputException if it is not exactly one valid JSON value
     */
    public static Object parse(String text, String what) {
        try {
            return frozen(MAPPER.readValue(text == null ? "" : text, Object.class));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("the " + what + " is not valid JSON: " + problem(e) + at(e));
        } catch (NumberFormatException | ArithmeticException e) {
            // BigDecimal refuses an exponent beyond an int
            throw new InvalidInputException("the " + what + " is not valid JSON: number out of range");
        }
    }

    /** {@link #parse}, for a value that must be an object. */
    public static Map<String, Object> parseObject(String text, String what) {
        Object v = parse(text, what);
        if (!(v instanceof Map)) {
            throw new InvalidInputException(what + " is JSON but not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        return m;
    }

    /** Compact JSON of {@code value} (maps in their order, collections, strings, numbers, booleans, null). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + e.getClass().getSimpleName(), e);
        }
    }

    /** {@link #write} as UTF-8 bytes. */
    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Compact UTF-8 JSON of a token's header or claims, on the minting path: Jackson's fast writer, without the
     * line-separator escapes of {@link #write}. The same bytes for what tokens hold (core has checked every value
     * to be ASCII: identifiers, times, scope entries, origins), written without building a string first.
     */
    public static byte[] tokenBytes(Map<String, ?> value) {
        try {
            return TOKEN_WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + e.getClass().getSimpleName(), e);
        }
    }

    private static final ObjectWriter TOKEN_WRITER = JsonMapper.builder().build().writer();

    /**
     * Indented JSON of a parsed value, two spaces a level, one member or element a line, that {@link #parse} reads
     * back as the same value. An integer written with an exponent ({@code 1e0}) keeps one ({@code 1E0}), so it is not
     * shown as the plain integer it was not.
     */
    public static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(keepExponents(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + e.getClass().getSimpleName(), e);
        }
    }

    private static Object keepExponents(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, value) -> out.put(k, keepExponents(value)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(e -> out.add(keepExponents(e)));
            return out;
        }
        if (v instanceof BigDecimal d && d.scale() == 0 && d.compareTo(LONG_MIN) >= 0 && d.compareTo(LONG_MAX) <= 0) {
            return new RawValue(d + "E0"); // written with an exponent, else it would have been read as a Long
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Object frozen(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, value) -> out.put(k, frozen(value)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(e -> out.add(frozen(e)));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        return v instanceof BigInteger big ? new BigDecimal(big) : v;
    }

    /** Jackson's message openings and what they mean, in words of our own: Jackson's messages quote the input. */
    private static final String[][] PROBLEMS = {
        {"Trailing token", "unexpected text after the JSON value"},
        {"No content to map", "unexpected end"},
        {"Unexpected end-of-input: was expecting closing quote", "unterminated string"},
        {"Unexpected end-of-input in character escape", "incomplete \\u escape"},
        {"Unexpected end-of-input within/between Object", "unexpected end inside an object"},
        {"Unexpected end-of-input within/between Array", "unexpected end inside an array"},
        {"Unexpected end-of-input", "unexpected end"},
        {"Illegal unquoted character", "control character in a string"},
        {"expected a hex-digit for character escape", "bad \\u escape"},
        {"Unrecognized character escape", "bad escape"},
        {"was expecting a colon to separate field name and value", "expected ':' after a member name"},
        {"was expecting double-quote to start field name", "expected a member name in quotes"},
        {"was expecting comma to separate Array entries", "expected ',' or ']' in an array"},
        {"was expecting comma to separate Object entries", "expected ',' or '}' in an object"},
        {"out of range", "number out of range"},
        {"Number value length", "number out of range"},
        {"Leading zeroes", "invalid number"},
        {"Invalid numeric value", "invalid number"},
        {"Non-standard token", "invalid number"},
    };

    private static String problem(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("Duplicate field '") && m.endsWith("'")) {
            return "duplicate member name " + describe(m.substring("Duplicate field '".length(), m.length() - 1));
        }
        if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser && parser.getParsingContext() != null
                && parser.getParsingContext().inRoot() && parser.getParsingContext().getCurrentIndex() > 0) {
            return "unexpected text after the JSON value";
        }
        for (String[] p : PROBLEMS) {
            if (m.contains(p[0])) {
                return p[1];
            }
        }
        return "unexpected character";
    }

    /** A short description of a JSON value for messages: short strings quoted, long ones by length only. */
    public static String describe(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof String) {
            String s = (String) o;
            if (s.length() > 40) {
                return "a " + s.length() + "-character string";
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    return "a " + s.length() + "-character string with non-printable or non-ASCII characters";
                }
            }
            return write(s);
        }
        if (o instanceof Long || o instanceof Boolean) {
            return o.toString();
        }
        if (o instanceof BigDecimal) {
            String s = o.toString();
            return s.length() <= 24 ? "the number " + s : "a number";
        }
        if (o instanceof List) {
            return "an array";
        }
        if (o instanceof Map) {
            return "an object";
        }
        return "a value";
    }


    private static String at(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getCharOffset() < 0) {
            return "";
        }
        return " at character " + (e.getLocation().getCharOffset() + 1);
    }

    /** Escapes U+2028 and U+2029 as JSON {@code \\u} sequences; everything else as Jackson does. */
    private static final class LineSeparatorEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString("\\u" + Integer.toHexString(ch)) : null;
        }
    }
}
