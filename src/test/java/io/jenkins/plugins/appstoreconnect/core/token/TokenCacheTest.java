package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.MutableClock;
import static io.jenkins.plugins.appstoreconnect.core.token.TestKeys.ISSUER;
import static io.jenkins.plugins.appstoreconnect.core.token.TestKeys.KID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    private final AtomicInteger mints = new AtomicInteger();
    private final TokenRequest team = TokenRequest.team(KID, ISSUER);

    private Supplier<MintedToken> minter(TokenRequest r) {
        return () -> {
            mints.incrementAndGet();
            return Tokens.mint(TestKeys.privateKey(), r, clock);
        };
    }

    @Test
    void reusesWhileMarginRemainsThenReMints() {
        TokenCache cache = new TokenCache(clock);
        assertEquals(Duration.ofMinutes(5), cache.refreshMargin());
        assertEquals(256, cache.maxSize());
        MintedToken first = cache.get("fp1", team, minter(team));
        assertEquals(1, mints.get());
        assertSame(first, cache.get("fp1", team, minter(team)));

        clock.advance(Duration.ofSeconds(839)); // 301 s left
        assertSame(first, cache.get("fp1", team, minter(team)));
        clock.advance(Duration.ofSeconds(1)); // exactly the 300 s margin left: still reused
        assertEquals(Duration.ofMinutes(5), first.remaining(clock));
        assertSame(first, cache.get("fp1", team, minter(team)));
        assertEquals(1, mints.get());

        clock.advance(Duration.ofMillis(1)); // less than the margin left
        MintedToken second = cache.get("fp1", team, minter(team));
        assertNotSame(first, second);
        assertEquals(2, mints.get());
        assertEquals(clock.instant().minusSeconds(60).getEpochSecond(), second.issuedAt().getEpochSecond());
        assertSame(second, cache.get("fp1", team, minter(team)));
        assertEquals(2, mints.get());
    }

    @Test
    void expiredTokenIsReplaced() {
        TokenCache cache = new TokenCache(clock);
        MintedToken first = cache.get("fp1", team, minter(team));
        clock.advance(Duration.ofHours(3));
        MintedToken second = cache.get("fp1", team, minter(team));
        assertNotSame(first, second);
        assertFalse(second.isExpired(clock));
    }

    @Test
    void differentKeysAndRequestsGetDifferentTokens() {
        TokenCache cache = new TokenCache(clock);
        TokenRequest scoped = team.toBuilder().scope("GET /v1/apps").build();
        TokenRequest individual = TokenRequest.individual(KID);
        TokenRequest shorter = team.toBuilder().lifetime(Duration.ofMinutes(10)).build();
        Set<MintedToken> tokens = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (String fp : List.of("fp1", "fp2")) {
            for (TokenRequest r : List.of(team, scoped, individual, shorter)) {
                tokens.add(cache.get(fp, r, minter(r)));
            }
        }
        assertEquals(8, tokens.size());
        assertEquals(8, mints.get());
        assertEquals(8, cache.size());
        // equal requests built separately share an entry
        assertSame(cache.get("fp2", scoped, minter(scoped)),
                cache.get("fp2", TokenRequest.builder().keyId(KID).issuerId(ISSUER.toUpperCase()).scope("GET /v1/apps").build(),
                        minter(scoped)));
        assertEquals(8, mints.get());
    }

    @Test
    void invalidateAndClear() {
        TokenCache cache = new TokenCache(clock);
        MintedToken a = cache.get("fp1", team, minter(team));
        MintedToken b = cache.get("fp2", team, minter(team));
        cache.invalidate("fp1");
        assertEquals(1, cache.size());
        assertSame(b, cache.get("fp2", team, minter(team)));
        assertNotSame(a, cache.get("fp1", team, minter(team)));
        assertEquals(3, mints.get());
        cache.clear();
        assertEquals(0, cache.size());
        cache.get("fp2", team, minter(team));
        assertEquals(4, mints.get());
    }

    @Test
    void boundedLeastRecentlyUsedGoesFirst() {
        TokenCache cache = new TokenCache(clock, Duration.ofMinutes(5), 3);
        for (String fp : List.of("a", "b", "c")) {
            cache.get(fp, team, minter(team));
            clock.advance(Duration.ofSeconds(1));
        }
        cache.get("a", team, minter(team)); // a is now the most recently used; b the least
        clock.advance(Duration.ofSeconds(1));
        cache.get("d", team, minter(team));
        assertEquals(3, cache.size());
        assertEquals(4, mints.get());
        cache.get("a", team, minter(team));
        cache.get("c", team, minter(team));
        cache.get("d", team, minter(team));
        assertEquals(4, mints.get(), "a, c, d still cached");
        cache.get("b", team, minter(team));
        assertEquals(5, mints.get(), "b was evicted");
        assertEquals(3, cache.size());
    }

    @Test
    void boundedExpiredGoFirst() {
        TokenCache cache = new TokenCache(clock, Duration.ofSeconds(60), 2);
        TokenRequest shortLived = team.toBuilder().lifetime(Duration.ofSeconds(300)).backdate(Duration.ZERO).build();
        cache.get("a", shortLived, minter(shortLived)); // expires at +300 s
        clock.advance(Duration.ofSeconds(1));
        cache.get("b", team, minter(team)); // fresh until +841 s
        clock.advance(Duration.ofSeconds(200));
        cache.get("a", shortLived, minter(shortLived)); // hit: a is now more recently used than b
        assertEquals(2, mints.get());
        clock.advance(Duration.ofSeconds(200)); // a expired, b not
        cache.get("c", team, minter(team));
        assertEquals(2, cache.size());
        cache.get("b", team, minter(team));
        assertEquals(3, mints.get(), "b kept although a was used more recently: expired entries go first");
    }

    @Test
    void settingsAreChecked() {
        assertThrows(InvalidInputException.class, () -> new TokenCache(clock, Duration.ofMinutes(20), 10));
        assertThrows(InvalidInputException.class, () -> new TokenCache(clock, Duration.ofSeconds(-1), 10));
        assertThrows(InvalidInputException.class, () -> new TokenCache(clock, Duration.ofMinutes(5), 0));
        TokenCache cache = new TokenCache(clock, Duration.ofMinutes(10), 10);
        TokenRequest tenMinutes = team.toBuilder().lifetime(Duration.ofMinutes(11)).build(); // 600 s after minting
        String m = assertThrows(InvalidInputException.class, () -> cache.get("fp", tenMinutes, minter(tenMinutes))).getMessage();
        assertTrue(m.contains("refresh margin (600 s) must be shorter than the time a new token is valid (lifetime 660 s minus backdate 60 s)"), m);
        assertEquals(0, mints.get());
        assertEquals(0, cache.size());
    }

    @Test
    void failedMintLeavesEntryUsable() {
        TokenCache cache = new TokenCache(clock);
        assertThrows(IllegalStateException.class, () -> cache.get("fp", team, () -> {
            throw new IllegalStateException("boom");
        }));
        assertThrows(IllegalStateException.class, () -> cache.get("fp", team, () -> null));
        MintedToken t = cache.get("fp", team, minter(team));
        assertSame(t, cache.get("fp", team, minter(team)));
        assertEquals(1, mints.get());
    }

    @Test
    void mintsWithItsOwnClock() {
        TokenCache cache = new TokenCache(clock);
        MintedToken t = cache.get("fp", TestKeys.privateKey(), team);
        assertEquals(clock.instant().minusSeconds(60), t.issuedAt());
        assertSame(t, cache.get("fp", TestKeys.privateKey(), team));
        assertSame(t, cache.get("fp", team, minter(team)), "both get methods share entries");
        assertEquals(0, mints.get());
        assertTrue(TokenLinter.verifySignature(TokenLinter.decode(t.token()), TestKeys.publicKey()));
    }

    @Test
    void toStringHasNoSecrets() {
        TokenCache cache = new TokenCache(clock);
        MintedToken t = cache.get("fingerprint-1", team, minter(team));
        String s = cache.toString();
        assertEquals("TokenCache[size=1, maxSize=256, refreshMargin=300s]", s);
        assertFalse(s.contains(t.token().substring(0, 20)));
    }

    /** 16 threads x 4 keys hammering one window: exactly one mint per key, everyone gets that token. */
    @Test
    void concurrentCallersMintOncePerKeyAndWindow() {
        TokenCache cache = new TokenCache(clock);
        List<String> keys = List.of("k0", "k1", "k2", "k3");
        Map<String, AtomicInteger> perKey = new ConcurrentHashMap<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                for (int window = 1; window <= 2; window++) {
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<Map<String, Set<MintedToken>>>> results = new ArrayList<>();
                    for (int thread = 0; thread < 16; thread++) {
                        int offset = thread;
                        results.add(pool.submit(() -> {
                            Map<String, Set<MintedToken>> seen = new ConcurrentHashMap<>();
                            start.await();
                            for (int i = 0; i < 500; i++) {
                                String fp = keys.get((i + offset) % keys.size());
                                MintedToken t = cache.get(fp, team, () -> {
                                    perKey.computeIfAbsent(fp, k -> new AtomicInteger()).incrementAndGet();
                                    mints.incrementAndGet();
                                    try {
                                        Thread.sleep(20); // widen the race
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                    return Tokens.mint(TestKeys.privateKey(), team, clock);
                                });
                                seen.computeIfAbsent(fp, k -> Collections.newSetFromMap(new java.util.IdentityHashMap<>())).add(t);
                            }
                            return seen;
                        }));
                    }
                    start.countDown();
                    Map<String, Set<MintedToken>> all = new ConcurrentHashMap<>();
                    for (Future<Map<String, Set<MintedToken>>> f : results) {
                        f.get().forEach((fp, ts) -> all.computeIfAbsent(fp, k -> Collections.newSetFromMap(new java.util.IdentityHashMap<>())).addAll(ts));
                    }
                    assertEquals(4 * window, mints.get(), "one mint per key in window " + window);
                    for (String fp : keys) {
                        assertEquals(window, perKey.get(fp).get(), fp);
                        assertEquals(1, all.get(fp).size(), "every thread got the same token for " + fp);
                    }
                    clock.advance(Duration.ofMinutes(15)); // next window: all tokens below the margin
                }
            } finally {
                pool.shutdownNow();
            }
        });
    }
}
