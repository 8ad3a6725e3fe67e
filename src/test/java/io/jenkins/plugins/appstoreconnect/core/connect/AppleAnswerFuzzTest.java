package io.jenkins.plugins.appstoreconnect.core.connect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Fuzz target for reading Apple's answer in {@link ConnectionCheck}: the error JSON, the {@code X-Rate-Limit} header
 * and the {@code Date} header. These come from the network (Apple, a proxy, a wrong base URL) and must never throw.
 * Oracle for the error JSON: an independent parser (nimbus-jose-jwt's, see {@link AppleErrorJsonTest}) finds the same
 * error wherever ours finds one (ours may refuse more: duplicate members, nesting beyond 20 levels).
 */
class AppleAnswerFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void answer(byte[] data) {
        String body = new String(data, StandardCharsets.UTF_8);
        ConnectionCheck.AppleError error = ConnectionCheck.appleError(body);
        if (error != null && !Objects.equals(error, AppleErrorJsonTest.independent(body))) {
            throw new AssertionError("the error JSON is read differently by an independent parser: " + error);
        }
        ConnectionCheck.rateLimitRemaining(body).ifPresent(n -> {
            if (n < 0) {
                throw new AssertionError("negative rate limit " + n);
            }
        });
        ConnectionCheck.parseHttpDate(body);
    }
}
