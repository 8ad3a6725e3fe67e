package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to put into an App Store Connect API token: the key ID, the issuer (team keys) or none
 * (individual keys), an optional scope, the audience, and the time window. Immutable and validated on
 * {@link Builder#build()}; every bad value is an {@link InvalidInputException} whose message names the
 * field and the rule but never echoes free text that might be a secret pasted into the wrong field.
 *
 * <h2>Time window</h2>
 * Apple rejects tokens whose {@code exp - iat} exceeds 20 minutes (1200 s). Here {@link #lifetime()} is
 * exactly that total window, {@code exp - iat}, <em>including</em> the {@link #backdate()} by which
 * {@code iat} is moved into the past to tolerate clock skew between this machine and Apple's. Minting at
 * time {@code now} (truncated to whole seconds) gives:
 * <pre>
 *   iat = now - backdate
 *   exp = iat + lifetime = now + (lifetime - backdate)
 * </pre>
 * Defaults: {@link #DEFAULT_LIFETIME} = 1200 s and {@link #DEFAULT_BACKDATE} = 60 s, so
 * {@code iat = now - 60}, {@code exp = now + 1140}, {@code exp - iat = 1200}. Rules: the lifetime is a
 * whole number of seconds, at most {@link #MAX_LIFETIME} (1200 s), and longer than the backdate; the
 * backdate is a whole number of seconds, zero or more.
 *
 * <h2>Profiles</h2>
 * <ul>
 *   <li>Team key: {@code issuerId} set (a UUID, stored lower-case); the token carries {@code iss}.</li>
 *   <li>Individual key: {@code issuerId} {@code null}; the token carries {@code sub: "user"} and no
 *       {@code iss}.</li>
 *   <li>{@code scope}: optional list of {@code "METHOD /path[?query]"} entries, for example
 *       {@code "GET /v1/apps?filter[platform]=IOS"}; an empty list means no {@code scope} claim.</li>
 *   <li>{@code audience}: {@link Audience#STANDARD} by default, {@link Audience#ENTERPRISE} for the
 *       Apple Developer Enterprise Program.</li>
 * </ul>
 */
public final class AppStoreConnectTokenRequest {

    /** Apple's limit on {@code exp - iat}: 20 minutes. */
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(1200);
    /** Default {@code exp - iat}: the full 20 minutes, backdate included. */
    public static final Duration DEFAULT_LIFETIME = MAX_LIFETIME;
    /** Default backdate of {@code iat}, for clock skew: 60 s. */
    public static final Duration DEFAULT_BACKDATE = Duration.ofSeconds(60);

    /** The HTTP methods a scope entry may start with. */
    static final Set<String> SCOPE_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final String keyId;
    private final String issuerId;
    private final List<String> scope;
    private final Duration lifetime;
    private final Duration backdate;
    private final Audience audience;
    private final int hash;

    private AppStoreConnectTokenRequest(Builder b) {
        this.keyId = AppleIds.requireKeyId(b.keyId);
        this.issuerId = b.issuerId == null ? null : AppleIds.requireIssuerId(b.issuerId);
        this.scope = checkScope(b.scope);
        this.lifetime = b.lifetime == null ? DEFAULT_LIFETIME : b.lifetime;
        this.backdate = b.backdate == null ? DEFAULT_BACKDATE : b.backdate;
        this.audience = b.audience == null ? Audience.STANDARD : b.audience;
        checkWindow(lifetime, backdate);
        this.hash = Objects.hash(keyId, issuerId, scope, lifetime, backdate, audience);
    }

    /** A new builder; {@link Builder#keyId(String)} is required, everything else has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A team-key request with all defaults. */
    public static AppStoreConnectTokenRequest team(String keyId, String issuerId) {
        if (issuerId == null) {
            throw new InvalidInputException("issuer ID is missing: a team key needs the issuer ID shown in App Store Connect "
                    + "(Users and Access > Integrations > App Store Connect API)");
        }
        return builder().keyId(keyId).issuerId(issuerId).build();
    }

    /** An individual-key request ({@code sub: "user"}, no issuer) with all defaults. */
    public static AppStoreConnectTokenRequest individual(String keyId) {
        return builder().keyId(keyId).build();
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        return new Builder()
                .keyId(keyId)
                .issuerId(issuerId)
                .scope(scope)
                .lifetime(lifetime)
                .backdate(backdate)
                .audience(audience);
    }

    /** The 10-character key ID, written into the {@code kid} header. */
    public String keyId() {
        return keyId;
    }

    /** The issuer ID (lower-case UUID) of a team key, or {@code null} for an individual key. */
    public String issuerId() {
        return issuerId;
    }

    /** Whether this is an individual key ({@code sub: "user"}, no {@code iss}). */
    public boolean isIndividual() {
        return issuerId == null;
    }

    /** The scope entries (unmodifiable, possibly empty: then the token has no {@code scope} claim). */
    public List<String> scope() {
        return scope;
    }

    /** {@code exp - iat}, backdate included; at most 1200 s. */
    public Duration lifetime() {
        return lifetime;
    }

    /** How far {@code iat} is set before the minting time. */
    public Duration backdate() {
        return backdate;
    }

    /** How long a freshly minted token stays valid: {@code lifetime - backdate}. */
    public Duration validityAfterMint() {
        return lifetime.minus(backdate);
    }

    /** The {@code aud} claim. */
    public Audience audience() {
        return audience;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AppStoreConnectTokenRequest)) {
            return false;
        }
        AppStoreConnectTokenRequest r = (AppStoreConnectTokenRequest) o;
        return hash == r.hash
                && keyId.equals(r.keyId)
                && Objects.equals(issuerId, r.issuerId)
                && scope.equals(r.scope)
                && lifetime.equals(r.lifetime)
                && backdate.equals(r.backdate)
                && audience == r.audience;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Key ID, issuer ID, scope and window: identifiers, not secrets. */
    @Override
    public String toString() {
        return "AppStoreConnectTokenRequest[kid=" + keyId
                + (issuerId == null ? ", individual" : ", iss=" + issuerId)
                + (scope.isEmpty() ? "" : ", scope=" + scope.size() + " entries")
                + ", lifetime=" + lifetime.getSeconds() + "s, backdate=" + backdate.getSeconds() + "s"
                + ", aud=" + audience.value() + "]";
    }

    private static List<String> checkScope(List<String> scope) {
        if (scope == null || scope.isEmpty()) {
            return List.of();
        }
        List<String> copy = new ArrayList<>(scope.size());
        for (int i = 0; i < scope.size(); i++) {
            String entry = scope.get(i);
            String problem = scopeEntryProblem(entry);
            if (problem != null) {
                throw new InvalidInputException("scope[" + i + "] " + problem);
            }
            copy.add(entry);
        }
        return Collections.unmodifiableList(copy);
    }

    /**
     * Why {@code entry} is not a scope entry of the form {@code "METHOD /path[?query]"}, or {@code null} if
     * it is one. The reason never quotes the entry.
     */
    static String scopeEntryProblem(String entry) {
        final String shape = "must look like \"GET /v1/apps?filter[platform]=IOS\": ";
        if (entry == null) {
            return shape + "it is null";
        }
        if (entry.isEmpty()) {
            return shape + "it is empty";
        }
        int space = entry.indexOf(' ');
        if (space < 0) {
            return shape + "there is no space between the HTTP method and the path";
        }
        String method = entry.substring(0, space);
        if (!SCOPE_METHODS.contains(method)) {
            return shape + "the text before the first space is not one of the HTTP methods "
                    + "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS (upper case)";
        }
        if (space + 1 >= entry.length() || entry.charAt(space + 1) != '/') {
            return shape + "the path after \"" + method + " \" must start with '/'";
        }
        for (int i = space + 1; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return shape + "character " + (i + 1) + " is whitespace or a control character";
            }
            if (c > 0x7e) {
                return shape + "character " + (i + 1) + " is not ASCII (percent-encode it)";
            }
            if (c == '#') {
                return shape + "character " + (i + 1) + " is '#': a fragment is not part of a request";
            }
        }
        return null;
    }

    private static void checkWindow(Duration lifetime, Duration backdate) {
        if (lifetime.getNano() != 0) {
            throw new InvalidInputException("token lifetime must be a whole number of seconds; got " + lifetime);
        }
        if (backdate.getNano() != 0) {
            throw new InvalidInputException("backdate must be a whole number of seconds; got " + backdate);
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new InvalidInputException("token lifetime must be positive; got " + lifetime.getSeconds() + " s");
        }
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new InvalidInputException("token lifetime (exp - iat) of " + lifetime.getSeconds()
                    + " s exceeds Apple's 20-minute limit (1200 s) for App Store Connect API tokens; "
                    + "the lifetime includes the " + backdate.getSeconds() + " s backdate of iat");
        }
        if (backdate.isNegative()) {
            throw new InvalidInputException("backdate must not be negative; got " + backdate.getSeconds() + " s");
        }
        if (backdate.compareTo(lifetime) >= 0) {
            throw new InvalidInputException("backdate (" + backdate.getSeconds() + " s) must be shorter than the token "
                    + "lifetime (" + lifetime.getSeconds() + " s), which includes it; otherwise the token is "
                    + "expired when minted");
        }
    }

    /** Builds an {@link AppStoreConnectTokenRequest}; unset values take the documented defaults. */
    public static final class Builder {
        private String keyId;
        private String issuerId;
        private List<String> scope;
        private Duration lifetime;
        private Duration backdate;
        private Audience audience;

        private Builder() {}

        /** Required: the 10-character key ID. */
        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        /** The team's issuer ID (a UUID); {@code null} (the default) for an individual key. */
        public Builder issuerId(String issuerId) {
            this.issuerId = issuerId;
            return this;
        }

        /** Scope entries ({@code "METHOD /path[?query]"}); {@code null} or empty for none (the default). */
        public Builder scope(List<String> scope) {
            this.scope = scope == null ? null : new ArrayList<>(scope);
            return this;
        }

        /** Scope entries ({@code "METHOD /path[?query]"}). */
        public Builder scope(String... scope) {
            return scope(scope == null ? null : java.util.Arrays.asList(scope));
        }

        /** {@code exp - iat}, backdate included; {@code null} for the default (1200 s). */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** How far {@code iat} is set into the past; {@code null} for the default (60 s). */
        public Builder backdate(Duration backdate) {
            this.backdate = backdate;
            return this;
        }

        /** The {@code aud} claim; {@code null} for the default ({@link Audience#STANDARD}). */
        public Builder audience(Audience audience) {
            this.audience = audience;
            return this;
        }

        /** Validates and builds; throws {@link InvalidInputException} for a bad value. */
        public AppStoreConnectTokenRequest build() {
            return new AppStoreConnectTokenRequest(this);
        }
    }
}
