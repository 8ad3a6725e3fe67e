package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import io.jenkins.plugins.appstoreconnect.core.token.MintedToken;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import java.util.Objects;

/**
 * Tokens for the steps of one block, of any {@link io.jenkins.plugins.appstoreconnect.core.token.TokenProfile}:
 * every call of {@link #token()} returns a token with at least the cache's refresh margin of life left at that
 * moment by the cache's clock, whether the step starts at once or 40 minutes
 * into the block. Tokens come from the shared {@link TokenCache}, so steps close together reuse one. Holds the
 * key: keep it in memory only; {@link #toString()} shows the fingerprint and request.
 *
 * <h2>Masking</h2>
 * The console filter of a block cannot learn the tokens minted after it was made (it may run on an agent). It
 * masks them through their shared first part, {@link #maskPrefix()}; {@link #token(String)} refuses to hand out a
 * token that does not start with the prefix the filter masks.
 */
public final class TokenSource {

    private final TokenCache cache;
    private final ParsedKey key;
    private final TokenRequest request;

    /**
     * @param cache   the plugin's token cache (its clock decides freshness and the tokens' times)
     * @param key     the credential's key
     * @param request what to mint
     */
    public TokenSource(TokenCache cache, ParsedKey key, TokenRequest request) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.key = Objects.requireNonNull(key, "key");
        this.request = Objects.requireNonNull(request, "request");
    }

    /** The request tokens are minted for. */
    public TokenRequest request() {
        return request;
    }

    /** The key's public fingerprint (not secret). */
    public String keyFingerprint() {
        return key.fingerprint();
    }

    /** A token with at least the cache's refresh margin of life left now. */
    public MintedToken token() {
        return cache.get(key.fingerprint(), key.privateKey(), request);
    }

    /**
     * The first part of this source's tokens and the dot after it ({@link SecretForms#tokenPrefix(String)}): the
     * same for every token of the key ID, so a masker given it as a token prefix masks every token this source
     * hands out, now and later. Not a secret.
     */
    public String maskPrefix() {
        return Tokens.maskPrefix(request);
    }

    /**
     * {@link #token()}, checking that it starts with {@code maskPrefix}, the prefix the block's log masks.
     *
     * @throws IllegalStateException if it does not (the token would show in the log); the message holds no token
     */
    public MintedToken token(String maskPrefix) {
        Objects.requireNonNull(maskPrefix, "maskPrefix");
        MintedToken token = token();
        if (!token.token().startsWith(maskPrefix)) {
            throw new IllegalStateException("The " + request.profile().cliName() + " token for key " + request.keyId()
                    + " does not start with the header the console log masks, so it could show in the log; not handing it out.");
        }
        return token;
    }

    /** Fingerprint and request only. */
    @Override
    public String toString() {
        return "TokenSource[" + key.fingerprint() + ", " + request + "]";
    }
}
