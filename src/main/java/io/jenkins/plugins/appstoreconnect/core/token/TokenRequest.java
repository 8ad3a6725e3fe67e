package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to put into a token of one {@link TokenProfile}: key ID, issuer (issuer ID or Team ID), the profile's
 * subject (Service ID, client ID or bundle ID), origins, scope, audience and the time window. Immutable, validated
 * on {@link Builder#build()}: a value the profile does not use, a missing one, or a lifetime outside the profile's
 * bounds is an {@link InvalidInputException} naming the field and the rule, never echoing free text that might be
 * a secret pasted into the wrong field.
 *
 * <table>
 *   <caption>Fields per profile (R required, O optional, - not allowed)</caption>
 *   <tr><th>profile</th><th>issuer ID</th><th>team ID</th><th>service ID</th><th>client ID</th><th>bundle ID</th><th>origins</th><th>scope</th><th>audience, backdate</th></tr>
 *   <tr><td>app-store-connect</td><td>O (none: individual key)</td><td>-</td><td>-</td><td>-</td><td>-</td><td>-</td><td>O (METHOD /path list)</td><td>O</td></tr>
 *   <tr><td>maps</td><td>-</td><td>R</td><td>-</td><td>-</td><td>-</td><td>O (one)</td><td>O (names)</td><td>-</td></tr>
 *   <tr><td>weatherkit</td><td>-</td><td>R</td><td>R</td><td>-</td><td>-</td><td>-</td><td>-</td><td>-</td></tr>
 *   <tr><td>musickit</td><td>-</td><td>R</td><td>-</td><td>-</td><td>-</td><td>O (list)</td><td>-</td><td>-</td></tr>
 *   <tr><td>apns</td><td>-</td><td>R</td><td>-</td><td>-</td><td>-</td><td>-</td><td>-</td><td>-</td></tr>
 *   <tr><td>sign-in-with-apple</td><td>-</td><td>R</td><td>-</td><td>R</td><td>-</td><td>-</td><td>-</td><td>-</td></tr>
 *   <tr><td>app-store-server</td><td>R</td><td>-</td><td>-</td><td>-</td><td>R</td><td>-</td><td>-</td><td>-</td></tr>
 * </table>
 *
 * <h2>Time window</h2>
 * {@link #lifetime()} is {@code exp - iat} <em>including</em> the {@link #backdate()} by which {@code iat} is moved
 * into the past to tolerate clock skew. Minting at {@code now} (whole seconds) gives {@code iat = now - backdate},
 * {@code exp = iat + lifetime}. App Store Connect: at most {@link #MAX_LIFETIME} (1200 s, Apple's limit), default
 * 1200 s, backdate 60 s by default and chosen freely below the lifetime. Other profiles: the profile's bounds and
 * default, and its fixed backdate.
 */
public final class TokenRequest {

    /** Apple's limit on {@code exp - iat} of an App Store Connect token: 20 minutes. */
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(1200);
    /** Default {@code exp - iat} of an App Store Connect token: the full 20 minutes, backdate included. */
    public static final Duration DEFAULT_LIFETIME = MAX_LIFETIME;
    /** Default backdate of {@code iat}, for clock skew: 60 s. */
    public static final Duration DEFAULT_BACKDATE = Duration.ofSeconds(60);

    /** The HTTP methods an App Store Connect scope entry may start with. */
    static final Set<String> SCOPE_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final TokenProfile profile;
    private final String keyId;
    private final String teamId;
    private final String issuerId;
    private final String serviceId;
    private final String clientId;
    private final String bundleId;
    private final List<String> origins;
    private final List<String> scope;
    private final Duration lifetime;
    private final Duration backdate;
    private final Audience audience;
    private final int hash;

    private TokenRequest(Builder b) {
        if (b.profile == null) {
            throw new InvalidInputException("No token profile given; profiles: " + TokenProfile.names() + ".");
        }
        this.profile = b.profile;
        String name = profile.cliName();
        if (profile == TokenProfile.APP_STORE_CONNECT) {
            this.keyId = AppleIds.requireKeyId(b.keyId);
            notUsed(b.teamId, "Team ID", name, " (an App Store Connect API key has an issuer ID, or none for an individual key)");
            this.teamId = null;
            this.issuerId = b.issuerId == null ? null : AppleIds.requireIssuerId(b.issuerId);
        } else {
            this.keyId = AppleIds.requireDeveloperKeyId(b.keyId);
            if (profile.usesTeamId()) {
                this.teamId = AppleIds.requireTeamId(b.teamId);
                notUsed(b.issuerId, "issuer ID", name, " (it is for App Store Server API tokens, profile app-store-server; this profile uses the Team ID)");
                this.issuerId = null;
            } else {
                notUsed(b.teamId, "Team ID", name, " (App Store Server API tokens carry the issuer ID shown in App Store Connect)");
                if (b.issuerId == null || b.issuerId.isBlank()) {
                    throw new InvalidInputException("The issuer ID is missing: App Store Server API tokens carry the issuer ID"
                            + " shown at the top of App Store Connect > Users and Access > Integrations.");
                }
                this.teamId = null;
                this.issuerId = AppleIds.requireIssuerId(b.issuerId);
            }
            if (b.audience != null) {
                throw new InvalidInputException("An audience is not part of " + article(name) + " token request; the profile fixes it.");
            }
            if (b.backdate != null) {
                throw new InvalidInputException("A backdate is not part of " + article(name) + " token request; the profile fixes it.");
            }
        }
        this.serviceId = profile == TokenProfile.WEATHERKIT
                ? AppleIds.requireReverseDns(b.serviceId, "service ID", "com.example.weatherkit-client")
                : notUsed(b.serviceId, "service ID", name, "");
        this.clientId = profile == TokenProfile.SIGN_IN_WITH_APPLE
                ? AppleIds.requireReverseDns(b.clientId, "client ID (the Services ID or the app's bundle ID)", "com.example.web")
                : notUsed(b.clientId, "client ID", name, "");
        this.bundleId = profile == TokenProfile.APP_STORE_SERVER
                ? AppleIds.requireReverseDns(b.bundleId, "bundle ID", "com.example.MyApp")
                : notUsed(b.bundleId, "bundle ID", name, "");
        this.origins = checkOrigins(b.origins, profile);
        if (profile == TokenProfile.APP_STORE_CONNECT) {
            this.scope = checkAppStoreConnectScope(b.scope);
            this.lifetime = b.lifetime == null ? DEFAULT_LIFETIME : b.lifetime;
            this.backdate = b.backdate == null ? DEFAULT_BACKDATE : b.backdate;
            this.audience = b.audience == null ? Audience.STANDARD : b.audience;
            checkAppStoreConnectWindow(lifetime, backdate);
        } else {
            this.scope = checkMapsScope(b.scope, profile);
            this.lifetime = checkLifetime(b.lifetime == null ? profile.defaultLifetime() : b.lifetime, profile);
            this.backdate = profile.backdate();
            this.audience = null;
        }
        this.hash = Objects.hash(profile, keyId, teamId, issuerId, serviceId, clientId, bundleId, origins, scope, lifetime,
                backdate, audience);
    }

    /** A new builder for an App Store Connect token; {@link Builder#keyId(String)} is required, the rest has defaults. */
    public static Builder builder() {
        return new Builder().profile(TokenProfile.APP_STORE_CONNECT);
    }

    /** A new builder for {@code profile}. */
    public static Builder builder(TokenProfile profile) {
        return new Builder().profile(profile);
    }

    /** An App Store Connect team-key request with all defaults. */
    public static TokenRequest team(String keyId, String issuerId) {
        if (issuerId == null) {
            throw new InvalidInputException("issuer ID is missing: a team key needs the issuer ID shown in App Store Connect "
                    + "(Users and Access > Integrations > App Store Connect API)");
        }
        return builder().keyId(keyId).issuerId(issuerId).build();
    }

    /** An App Store Connect individual-key request ({@code sub: "user"}, no issuer) with all defaults. */
    public static TokenRequest individual(String keyId) {
        return builder().keyId(keyId).build();
    }

    private static String notUsed(String value, String field, String profile, String why) {
        if (value != null && !value.isBlank()) {
            throw new InvalidInputException("A " + field + " is not part of " + article(profile) + " token" + why + "; leave it out.");
        }
        return null;
    }

    /** "a maps", "an apns": the profile name with its article. */
    private static String article(String profile) {
        return ("aeiou".indexOf(profile.charAt(0)) >= 0 ? "an " : "a ") + profile;
    }

    private static List<String> checkOrigins(List<String> given, TokenProfile profile) {
        List<String> origins = new ArrayList<>();
        if (given != null) {
            for (String o : given) {
                if (o != null && !o.isBlank()) {
                    origins.add(o);
                }
            }
        }
        if (origins.isEmpty()) {
            return List.of();
        }
        if (profile != TokenProfile.MAPS && profile != TokenProfile.MUSICKIT) {
            throw new InvalidInputException("An origin is not part of " + article(profile.cliName()) + " token; only maps (MapKit JS)"
                    + " and musickit tokens can be limited to web origins.");
        }
        if (profile == TokenProfile.MAPS && origins.size() > 1) {
            throw new InvalidInputException("A maps token has one origin claim (a string); " + origins.size()
                    + " were given. Mint one token per web site, or leave the origin out.");
        }
        LinkedHashSet<String> normalised = new LinkedHashSet<>();
        for (String o : origins) {
            normalised.add(AppleIds.requireOrigin(o));
        }
        return Collections.unmodifiableList(new ArrayList<>(normalised));
    }

    /** A Maps scope: space-separated lower-case names (the entries given are joined and split into words). */
    private static List<String> checkMapsScope(List<String> given, TokenProfile profile) {
        String joined = given == null ? "" : String.join(" ", given.stream().filter(Objects::nonNull).toList()).strip();
        if (joined.isEmpty()) {
            return List.of();
        }
        if (profile != TokenProfile.MAPS) {
            throw new InvalidInputException("A scope is not part of " + article(profile.cliName()) + " token; only maps tokens have"
                    + " one (e.g. server_api for the Maps Server API), and App Store Connect tokens a list of requests.");
        }
        List<String> words = List.of(joined.split("\\s+"));
        for (String word : words) {
            if (!word.matches("[a-z][a-z0-9_]{0,39}")) {
                throw new InvalidInputException("The maps scope is a space-separated list of lower-case names such as"
                        + " server_api; one entry is not such a name.");
            }
        }
        return words;
    }

    private static List<String> checkAppStoreConnectScope(List<String> scope) {
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
     * Why {@code entry} is not an App Store Connect scope entry of the form {@code "METHOD /path[?query]"}, or
     * {@code null} if it is one. The reason never quotes the entry.
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

    private static void checkAppStoreConnectWindow(Duration lifetime, Duration backdate) {
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

    private static Duration checkLifetime(Duration lifetime, TokenProfile profile) {
        if (lifetime.getNano() != 0) {
            throw new InvalidInputException("The token lifetime must be a whole number of seconds.");
        }
        if (lifetime.compareTo(profile.minLifetime()) < 0) {
            throw new InvalidInputException("The lifetime of " + lifetime.getSeconds() + " s is below the "
                    + human(profile.minLifetime()) + " minimum for " + profile.cliName() + " tokens"
                    + (profile == TokenProfile.APNS
                            ? " (Apple: refresh no more than once every 20 minutes)" : "") + ".");
        }
        if (lifetime.compareTo(profile.maxLifetime()) > 0) {
            throw new InvalidInputException("The lifetime of " + lifetime.getSeconds() + " s is above the "
                    + human(profile.maxLifetime()) + " maximum for " + profile.cliName() + " tokens (" + maxReason(profile) + ").");
        }
        return lifetime;
    }

    private static String maxReason(TokenProfile profile) {
        return switch (profile) {
            case MUSICKIT, SIGN_IN_WITH_APPLE -> "Apple: exp no more than 15777000 s, six months, ahead";
            case APNS -> "Apple: refresh no less than once every 60 minutes; tokens older than an hour are rejected";
            case APP_STORE_SERVER -> "Apple: tokens that expire more than 60 minutes after iat are not valid";
            case APP_STORE_CONNECT -> "Apple: tokens that expire more than 20 minutes after iat are not valid";
            case MAPS, WEATHERKIT -> "Apple documents no limit; this plugin caps at one year";
        };
    }

    static String human(Duration d) {
        long s = d.getSeconds();
        if (s % 86400 == 0) {
            return (s / 86400) + "-day";
        }
        if (s % 3600 == 0) {
            return (s / 3600) + "-hour";
        }
        if (s % 60 == 0) {
            return (s / 60) + "-minute";
        }
        return s + "-second";
    }

    public TokenProfile profile() {
        return profile;
    }

    /** The 10-character key ID, written into the {@code kid} header. */
    public String keyId() {
        return keyId;
    }

    /** The Team ID ({@code iss}) of a team-key profile, else {@code null}. */
    public String teamId() {
        return teamId;
    }

    /**
     * The issuer ID ({@code iss}, a lower-case UUID) of an App Store Connect team key or an App Store Server API
     * token, else {@code null} (an individual App Store Connect key, or a Team-ID profile).
     */
    public String issuerId() {
        return issuerId;
    }

    /** Whether this is an App Store Connect individual key ({@code sub: "user"}, no {@code iss}). */
    public boolean isIndividual() {
        return profile == TokenProfile.APP_STORE_CONNECT && issuerId == null;
    }

    /** The WeatherKit Service ID ({@code sub}, and part of the {@code id} header), else {@code null}. */
    public String serviceId() {
        return serviceId;
    }

    /** The Sign in with Apple client ID ({@code sub}), else {@code null}. */
    public String clientId() {
        return clientId;
    }

    /** The App Store Server API bundle ID ({@code bid}), else {@code null}. */
    public String bundleId() {
        return bundleId;
    }

    /** Allowed web origins (possibly empty). */
    public List<String> origins() {
        return origins;
    }

    /**
     * The scope (unmodifiable, possibly empty: then the token has no {@code scope} claim): App Store Connect's
     * {@code "METHOD /path"} entries, or the words of a Maps scope.
     */
    public List<String> scope() {
        return scope;
    }

    /** {@code exp - iat}, backdate included; for APNs the reuse window. */
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

    /** The {@code aud} claim of an App Store Connect token, else {@code null}. */
    public Audience audience() {
        return audience;
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder().profile(profile).keyId(keyId).teamId(teamId).issuerId(issuerId).serviceId(serviceId)
                .clientId(clientId).bundleId(bundleId).origins(origins).scope(scope).lifetime(lifetime);
        return profile == TokenProfile.APP_STORE_CONNECT ? b.backdate(backdate).audience(audience) : b;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TokenRequest r)) {
            return false;
        }
        return hash == r.hash && profile == r.profile && keyId.equals(r.keyId) && Objects.equals(teamId, r.teamId)
                && Objects.equals(issuerId, r.issuerId) && Objects.equals(serviceId, r.serviceId)
                && Objects.equals(clientId, r.clientId) && Objects.equals(bundleId, r.bundleId)
                && origins.equals(r.origins) && scope.equals(r.scope) && lifetime.equals(r.lifetime)
                && backdate.equals(r.backdate) && audience == r.audience;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Identifiers and the time window only (none of them secret). */
    @Override
    public String toString() {
        if (profile == TokenProfile.APP_STORE_CONNECT) {
            return "TokenRequest[" + profile.cliName() + ", kid=" + keyId
                    + (issuerId == null ? ", individual" : ", iss=" + issuerId)
                    + (scope.isEmpty() ? "" : ", scope=" + scope.size() + " entries")
                    + ", lifetime=" + lifetime.getSeconds() + "s, backdate=" + backdate.getSeconds() + "s"
                    + ", aud=" + audience.value() + "]";
        }
        return "TokenRequest[" + profile.cliName() + ", kid=" + keyId
                + (teamId != null ? ", team=" + teamId : ", iss=" + issuerId)
                + (serviceId != null ? ", sub=" + serviceId : "")
                + (clientId != null ? ", sub=" + clientId : "")
                + (bundleId != null ? ", bid=" + bundleId : "")
                + (origins.isEmpty() ? "" : ", origins=" + origins.size())
                + ", lifetime=" + lifetime.getSeconds() + "s]";
    }

    /** Builds a {@link TokenRequest}; unset values are absent or take the profile's defaults. */
    public static final class Builder {
        private TokenProfile profile;
        private String keyId;
        private String teamId;
        private String issuerId;
        private String serviceId;
        private String clientId;
        private String bundleId;
        private List<String> origins;
        private List<String> scope;
        private Duration lifetime;
        private Duration backdate;
        private Audience audience;

        private Builder() {}

        public Builder profile(TokenProfile profile) {
            this.profile = profile;
            return this;
        }

        /** Required: the 10-character key ID. */
        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder teamId(String teamId) {
            this.teamId = teamId;
            return this;
        }

        /** The issuer ID (a UUID); {@code null} (the default) for an individual App Store Connect key. */
        public Builder issuerId(String issuerId) {
            this.issuerId = issuerId;
            return this;
        }

        public Builder serviceId(String serviceId) {
            this.serviceId = serviceId;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder bundleId(String bundleId) {
            this.bundleId = bundleId;
            return this;
        }

        public Builder origins(List<String> origins) {
            this.origins = origins == null ? null : new ArrayList<>(origins);
            return this;
        }

        public Builder origin(String origin) {
            return origins(origin == null ? null : List.of(origin));
        }

        /** Scope entries: {@code "METHOD /path[?query]"} for App Store Connect, names for Maps; {@code null} or empty for none. */
        public Builder scope(List<String> scope) {
            this.scope = scope == null ? null : new ArrayList<>(scope);
            return this;
        }

        /** Scope entries, as {@link #scope(List)}. */
        public Builder scope(String... scope) {
            return scope(scope == null ? null : Arrays.asList(scope));
        }

        /** {@code exp - iat}, backdate included; {@code null} for the profile's default. */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** App Store Connect only: how far {@code iat} is set into the past; {@code null} for the default (60 s). */
        public Builder backdate(Duration backdate) {
            this.backdate = backdate;
            return this;
        }

        /** App Store Connect only: the {@code aud} claim; {@code null} for the default ({@link Audience#STANDARD}). */
        public Builder audience(Audience audience) {
            this.audience = audience;
            return this;
        }

        /** Validates and builds; throws {@link InvalidInputException} for a bad value. */
        public TokenRequest build() {
            return new TokenRequest(this);
        }
    }
}
