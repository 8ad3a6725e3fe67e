package io.jenkins.plugins.appstoreconnect.core.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed App Store Connect API token and the facts needed to decide whether to reuse it. The token
 * string is a secret: {@link #toString()} shows only the key ID, {@code iat} and {@code exp}.
 */
public final class MintedToken {

    private final String token;
    private final String keyId;
    private final Instant issuedAt;
    private final Instant expiresAt;

    /**
     * @param token     the compact JWS ({@code header.payload.signature})
     * @param keyId     the {@code kid} it was signed under
     * @param issuedAt  its {@code iat}
     * @param expiresAt its {@code exp}, after {@code issuedAt}
     */
    public MintedToken(String token, String keyId, Instant issuedAt, Instant expiresAt) {
        this.token = Objects.requireNonNull(token, "token");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
    }

    /** The compact JWS to send as {@code Authorization: Bearer <token>}. A secret. */
    public String token() {
        return token;
    }

    /** The {@code kid} header. */
    public String keyId() {
        return keyId;
    }

    /** The {@code iat} claim (already backdated). */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** The {@code exp} claim. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Time left until {@code exp} per {@code clock}; {@link Duration#ZERO} once expired, never negative. */
    public Duration remaining(Clock clock) {
        Duration d = Duration.between(clock.instant(), expiresAt);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Whether {@code exp} has been reached per {@code clock}. */
    public boolean isExpired(Clock clock) {
        return !clock.instant().isBefore(expiresAt);
    }

    /** Redacted: key ID, {@code iat} and {@code exp} only, never the token. */
    @Override
    public String toString() {
        return "MintedToken[kid=" + keyId + ", iat=" + issuedAt + ", exp=" + expiresAt + ", token=<redacted>]";
    }
}
