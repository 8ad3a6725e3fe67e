package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.json.Json;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression test for a hardening finding: the linter took an {@code iss} written with digits of other
 * scripts (fullwidth {@code ０-９}, Arabic-Indic {@code ٠-٩}) for a UUID, because it asked
 * {@link Character#digit(char, int)}; Apple's issuer IDs are ASCII hex, and such a token is rejected by Apple.
 */
class IssuerUuidRegressionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static List<String> lint(String iss) {
        StringBuilder payload = new StringBuilder("{\"iss\":");
        payload.append(Json.write(iss));
        long now = CLOCK.instant().getEpochSecond();
        payload.append(",\"iat\":").append(now - 60).append(",\"exp\":").append(now + 1000)
                .append(",\"aud\":\"appstoreconnect-v1\"}");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String token = b64.encodeToString("{\"alg\":\"ES256\",\"kid\":\"ABCDE12345\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(new byte[64]);
        return TokenLinter.violations(TokenLinter.decode(token), CLOCK);
    }

    @Test
    void onlyAsciiHexIsAnIssuerId() {
        assertTrue(lint("57246542-96fe-1a63-e053-0824d011072a").isEmpty());
        assertTrue(lint("57246542-96FE-1A63-E053-0824D011072A").isEmpty());
        for (String bad : List.of(
                "５７２４６５４２-96fe-1a63-e053-0824d011072a", // fullwidth digits
                "٥٧٢٤٦٥٤٢-96fe-1a63-e053-0824d011072a", // Arabic-Indic digits
                "57246542-96fe-1a63-e053-0824d011072g")) {
            List<String> v = lint(bad);
            assertFalse(v.isEmpty());
            assertTrue(v.get(0).startsWith("payload iss is "), v.toString());
        }
    }
}
