package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression test for a fuzzing finding ({@code TokenDecoderFuzzTest#jsonReader}): {@link Json#pretty}
 * printed an integer written with a zero exponent ({@code "iat": 1000000000e0}) as the plain integer, so
 * {@code apple-jwt decode} showed {@code "iat": 1000000000} next to the linter's "not a whole number of seconds", and
 * the printed JSON read back as a different value (a {@link Long}, not a {@link java.math.BigDecimal}).
 */
class JsonPrettyRegressionTest {

    @Test
    void numbersReadBackAsWhatTheyWere() {
        for (String json : List.of("[1e00]", "[1E9]", "[-0e0]", "[9220e+0]", "[1.5]", "[1E+400]", "[9223372036854775808]", "[12]", "[-0]")) {
            Object v = Json.parse(json, "payload");
            assertEquals(v, Json.parse(Json.pretty(v), "payload"), json);
        }
        assertTrue(Json.pretty(Json.parse("{\"iat\":1e9}", "payload")).contains("\"iat\": 1E+9"));
        assertTrue(Json.pretty(Json.parse("{\"iat\":1000000000e0}", "payload")).contains("\"iat\": 1000000000E0"));
        assertTrue(Json.pretty(Json.parse("{\"iat\":1000000000}", "payload")).contains("\"iat\": 1000000000\n"));
    }
}
