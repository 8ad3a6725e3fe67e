package io.jenkins.plugins.appstoreconnect.core.apple;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.mask.SecretForms;
import io.jenkins.plugins.appstoreconnect.core.token.MintedToken;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry and factory behind "mint a token of profile X from this Apple developer key": a profile name
 * and string parameters (as a pipeline step or the CLI has them) become an {@link AppleTokenRequest}, and
 * {@link #token(ParsedKey, AppleTokenRequest)} hands out a fresh token, reusing a cached one while enough of
 * its life is left. This is what {@code withAppleToken} and the {@code appleToken} binding call; it holds tokens only, never keys.
 *
 * <h2>Parameters</h2>
 * {@link #PARAMETERS}: {@code keyId}, {@code teamId}, {@code issuerId}, {@code serviceId}, {@code clientId},
 * {@code bundleId}, {@code origins} (comma- or newline-separated), {@code scope}, {@code lifetimeSeconds}.
 * Blank values count as absent; an unknown name is an error.
 *
 * <h2>Freshness</h2>
 * A cached token is reused while more than its refresh margin is left: a quarter of its lifetime, at most one
 * day (so a one-hour token is reused for 45 minutes, a six-month token until a day before it expires). APNs
 * tokens are reused for their whole window (20 to 60 minutes), since Apple rejects refreshing more often than
 * every 20 minutes. App Store Server API tokens are never reused (Apple: a new token for each request).
 * At most {@link #MAX_ENTRIES} entries; expired ones are dropped first.
 */
public final class AppleTokenSource {

    /** The parameter names {@link #request(String, Map)} understands. */
    public static final Set<String> PARAMETERS = Set.of(
            "keyId", "teamId", "issuerId", "serviceId", "clientId", "bundleId", "origins", "scope", "lifetimeSeconds");

    /** Most cached tokens. */
    public static final int MAX_ENTRIES = 256;

    private final Clock clock;
    private final ConcurrentHashMap<Key, MintedToken> cache = new ConcurrentHashMap<>();

    public AppleTokenSource(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Builds a request from a profile name and parameters.
     *
     * @throws InvalidInputException for an unknown profile or parameter, or a bad value
     */
    public static AppleTokenRequest request(String profileName, Map<String, String> parameters) {
        AppleTokenProfile profile = AppleTokenProfile.byName(profileName);
        Map<String, String> p = parameters == null ? Map.of() : parameters;
        Set<String> unknown = new TreeSet<>(p.keySet());
        unknown.removeAll(PARAMETERS);
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new InvalidInputException("Unknown token parameter " + AppleTeamIds.quoteShort(first.length() > 40
                    ? first.substring(0, 40) : first) + "; parameters: " + String.join(", ", new TreeSet<>(PARAMETERS)) + ".");
        }
        AppleTokenRequest.Builder b = AppleTokenRequest.builder(profile)
                .keyId(p.get("keyId"))
                .teamId(p.get("teamId"))
                .issuerId(p.get("issuerId"))
                .serviceId(p.get("serviceId"))
                .clientId(p.get("clientId"))
                .bundleId(p.get("bundleId"))
                .scope(p.get("scope"))
                .origins(splitList(p.get("origins")));
        String lifetime = p.get("lifetimeSeconds");
        if (lifetime != null && !lifetime.isBlank()) {
            b.lifetime(Duration.ofSeconds(seconds(lifetime)));
        }
        return b.build();
    }

    /** The parameters a build may give: all but {@code keyId} and {@code teamId}, which the credential holds. */
    public static final Set<String> BUILD_PARAMETERS = Set.of(
            "issuerId", "serviceId", "clientId", "bundleId", "origins", "scope", "lifetimeSeconds");

    /**
     * A request for a stored developer key: {@code keyId} and {@code teamId} come from the credential (the Team ID
     * only for the profiles that carry it, so an {@code iap} token does not get one), everything else from the
     * build's {@code parameters} (blank values count as absent).
     *
     * @throws InvalidInputException for an unknown or missing profile, a parameter the build may not give
     *                               ({@code keyId}, {@code teamId}, an unknown name), or a bad value
     */
    public static AppleTokenRequest requestForKey(String profileName, String keyId, String teamId, Map<String, String> parameters) {
        AppleTokenProfile profile = AppleTokenProfile.byName(profileName);
        Map<String, String> p = new java.util.LinkedHashMap<>();
        if (parameters != null) {
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                if (e.getValue() == null || e.getValue().isBlank()) {
                    continue;
                }
                if (e.getKey().equals("keyId") || e.getKey().equals("teamId")) {
                    throw new InvalidInputException("The " + (e.getKey().equals("keyId") ? "key ID" : "Team ID")
                            + " comes from the Apple developer key credential; leave it out of the token parameters.");
                }
                p.put(e.getKey(), e.getValue());
            }
        }
        p.put("keyId", keyId);
        if (profile.usesTeamId()) {
            p.put("teamId", teamId);
        }
        return request(profile.cliName(), p);
    }

    /**
     * The header segment and dot that every token of {@code request} starts with (what
     * {@link SecretForms#tokenPrefix(String)} gives for any of them), computed from the request: no token is minted. The header holds only constants of the
     * request ({@code alg}, {@code kid}, {@code typ}, and WeatherKit's {@code id} of Team ID and Service ID), never a
     * time, so the prefix is the same for every later token of the request: a log masker given it masks them all.
     * Not a secret.
     */
    public static String maskPrefix(AppleTokenRequest request) {
        return AppleTokens.headerSegment(request) + ".";
    }

    /**
     * {@link #token(ParsedKey, AppleTokenRequest)}, checking that the token starts with {@code maskPrefix}, the
     * prefix the log masks.
     *
     * @throws IllegalStateException if it does not (it could show in the log); the message holds no token
     */
    public MintedToken token(ParsedKey key, AppleTokenRequest request, String maskPrefix) {
        Objects.requireNonNull(maskPrefix, "maskPrefix");
        MintedToken t = token(key, request);
        if (!t.token().startsWith(maskPrefix)) {
            throw new IllegalStateException("The " + request.profile().cliName() + " token for key " + request.keyId()
                    + " does not start with the header the console log masks, so it could show in the log; not handing it out.");
        }
        return t;
    }

    /** Splits a comma-, space- or newline-separated list; blank gives an empty list. */
    public static List<String> splitList(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** Parses whole seconds, with a message naming the lifetime. */
    public static long seconds(String text) {
        try {
            long s = Long.parseLong(text.strip());
            if (s <= 0) {
                throw new InvalidInputException("The token lifetime must be a positive number of seconds.");
            }
            return s;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("The token lifetime takes whole seconds, for example 3600.");
        }
    }

    /** A fresh token for {@code request} signed by {@code key}: the cached one while fresh, else a new one. */
    public MintedToken token(ParsedKey key, AppleTokenRequest request) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
        if (!request.profile().cacheable()) {
            return AppleTokens.mint(key, request, clock);
        }
        Key k = new Key(key.fingerprint(), request);
        MintedToken cached = cache.get(k);
        if (cached != null && isFresh(cached, request)) {
            return cached;
        }
        MintedToken token = cache.compute(k, (kk, old) -> old != null && isFresh(old, request)
                ? old : AppleTokens.mint(key, request, clock));
        if (cache.size() > MAX_ENTRIES) {
            evict(k);
        }
        return token;
    }

    /** How much life a cached token must have left to be handed out again. */
    public static Duration refreshMargin(AppleTokenRequest request) {
        if (request.profile() == AppleTokenProfile.APNS) {
            return Duration.ZERO;
        }
        Duration quarter = request.lifetime().dividedBy(4);
        return quarter.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : quarter;
    }

    private boolean isFresh(MintedToken t, AppleTokenRequest request) {
        return clock.instant().plus(refreshMargin(request)).isBefore(t.expiresAt());
    }

    private void evict(Key keep) {
        for (Iterator<Map.Entry<Key, MintedToken>> it = cache.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, MintedToken> e = it.next();
            if (!e.getKey().equals(keep) && e.getValue().isExpired(clock)) {
                it.remove();
            }
        }
        for (Iterator<Key> it = cache.keySet().iterator(); cache.size() > MAX_ENTRIES && it.hasNext(); ) {
            if (!it.next().equals(keep)) {
                it.remove();
            }
        }
    }

    /** Drops the tokens of one key (for example when its credential changes). */
    public void invalidate(String fingerprint) {
        cache.keySet().removeIf(k -> k.fingerprint.equals(fingerprint));
    }

    /** Number of cached tokens. */
    public int size() {
        return cache.size();
    }

    /** Counts only; never tokens. */
    @Override
    public String toString() {
        return "AppleTokenSource[size=" + cache.size() + "]";
    }

    private record Key(String fingerprint, AppleTokenRequest request) {}
}
