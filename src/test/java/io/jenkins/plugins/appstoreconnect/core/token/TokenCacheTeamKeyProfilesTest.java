package io.jenkins.plugins.appstoreconnect.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.appstoreconnect.MutableClock;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.MintedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Freshness of tokens handed out by the registry, on a hand-moved clock. */
class TokenCacheTeamKeyProfilesTest {

    private final ParsedKey key = P256PrivateKeys.parse(TestKeys.pkcs8Pem(TestKeys.p256()));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final TokenCache source = new TokenCache(clock);

    private TokenRequest request(String profile, Map<String, String> extra) {
        Map<String, String> p = new java.util.HashMap<>(Map.of("keyId", TeamKeyProfilesTest.KID));
        p.putAll(extra);
        return TokenParameters.request(profile, p);
    }

    @Test
    void oneHourTokensAreReusedForThreeQuartersOfTheirLife() {
        TokenRequest r = request("maps", Map.of("teamId", TeamKeyProfilesTest.TEAM));
        MintedToken first = source.get(key, r);
        // exp = mint + 59 min (60 s backdate); reused while at least 15 minutes (a quarter) are left
        clock.advance(Duration.ofMinutes(44));
        assertSame(first, source.get(key, r), "exactly the margin left");
        clock.advance(Duration.ofMillis(1));
        MintedToken second = source.get(key, r);
        assertNotEquals(first.token(), second.token());
        assertTrue(second.remaining(clock).compareTo(Duration.ofMinutes(58)) > 0);
    }

    @Test
    void apnsTokensAreReusedForTheirWholeWindowAndNeverRefreshedWithin20Minutes() throws Exception {
        TokenRequest r = request("apns", Map.of("teamId", TeamKeyProfilesTest.TEAM, "lifetimeSeconds", "1200"));
        MintedToken first = source.get(key, r);
        clock.advance(Duration.ofSeconds(1199));
        assertSame(first, source.get(key, r), "no new APNs token within 20 minutes");
        clock.advance(Duration.ofSeconds(1));
        MintedToken second = source.get(key, r);
        assertNotEquals(first.token(), second.token());
        long iat1 = SignedJWT.parse(first.token()).getJWTClaimsSet().getIssueTime().getTime() / 1000;
        long iat2 = SignedJWT.parse(second.token()).getJWTClaimsSet().getIssueTime().getTime() / 1000;
        assertEquals(1200, iat2 - iat1);
    }

    @Test
    void appStoreServerTokensAreNeverReused() {
        TokenRequest r = request("iap", Map.of("issuerId", TeamKeyProfilesTest.ISSUER, "bundleId", "com.example.MyApp"));
        MintedToken a = source.get(key, r);
        MintedToken b = source.get(key, r);
        assertFalse(a == b, "Apple: a new token for each request");
        assertEquals(0, source.size());
    }

    @Test
    void longTokensAreReplacedADayBeforeTheyExpire() {
        TokenRequest r = request("musickit", Map.of("teamId", TeamKeyProfilesTest.TEAM, "lifetimeSeconds", "15777000"));
        MintedToken first = source.get(key, r);
        clock.advance(Duration.ofSeconds(15_777_000 - 60).minus(Duration.ofDays(1)));
        assertSame(first, source.get(key, r), "exactly a day left");
        clock.advance(Duration.ofMillis(1));
        assertFalse(first == source.get(key, r));
    }

    @Test
    void differentRequestsAndKeysGetDifferentEntriesAndConcurrentCallersOneMint() throws Exception {
        TokenRequest a = request("maps", Map.of("teamId", TeamKeyProfilesTest.TEAM));
        TokenRequest b = request("maps", Map.of("teamId", TeamKeyProfilesTest.TEAM, "origins", "https://example.com"));
        ParsedKey other = P256PrivateKeys.parse(TestKeys.pkcs8Pem(TestKeys.p256()));
        assertFalse(source.get(key, a) == source.get(key, b));
        assertFalse(source.get(key, a) == source.get(other, a));
        assertEquals(3, source.size());
        source.invalidate(other.fingerprint());
        assertEquals(2, source.size());

        TokenCache fresh = new TokenCache(clock);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> seen.add(fresh.get(key, a).token())));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, seen.size(), "concurrent callers share one minted token");
        assertFalse(fresh.toString().contains("ey"), "toString shows counts only");
    }
}
