package io.jenkins.plugins.appstoreconnect.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Apple's error JSON as {@link ConnectionCheck#appleError(String)} reads it (through core's Jackson configuration),
 * checked against an independent JSON parser (nimbus-jose-jwt's). History: it was first read with a regular
 * expression that recursed once per character (a 10,000-character {@code detail} overflowed the stack), then with a
 * hand-written scan; both are gone.
 */
class AppleErrorJsonTest {

    /** What nimbus' parser finds in the first entry of {@code errors}, or {@code null}. */
    static ConnectionCheck.AppleError independent(String body) {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(body);
        } catch (Exception | StackOverflowError e) {
            return null;
        }
        if (!(json.get("errors") instanceof List<?> errors) || errors.isEmpty() || !(errors.get(0) instanceof Map<?, ?> first)) {
            return null;
        }
        String code = first.get("code") instanceof String c ? c : null;
        String title = first.get("title") instanceof String t ? t : null;
        String detail = first.get("detail") instanceof String d ? d : null;
        return code == null && title == null && detail == null ? null : new ConnectionCheck.AppleError(code, title, detail);
    }

    @Test
    void appleErrorsAreReadWithTheirEscapes() {
        ConnectionCheck.AppleError e = ConnectionCheck.appleError("{\"errors\": [{\"status\": \"401\", \"code\": \"NOT_AUTHORIZED\","
                + " \"title\": \"Authentication credentials are missing or invalid.\", \"detail\": \"Provide a properly"
                + " configured and signed bearer token, and make sure that it has not expired. \\\"Learn more\\\"\\n\\u00e9\"}]}");
        assertNotNull(e);
        assertEquals("NOT_AUTHORIZED", e.code());
        assertEquals("Authentication credentials are missing or invalid.", e.title());
        assertEquals("Provide a properly configured and signed bearer token, and make sure that it has not expired."
                + " \"Learn more\"\n\u00e9", e.detail());
        assertEquals(new ConnectionCheck.AppleError(null, null, "d"),
                ConnectionCheck.appleError("{\"errors\":[{\"detail\":\"d\",\"code\":1}],\"x\":[]}"), "only strings count");
    }

    @Test
    void whatIsNotAnErrorDocumentGivesNothing() {
        for (String body : List.of("", "{}", "<html><body>\"errors\": proxy</body></html>", "{\"errors\":[]}",
                "{\"errors\":{\"code\":\"X\"}}", "{\"errors\":[{\"code\":\"X\"}", "{\"errors\":[{\"code\":\"X\"}]} trailing",
                "{\"errors\":[{\"code\":\"X\",\"code\":\"Y\"}]}")) {
            assertNull(ConnectionCheck.appleError(body), body);
        }
        assertNull(ConnectionCheck.appleError(null));
    }

    @Test
    void agreesWithAnIndependentParserOnRandomBodies() {
        long seed = Long.getLong("appleerror.seed", 20261205L);
        Random r = new Random(seed);
        String[] names = {"code", "title", "detail", "status", "id", "errors"};
        String[] text = {"x", "NOT_AUTHORIZED", " ", "\\\"", "\\\\", "\\n", "\\u00e9", "é", "\\/", ":", ",", "{", "]"};
        String[] breakers = {"\"", "\\", "}", "[", ",", "\n", "\u0001", "\\u12"};
        int documents = 0;
        for (int it = 0; it < 20_000; it++) {
            StringBuilder sb = new StringBuilder("{\"errors\":[{");
            for (int m = r.nextInt(5); m >= 0; m--) {
                sb.append('"').append(names[r.nextInt(names.length)]).append("\":");
                switch (r.nextInt(4)) {
                    case 0 -> sb.append(r.nextInt(1000));
                    case 1 -> sb.append("null");
                    default -> {
                        sb.append('"');
                        for (int k = r.nextInt(6); k > 0; k--) {
                            sb.append(text[r.nextInt(text.length)]);
                        }
                        sb.append('"');
                    }
                }
                sb.append(m > 0 ? "," : "");
            }
            sb.append("}]}");
            if (r.nextInt(5) == 0) {
                sb.insert(r.nextInt(sb.length()), breakers[r.nextInt(breakers.length)]);
            }
            String body = sb.toString();
            ConnectionCheck.AppleError ours = ConnectionCheck.appleError(body);
            if (ours != null) {
                documents++;
                assertEquals(independent(body), ours, "seed " + seed + ", iteration " + it + ": " + body.replace("\n", "<LF>"));
            }
        }
        assertTrue(documents > 2_000, "a fifth of the generated bodies or more are error documents: " + documents);
    }

    @Test
    void longDetailsAndManyEscapesAreReadInLinearTime() {
        String longDetail = "{\"errors\":[{\"status\":\"401\",\"code\":\"NOT_AUTHORIZED\",\"detail\":\""
                + "x".repeat(1_000_000) + "\"}]}";
        ConnectionCheck.AppleError e = ConnectionCheck.appleError(longDetail);
        assertNotNull(e);
        assertEquals("NOT_AUTHORIZED", e.code());
        assertEquals(1_000_000, e.detail().length());

        String escapes = "{\"errors\":[{\"title\":\"" + "\\\"".repeat(200_000) + "\"}]}";
        assertEquals("\"".repeat(200_000), ConnectionCheck.appleError(escapes).title());

        String unterminated = "{\"errors\":[{\"detail\":\"" + "\\\\".repeat(300_000);
        assertNull(ConnectionCheck.appleError(unterminated));
    }
}
