package io.jenkins.plugins.appstoreconnect.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.appstoreconnect.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenCache} under load: 16 threads asking for random keys and requests. Mints are counted by the mint
 * function handed to the cache (no signing: the cache's contract is about when it calls it). The clock is moved by hand
 * between rounds, one refresh window per round, while no thread is inside the cache. Deadlocks are caught by a bound on
 * the whole test (a liveness guard, not a speed target); nothing is timed.
 */
class TokenCacheConcurrencyTest {

    private static final int THREADS = 16;
    private static final int KEYS = 64;
    private static final List<TokenRequest> REQUESTS = List.of(
            TokenRequest.team("ABCDE12345", "57246542-96fe-1a63-e053-0824d011072a"),
            TokenRequest.individual("ABCDE12345"),
            TokenRequest.builder().keyId("ABCDE12345").scope("GET /v1/apps").lifetime(Duration.ofSeconds(900)).build());

    /** Counts mints per key, request and round; hands out tokens valid for the request's window from the clock's now. */
    private static final class CountingMint {
        final MutableClock clock;
        final Map<String, AtomicInteger> mints = new ConcurrentHashMap<>();
        final AtomicLong serial = new AtomicLong();
        volatile int round;

        CountingMint(MutableClock clock) {
            this.clock = clock;
        }

        Supplier<MintedToken> forKey(String fingerprint, TokenRequest request) {
            return () -> {
                mints.computeIfAbsent(fingerprint + "|" + REQUESTS.indexOf(request) + "|" + round, k -> new AtomicInteger()).incrementAndGet();
                Thread.yield(); // widen the window in which others may ask for the same entry
                Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
                return new MintedToken("token-" + serial.incrementAndGet(), request.keyId(), now.minus(request.backdate()),
                        now.plus(request.validityAfterMint()));
            };
        }
    }

    @Test
    void oneMintPerKeyRequestAndWindowNoDeadlock() {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
            TokenCache cache = new TokenCache(clock); // 256 entries: room for all 64 x 3
            CountingMint mint = new CountingMint(clock);
            int rounds = 4;
            int asksPerRound = 600;
            Map<String, MintedToken> handedOut = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> mismatches = new ConcurrentHashMap<>();
            CyclicBarrier barrier = new CyclicBarrier(THREADS, () -> {
                // between rounds, with every thread waiting: move past the refresh point of every token handed out
                clock.advance(Duration.ofSeconds(1200));
                mint.round++;
            });
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    long seed = 1000L + t;
                    done.add(pool.submit(() -> {
                        Random r = new Random(seed);
                        for (int round = 0; round < rounds; round++) {
                            for (int i = 0; i < asksPerRound; i++) {
                                String fp = "SHA256:key-" + r.nextInt(KEYS);
                                TokenRequest req = REQUESTS.get(r.nextInt(REQUESTS.size()));
                                MintedToken token = cache.get(fp, req, mint.forKey(fp, req));
                                MintedToken first = handedOut.putIfAbsent(fp + "|" + REQUESTS.indexOf(req) + "|" + mint.round, token);
                                if (first != null && first != token) {
                                    mismatches.computeIfAbsent(fp, k -> new AtomicInteger()).incrementAndGet();
                                }
                                assertTrue(token.remaining(clock).compareTo(cache.refreshMargin()) >= 0, "a stale token was handed out");
                            }
                            barrier.await();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            List<String> twice = new ArrayList<>();
            mint.mints.forEach((k, n) -> {
                if (n.get() != 1) {
                    twice.add(k + " minted " + n.get() + " times");
                }
            });
            assertEquals(List.of(), twice, "exactly one mint per key, request and window");
            assertEquals(Map.of(), Map.copyOf(mismatches), "callers in one window got different tokens");
            assertEquals(handedOut.size(), mint.mints.size(), "every entry asked for was minted once");
            assertTrue(mint.mints.size() > KEYS * REQUESTS.size() * (rounds - 1), "the random asks covered the entries: " + mint.mints.size());
            assertTrue(cache.size() <= cache.maxSize());
        });
    }

    @Test
    void sizeStaysBoundedUnderChurn() {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
            int max = 32;
            TokenCache cache = new TokenCache(clock, TokenCache.DEFAULT_REFRESH_MARGIN, max);
            CountingMint mint = new CountingMint(clock);
            AtomicInteger largest = new AtomicInteger();
            AtomicInteger asks = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            try {
                Future<?> watcher = pool.submit(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        largest.accumulateAndGet(cache.size(), Math::max);
                    }
                });
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    long seed = 2000L + t;
                    done.add(pool.submit(() -> {
                        Random r = new Random(seed);
                        for (int i = 0; i < 3000; i++) {
                            String fp = "SHA256:key-" + r.nextInt(KEYS);
                            TokenRequest req = REQUESTS.get(r.nextInt(REQUESTS.size()));
                            MintedToken token = cache.get(fp, req, mint.forKey(fp, req));
                            assertTrue(token.remaining(clock).compareTo(cache.refreshMargin()) >= 0);
                            asks.incrementAndGet();
                            if (r.nextInt(500) == 0) {
                                cache.invalidate(fp);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                watcher.cancel(true);
            } finally {
                pool.shutdownNow();
            }
            assertTrue(cache.size() <= max, "after the load: " + cache.size() + " entries, at most " + max);
            // while threads insert, each may add one entry before the eviction that follows it
            assertTrue(largest.get() <= max + THREADS, "largest size seen " + largest.get());
            int minted = mint.mints.values().stream().mapToInt(AtomicInteger::get).sum();
            assertTrue(minted <= asks.get(), "more mints than asks");
        });
    }

    @Test
    void aFailingMintReachesOnlyItsCallerAndTheNextCallerMintsAgain() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
            TokenCache cache = new TokenCache(clock);
            AtomicInteger attempts = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            TokenRequest req = REQUESTS.get(0);
            Supplier<MintedToken> flaky = () -> {
                if (attempts.incrementAndGet() <= 3) {
                    throw new IllegalStateException("Apple's clock is down"); // not a real failure mode; any exception
                }
                Instant now = clock.instant();
                return new MintedToken("token", req.keyId(), now.minus(req.backdate()), now.plus(req.validityAfterMint()));
            };
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<MintedToken>> results = new ArrayList<>();
            try {
                CyclicBarrier start = new CyclicBarrier(THREADS);
                for (int t = 0; t < THREADS; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        for (int tries = 0; ; tries++) {
                            try {
                                return cache.get("SHA256:flaky", req, flaky);
                            } catch (IllegalStateException e) {
                                failures.incrementAndGet();
                            }
                        }
                    }));
                }
                MintedToken first = results.get(0).get();
                for (Future<MintedToken> f : results) {
                    assertSame(first, f.get(), "everyone ends up with the one good token");
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(3, failures.get(), "each failure reached exactly one caller");
            assertEquals(4, attempts.get(), "one successful mint after the failures");
        });
    }
}
