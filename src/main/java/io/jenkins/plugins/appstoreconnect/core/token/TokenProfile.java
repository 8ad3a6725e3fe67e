package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ES256 tokens Apple services accept, one profile each: App Store Connect API tokens, made with an App Store
 * Connect API key, and the tokens made with a developer key issued to a team (a {@code .p8} file from
 * Certificates, Identifiers &amp; Profiles &gt; Keys, or for {@link #APP_STORE_SERVER} from App Store Connect
 * &gt; Users and Access &gt; Integrations &gt; In-App Purchase). Each profile fixes the header and claims and
 * the longest lifetime ({@link Tokens} writes them); {@code docs/apple-tokens.md} quotes the Apple documentation
 * each one follows.
 *
 * <p>"Lifetime" is {@code exp - iat} including the backdate of {@code iat}. APNs tokens have no {@code exp}: for
 * {@link #APNS} the lifetime is how long one token is reused before a new one is minted, which Apple bounds to 20
 * to 60 minutes.
 */
public enum TokenProfile {

    /**
     * App Store Connect API. Header {@code alg, kid, typ}; claims {@code iss} (issuer ID; a team key) or {@code sub}
     * {@code "user"} (an individual key), {@code iat}, {@code exp} (at most 20 minutes after {@code iat}), {@code aud}
     * ({@link Audience}), optional {@code scope} (a list of {@code "METHOD /path"}). The backdate may be chosen.
     */
    APP_STORE_CONNECT("app-store-connect", "App Store Connect API token", Duration.ofSeconds(1), Duration.ofSeconds(1200),
            Duration.ofSeconds(1200), 60, true),

    /**
     * MapKit JS and Maps Server API. Header {@code alg, kid, typ}; claims {@code iss} (Team ID), {@code iat},
     * {@code exp}, optional {@code origin} (MapKit JS) and {@code scope}. Apple documents no upper bound; the
     * plugin caps at one year.
     */
    MAPS("maps", "MapKit JS / Maps Server API token", Duration.ofMinutes(1), Duration.ofDays(365), Duration.ofHours(1), 60, true),
    /**
     * WeatherKit REST API. Header {@code alg, kid, id} ({@code <Team ID>.<Service ID>}); claims {@code iss},
     * {@code iat}, {@code exp}, {@code sub} (Service ID) and nothing else. No documented upper bound; capped at
     * one year.
     */
    WEATHERKIT("weatherkit", "WeatherKit REST API token", Duration.ofMinutes(1), Duration.ofDays(365), Duration.ofHours(1), 60, true),
    /**
     * Apple Music API developer token. Header {@code alg, kid}; claims {@code iss}, {@code iat}, {@code exp}
     * (at most 15777000 s, six months, ahead), optional {@code origin} (an array).
     */
    MUSICKIT("musickit", "MusicKit developer token", Duration.ofMinutes(1), Duration.ofSeconds(15_777_000), Duration.ofHours(1), 60, true),
    /**
     * APNs provider token. Header {@code alg, kid}; claims {@code iss} and {@code iat} only. Reused 20 to 60
     * minutes ("refresh no more than once every 20 minutes and no less than once every 60 minutes").
     */
    APNS("apns", "APNs provider token", Duration.ofMinutes(20), Duration.ofMinutes(60), Duration.ofMinutes(50), 0, true),
    /**
     * Sign in with Apple client secret. Header {@code alg, kid}; claims {@code iss}, {@code iat}, {@code exp}
     * (at most 15777000 s), {@code aud} {@code https://appleid.apple.com}, {@code sub} (client ID).
     */
    SIGN_IN_WITH_APPLE("sign-in-with-apple", "Sign in with Apple client secret", Duration.ofMinutes(1), Duration.ofSeconds(15_777_000),
            Duration.ofHours(1), 60, true),
    /**
     * App Store Server API (In-App Purchase key). Header {@code alg, kid, typ}; claims {@code iss} (issuer
     * ID), {@code iat}, {@code exp} (at most 60 minutes after {@code iat}), {@code aud} {@code appstoreconnect-v1},
     * {@code bid} (bundle ID). Apple asks for a new token per request, so these are never cached.
     */
    APP_STORE_SERVER("app-store-server", "App Store Server API token (In-App Purchase key)", Duration.ofMinutes(1), Duration.ofMinutes(60),
            Duration.ofMinutes(20), 60, false);

    private final String cliName;
    private final String title;
    private final Duration minLifetime;
    private final Duration maxLifetime;
    private final Duration defaultLifetime;
    private final Duration backdate;
    private final boolean cacheable;

    TokenProfile(String cliName, String title, Duration minLifetime, Duration maxLifetime, Duration defaultLifetime,
            int backdateSeconds, boolean cacheable) {
        this.cliName = cliName;
        this.title = title;
        this.minLifetime = minLifetime;
        this.maxLifetime = maxLifetime;
        this.defaultLifetime = defaultLifetime;
        this.backdate = Duration.ofSeconds(backdateSeconds);
        this.cacheable = cacheable;
    }

    /**
     * The name used by the CLI, {@code withAppleToken} and the {@code appleDeveloperKey} binding, e.g.
     * {@code weatherkit}; {@link #byName} also takes the enum name and the earlier short names ({@link #alias()}).
     */
    public String cliName() {
        return cliName;
    }

    /** The earlier short name, still accepted: {@code siwa}, {@code iap}; else {@code null}. */
    public String alias() {
        return switch (this) {
            case SIGN_IN_WITH_APPLE -> "siwa";
            case APP_STORE_SERVER -> "iap";
            default -> null;
        };
    }

    /** A human name, e.g. "WeatherKit REST API token". */
    public String title() {
        return title;
    }

    /** Shortest lifetime accepted. */
    public Duration minLifetime() {
        return minLifetime;
    }

    /** Longest lifetime accepted ({@code exp - iat}, or the reuse window for APNs). */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** Lifetime used when none is given. */
    public Duration defaultLifetime() {
        return defaultLifetime;
    }

    /** How far {@code iat} is set before the minting time (60 s, none for APNs). */
    public Duration backdate() {
        return backdate;
    }

    /** Whether the token carries an {@code exp} claim (all but APNs). */
    public boolean hasExpiry() {
        return this != APNS;
    }

    /** Whether a minted token may be handed out again while fresh (all but the App Store Server API). */
    public boolean cacheable() {
        return cacheable;
    }

    /** Whether tokens are signed for a Team ID ({@code iss}); App Store Connect and the App Store Server API use an issuer ID. */
    public boolean usesTeamId() {
        return this != APP_STORE_SERVER && this != APP_STORE_CONNECT;
    }

    /** Whether the token is made with a developer key issued to a team (all but {@link #APP_STORE_CONNECT}). */
    public boolean teamKey() {
        return this != APP_STORE_CONNECT;
    }

    /** The profiles of a team's developer key: what {@code withAppleToken}, the {@code appleToken} binding and the CLI's {@code token} command offer. */
    public static List<TokenProfile> teamKeyProfiles() {
        return Arrays.stream(values()).filter(TokenProfile::teamKey).toList();
    }

    /** The comma-separated list of the team-key profiles' CLI names, for messages. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (TokenProfile p : teamKeyProfiles()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.cliName);
        }
        return sb.toString();
    }

    /**
     * The team-key profile called {@code name} (its CLI name or enum name, any case).
     *
     * @throws InvalidInputException naming the known profiles
     */
    public static TokenProfile byName(String name) {
        String n = name == null ? "" : name.strip();
        for (TokenProfile p : teamKeyProfiles()) {
            if (p.cliName.equalsIgnoreCase(n) || p.name().equalsIgnoreCase(n) || (p.alias() != null && p.alias().equalsIgnoreCase(n))) {
                return p;
            }
        }
        if (n.isEmpty()) {
            throw new InvalidInputException("No token profile given; profiles: " + names() + ".");
        }
        throw new InvalidInputException("Unknown token profile " + AppleIds.quoteShort(n.toLowerCase(Locale.ROOT).length() > 24
                ? n.substring(0, 24) : n) + "; profiles: " + names() + ".");
    }
}
