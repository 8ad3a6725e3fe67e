package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reuses minted tokens, for every {@link TokenProfile}. Entries are keyed by a key fingerprint (a non-secret
 * string chosen by the caller, for example a hash of the public key) and the {@link TokenRequest}. A cached token
 * is returned while at least its refresh margin ({@link #refreshMargin(TokenRequest)}) of its life remains per the
 * cache's {@link Clock}; otherwise a new one is minted. App Store Server API tokens are never reused (Apple asks
 * for a new token per request).
 *
 * <ul>
 *   <li>Concurrency: callers asking for the same fingerprint and request while no fresh token is cached
 *       wait for one mint; exactly one mint happens per key, request and refresh window. Different entries
 *       mint in parallel. A hit takes no lock.</li>
 *   <li>Size: at most {@link #maxSize()} entries (default {@value #DEFAULT_MAX_SIZE}); beyond that, expired
 *       entries go first, then the least recently used.</li>
 *   <li>Defaults: refresh margin {@link #DEFAULT_REFRESH_MARGIN} (5 minutes), so a default token
 *       (valid 1140 s after minting) is reused for 840 s.</li>
 *   <li>Tokens are secrets: {@link #toString()} shows only counts and settings.</li>
 * </ul>
 */
public final class TokenCache {

    /** Default refresh margin: a token with less than 5 minutes left is replaced. */
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);
    /** Default maximum number of entries. */
    public static final int DEFAULT_MAX_SIZE = 256;

    private final Clock clock;
    private final Duration refreshMargin;
    private final int maxSize;
    private final ConcurrentHashMap<Key, Slot> slots = new ConcurrentHashMap<>();
    private final Object evictionLock = new Object();

    /** A cache with the default refresh margin (5 min) and size (256). */
    public TokenCache(Clock clock) {
        this(clock, DEFAULT_REFRESH_MARGIN, DEFAULT_MAX_SIZE);
    }

    /**
     * @param clock         the time source for freshness (and for minting in {@link #get(String, ECPrivateKey, TokenRequest)})
     * @param refreshMargin replace an App Store Connect token with less than this left; zero or more, less than 20 minutes, and
     *                      (checked per request) less than the request's {@link TokenRequest#validityAfterMint()}
     * @param maxSize       the most entries kept, at least 1
     */
    public TokenCache(Clock clock, Duration refreshMargin, int maxSize) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(refreshMargin, "refreshMargin");
        if (refreshMargin.isNegative() || refreshMargin.compareTo(TokenRequest.MAX_LIFETIME) >= 0) {
            throw new InvalidInputException("refresh margin must be at least 0 and less than a token's 20-minute lifetime; got "
                    + refreshMargin.getSeconds() + " s");
        }
        if (maxSize < 1) {
            throw new InvalidInputException("token cache size must be at least 1; got " + maxSize);
        }
        this.refreshMargin = refreshMargin;
        this.maxSize = maxSize;
    }

    /**
     * The cached token for {@code keyFingerprint} and {@code request} if at least the refresh margin of its
     * life remains, else a new one from {@code mint} (called at most once at a time per entry, by one
     * caller, the others waiting for its result). An exception from {@code mint} reaches the caller that
     * called it and leaves the entry as it was.
     *
     * @throws InvalidInputException if the refresh margin is not shorter than what {@code request} gives a fresh token
     */
    public MintedToken get(String keyFingerprint, TokenRequest request, Supplier<MintedToken> mint) {
        Key key = new Key(keyFingerprint, request);
        Slot slot = slots.get(key);
        MintedToken fresh = fresh(slot);
        if (fresh != null) {
            return fresh;
        }
        Objects.requireNonNull(mint, "mint");
        return miss(key, slot, mint, null);
    }

    /**
     * Like {@link #get(String, TokenRequest, Supplier)}, minting with {@link Tokens#mint} on this cache's clock.
     */
    public MintedToken get(String keyFingerprint, ECPrivateKey privateKey, TokenRequest request) {
        Key key = new Key(keyFingerprint, request);
        Slot slot = slots.get(key);
        MintedToken fresh = fresh(slot);
        if (fresh != null) {
            return fresh;
        }
        Objects.requireNonNull(privateKey, "privateKey");
        return miss(key, slot, null, privateKey);
    }

    /** {@link #get(String, ECPrivateKey, TokenRequest)} for a parsed key, by its fingerprint. */
    public MintedToken get(ParsedKey key, TokenRequest request) {
        return get(key.fingerprint(), key.privateKey(), request);
    }

    private MintedToken miss(Key key, Slot slot, Supplier<MintedToken> mint, ECPrivateKey privateKey) {
        TokenRequest request = key.request;
        if (!request.profile().cacheable()) {
            return mint != null ? mint.get() : Tokens.mint(privateKey, request, clock);
        }
        if (request.profile() == TokenProfile.APP_STORE_CONNECT && refreshMargin.compareTo(request.validityAfterMint()) >= 0) {
            throw new InvalidInputException("the token cache's refresh margin (" + refreshMargin.getSeconds()
                    + " s) must be shorter than the time a new token is valid (lifetime " + request.lifetime().getSeconds()
                    + " s minus backdate " + request.backdate().getSeconds() + " s)");
        }
        if (slot == null) {
            slot = slots.computeIfAbsent(key, k -> new Slot(clock.millis()));
            if (slots.size() > maxSize) {
                evict(slot);
            }
        }
        synchronized (slot) {
            long now = clock.millis();
            Fresh f = slot.current;
            if (f != null && now <= f.until) {
                slot.lastUsed = now;
                return f.token;
            }
            MintedToken t = mint != null ? mint.get() : Tokens.mint(privateKey, request, clock);
            if (t == null) {
                throw new IllegalStateException("the mint function returned no token");
            }
            // fresh while at least the margin is left, and never at or after the token's end (APNs: margin zero)
            slot.current = new Fresh(t, t.expiresAt().toEpochMilli() - Math.max(refreshMargin(request).toMillis(), 1L));
            slot.lastUsed = now;
            return t;
        }
    }

    /** Brings the cache back to {@link #maxSize()}: expired entries first, then the least recently used. */
    private void evict(Slot keep) {
        synchronized (evictionLock) {
            if (slots.size() <= maxSize) {
                return;
            }
            long now = clock.millis();
            for (Iterator<Map.Entry<Key, Slot>> it = slots.entrySet().iterator(); it.hasNext(); ) {
                Slot s = it.next().getValue();
                Fresh f = s.current;
                if (s != keep && f != null && f.token.expiresAt().toEpochMilli() <= now) {
                    it.remove();
                }
            }
            while (slots.size() > maxSize) {
                Map.Entry<Key, Slot> oldest = null;
                for (Map.Entry<Key, Slot> e : slots.entrySet()) {
                    if (e.getValue() != keep && (oldest == null || e.getValue().lastUsed < oldest.getValue().lastUsed)) {
                        oldest = e;
                    }
                }
                if (oldest == null) {
                    return;
                }
                slots.remove(oldest.getKey(), oldest.getValue());
            }
        }
    }

    /** Drops every entry for {@code keyFingerprint} (for example when the credential is updated or deleted). */
    public void invalidate(String keyFingerprint) {
        slots.keySet().removeIf(k -> k.fingerprint.equals(keyFingerprint));
    }

    /** Drops every entry. */
    public void clear() {
        slots.clear();
    }

    /** The number of entries (fresh, stale or being minted). */
    public int size() {
        return slots.size();
    }

    /** The refresh margin of App Store Connect tokens. */
    public Duration refreshMargin() {
        return refreshMargin;
    }

    /**
     * How much life a cached token of {@code request} must have left to be handed out again: for App Store Connect
     * this cache's {@link #refreshMargin()}; for the other profiles a quarter of the lifetime, at most one day (a
     * one-hour token is reused for 45 minutes, a six-month token until a day before it expires); none for APNs,
     * whose token is reused for its whole window (Apple rejects refreshing more often than every 20 minutes).
     */
    public Duration refreshMargin(TokenRequest request) {
        return switch (request.profile()) {
            case APP_STORE_CONNECT -> refreshMargin;
            case APNS -> Duration.ZERO;
            default -> {
                Duration quarter = request.lifetime().dividedBy(4);
                yield quarter.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : quarter;
            }
        };
    }

    /** The most entries kept. */
    public int maxSize() {
        return maxSize;
    }

    /** Settings and size only; no tokens, no fingerprints. */
    @Override
    public String toString() {
        return "TokenCache[size=" + slots.size() + ", maxSize=" + maxSize + ", refreshMargin=" + refreshMargin.getSeconds() + "s]";
    }

    private static final class Key {
        final String fingerprint;
        final TokenRequest request;
        final int hash;

        Key(String fingerprint, TokenRequest request) {
            this.fingerprint = Objects.requireNonNull(fingerprint, "keyFingerprint");
            this.request = Objects.requireNonNull(request, "request");
            this.hash = 31 * fingerprint.hashCode() + request.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return hash == k.hash && fingerprint.equals(k.fingerprint) && request.equals(k.request);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A token and the last time (epoch ms) at which it is still fresh (exp - margin); published as one. */
    private static final class Fresh {
        final MintedToken token;
        final long until;

        Fresh(MintedToken token, long until) {
            this.token = token;
            this.until = until;
        }
    }

    /** One entry: the current token (null until first minted) and when it was last used (LRU); its monitor serialises minting. */
    private static final class Slot {
        volatile Fresh current;
        volatile long lastUsed;

        Slot(long created) {
            this.lastUsed = created;
        }
    }

    /** The slot's token while it still has more than the refresh margin to live, else {@code null}. */
    private MintedToken fresh(Slot slot) {
        if (slot == null) {
            return null;
        }
        long now = clock.millis();
        Fresh f = slot.current;
        if (f == null || now > f.until) {
            return null;
        }
        if (slot.lastUsed != now) {
            slot.lastUsed = now;
        }
        return f.token;
    }
}
