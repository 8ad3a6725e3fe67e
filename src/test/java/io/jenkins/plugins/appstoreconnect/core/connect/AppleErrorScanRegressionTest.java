package io.jenkins.plugins.appstoreconnect.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Regression test for a hardening finding: {@link ConnectionCheck#appleError(String)} read Apple's error
 * JSON with a regular expression whose {@code (?:[^"\\]|\\.)*} recursed once per character, so an error
 * {@code detail} of 10,000 characters (from Apple, a proxy's error page or a wrong base URL) threw
 * {@link StackOverflowError} out of "Test connection". It is now a linear scan; this test compares it with the old
 * expression, kept here as the reference, on random bodies short enough for the expression to cope.
 */
class AppleErrorScanRegressionTest {

    private static final Pattern LEGACY =
            Pattern.compile("\"(code|title|detail)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    static ConnectionCheck.AppleError legacy(String body) {
        if (body == null || !body.contains("\"errors\"")) {
            return null;
        }
        String code = null;
        String title = null;
        String detail = null;
        Matcher m = LEGACY.matcher(body);
        while (m.find()) {
            String value = m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
            switch (m.group(1)) {
                case "code" -> code = code == null ? value : code;
                case "title" -> title = title == null ? value : title;
                default -> detail = detail == null ? value : detail;
            }
        }
        return code == null && title == null && detail == null ? null : new ConnectionCheck.AppleError(code, title, detail);
    }

    @Test
    void sameResultAsTheOldExpressionOnRandomBodies() {
        long seed = Long.getLong("appleerror.seed", System.nanoTime());
        Random r = new Random(seed);
        String[] pieces = {"\"errors\"", "\"code\"", "\"title\"", "\"detail\"", "\"", "\"", "\\", "\\\"", "\\\\", ":", " ",
            "\n", "\t", "\u000B", "\u2028", "\u0085", "x", "NOT_AUTHORIZED", "{", "}", "[", "]", ",", "é"};
        for (int it = 0; it < 30_000; it++) {
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "{\"errors\":[{" : "");
            for (int k = r.nextInt(16); k >= 0; k--) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String body = sb.toString();
            assertEquals(legacy(body), ConnectionCheck.appleError(body),
                    "seed " + seed + ", iteration " + it + ": " + body.replace("\n", "<LF>"));
        }
    }

    @Test
    void longDetailsAndManyEscapesDoNotOverflowTheStack() {
        String longDetail = "{\"errors\":[{\"status\":\"401\",\"code\":\"NOT_AUTHORIZED\",\"detail\":\""
                + "x".repeat(1_000_000) + "\"}]}";
        ConnectionCheck.AppleError e = ConnectionCheck.appleError(longDetail);
        assertNotNull(e);
        assertEquals("NOT_AUTHORIZED", e.code());
        assertEquals(1_000_000, e.detail().length());

        String escapes = "{\"errors\":[{\"title\":\"" + "\\\"".repeat(200_000) + "\"}]}";
        assertEquals("\"".repeat(200_000), ConnectionCheck.appleError(escapes).title());

        String unterminated = "{\"errors\":[{\"detail\":\"" + "\\\\".repeat(300_000);
        assertEquals(null, ConnectionCheck.appleError(unterminated));
    }
}
