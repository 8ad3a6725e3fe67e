package io.jenkins.plugins.appstoreconnect.core.build;

import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.AppStoreConnectTokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.AppStoreConnectTokens;
import io.jenkins.plugins.appstoreconnect.core.token.MintedToken;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Tokens for the steps of one block: every call of {@link #token()} returns a token with at least the cache's
 * refresh margin of life left at that moment, whether the step starts at once or 40 minutes into the block.
 * Tokens come from the shared {@link TokenCache}, so steps close together reuse one; should the cache hand back
 * a token with less than the margin left by this source's clock (a cache on another clock), a new one is minted
 * directly. Holds the key: keep it in memory only; {@link #toString()} shows the fingerprint and request.
 */
public final class TokenSource {

    private final TokenCache cache;
    private final Clock clock;
    private final ParsedKey key;
    private final AppStoreConnectTokenRequest request;

    /**
     * @param cache   the plugin's token cache
     * @param clock   the clock the cache uses (normally the system clock)
     * @param key     the credential's key
     * @param request what to mint
     */
    public TokenSource(TokenCache cache, Clock clock, ParsedKey key, AppStoreConnectTokenRequest request) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.key = Objects.requireNonNull(key, "key");
        this.request = Objects.requireNonNull(request, "request");
    }

    /** The request tokens are minted for. */
    public AppStoreConnectTokenRequest request() {
        return request;
    }

    /** A token with at least the refresh margin of life left now. */
    public MintedToken token() {
        MintedToken token = cache.get(key.fingerprint(), key.privateKey(), request);
        Duration margin = cache.refreshMargin();
        if (token.remaining(clock).compareTo(margin) < 0) {
            token = AppStoreConnectTokens.mint(key.privateKey(), request, clock);
        }
        return token;
    }

    /** {@link BuildEnvironment#compute} with a {@link #token()} fetched now. */
    public Map<String, String> environment(EnvironmentNames names, KeyFilePaths paths) {
        return BuildEnvironment.compute(names, request, paths, token());
    }

    /** Fingerprint and request only. */
    @Override
    public String toString() {
        return "TokenSource[" + key.fingerprint() + ", " + request + "]";
    }
}
