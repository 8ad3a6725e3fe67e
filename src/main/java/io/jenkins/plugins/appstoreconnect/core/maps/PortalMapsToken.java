package io.jenkins.plugins.appstoreconnect.core.maps;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import io.jenkins.plugins.appstoreconnect.core.token.TokenParameters;
import io.jenkins.plugins.appstoreconnect.core.token.DecodedToken;
import io.jenkins.plugins.appstoreconnect.core.token.TokenLinter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A Maps token created in the developer portal ("Create a Maps token"): the token (a secret), its type, its
 * domain restriction (none, or a list of domains), its validation duration and when it was created. When the
 * token is a JWT its {@code exp} claim is the expiry; otherwise the expiry follows from the validation
 * duration (creation date + 30/90/180 days, or the end of the chosen date, UTC).
 *
 * <p>{@link #create} refuses a token that is already expired, a chosen date in the past and a creation date in
 * the future, so nothing unusable is stored. {@link #requireUsable(Clock)} is what a build calls before binding
 * the token. {@link #toString()} never shows the token.
 */
public final class PortalMapsToken {

    /** Where the expiry comes from. */
    public enum ExpirySource {
        /** The token's own {@code exp} claim. */
        TOKEN,
        /** The validation duration chosen in the portal. */
        VALIDITY,
        /** Neither: the token does not expire. */
        NONE
    }

    private final String token;
    private final MapsTokenType type;
    private final List<String> domains;
    private final MapsTokenValidity validity;
    private final LocalDate createdOn;
    private final Optional<Instant> expiresAt;
    private final ExpirySource expirySource;

    private PortalMapsToken(String token, MapsTokenType type, List<String> domains, MapsTokenValidity validity,
            LocalDate createdOn, Optional<Instant> expiresAt, ExpirySource expirySource) {
        this.token = token;
        this.type = type;
        this.domains = domains;
        this.validity = validity;
        this.createdOn = createdOn;
        this.expiresAt = expiresAt;
        this.expirySource = expirySource;
    }

    /**
     * Validates and builds a token as it is being stored.
     *
     * @param token      the token text from the portal
     * @param type       its type ({@code null}: MapKit JS)
     * @param domains    comma-, space- or newline-separated domains ({@code example.com}, {@code *.example.com}); blank: no restriction
     * @param validity   the validation duration ({@code null}: no expiration)
     * @param expiryDate for {@link MapsTokenValidity#DATE}: the date, {@code yyyy-MM-dd}
     * @param createdOn  the portal's creation date, {@code yyyy-MM-dd}; needed for the 30/90/180-day durations
     * @throws InvalidInputException naming the problem, never quoting the token
     */
    public static PortalMapsToken create(String token, MapsTokenType type, String domains, MapsTokenValidity validity,
            String expiryDate, String createdOn, Clock clock) {
        PortalMapsToken t = read(token, type, domains, validity, expiryDate, createdOn);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (t.createdOn != null && t.createdOn.isAfter(today)) {
            throw new InvalidInputException("The creation date " + t.createdOn + " is in the future (today is " + today
                    + ", UTC); give the date the portal shows for the token.");
        }
        if (t.createdOn == null && t.expirySource == ExpirySource.NONE && t.validity.days().isPresent()) {
            throw new InvalidInputException("The validation duration is " + t.validity.getLabel() + " but no creation date"
                    + " is given, so the expiry cannot be known; enter the date the portal shows for the token, yyyy-MM-dd.");
        }
        if (t.validity == MapsTokenValidity.DATE && date(expiryDate, "expiry date").isBefore(today)) {
            throw new InvalidInputException("The expiry date " + date(expiryDate, "expiry date") + " is in the past (today is "
                    + today + ", UTC); a token valid until then can no longer be used. Check the date the portal shows.");
        }
        if (t.expiresAt.isPresent() && !clock.instant().isBefore(t.expiresAt.get())) {
            throw new InvalidInputException("This Maps token expired on " + t.expiresAt.get()
                    + (t.expirySource == ExpirySource.TOKEN ? " (its exp claim)" : " (" + t.validity.getLabel() + " after "
                            + t.createdOn + ")") + "; create a new one in the developer portal (Certificates, Identifiers &"
                    + " Profiles > Keys, or Maps tokens) and store that.");
        }
        return t;
    }

    /**
     * Like {@link #create} without refusing what time makes stale (an expired token, a past expiry date, a creation
     * date ahead of this machine's clock): what a stored credential is built from, whenever that happens (the
     * credentials form, Configuration as Code at every start, its export). It refuses only malformed input, and its
     * result never depends on when it runs: a 30/90/180-day duration without a creation date has no known expiry.
     */
    public static PortalMapsToken read(String token, MapsTokenType type, String domains, MapsTokenValidity validity,
            String expiryDate, String createdOn) {
        String t = requireToken(token);
        MapsTokenType ty = type == null ? MapsTokenType.MAPKIT_JS : type;
        MapsTokenValidity v = validity == null ? MapsTokenValidity.NO_EXPIRATION : validity;
        LocalDate created = createdOn == null || createdOn.isBlank() ? null : date(createdOn, "creation date");
        LocalDate chosen = null;
        if (v == MapsTokenValidity.DATE) {
            if (expiryDate == null || expiryDate.isBlank()) {
                throw new InvalidInputException("The validation duration is 'until a chosen date' but no expiry date is given;"
                        + " enter it as yyyy-MM-dd.");
            }
            chosen = date(expiryDate, "expiry date");
        }
        Optional<Instant> fromJwt = jwtExpiry(t);
        Optional<Instant> expires;
        ExpirySource source;
        if (fromJwt.isPresent()) {
            expires = fromJwt;
            source = ExpirySource.TOKEN;
        } else if (v == MapsTokenValidity.DATE) {
            expires = Optional.of(chosen.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            source = ExpirySource.VALIDITY;
        } else if (v.days().isPresent() && created != null) {
            expires = Optional.of(created.plusDays(v.days().getAsInt()).atStartOfDay(ZoneOffset.UTC).toInstant());
            source = ExpirySource.VALIDITY;
        } else {
            expires = Optional.empty();
            source = ExpirySource.NONE;
        }
        return new PortalMapsToken(t, ty, parseDomains(domains), v, created, expires, source);
    }

    private static String requireToken(String token) {
        String t = token == null ? "" : token.strip();
        if (t.regionMatches(true, 0, "Bearer ", 0, 7)) {
            t = t.substring(7).strip();
        }
        if (t.isEmpty()) {
            throw new InvalidInputException("The Maps token is missing; paste the token the developer portal shows after"
                    + " you create it.");
        }
        if (t.length() > 8192) {
            throw new InvalidInputException("The Maps token has " + t.length() + " characters; Maps tokens are a few hundred.");
        }
        if (t.contains("BEGIN") && t.contains("PRIVATE KEY")) {
            throw new InvalidInputException("This is a private key, not a Maps token. Store a Maps private key as an"
                    + " 'Apple developer key' credential; the plugin then mints Maps tokens itself.");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new InvalidInputException("The Maps token contains a space, line break or non-ASCII character at"
                        + " position " + (i + 1) + "; paste the token alone.");
            }
        }
        return t;
    }

    /** The {@code exp} of a JWT-shaped token, or empty when the token is not a JWT or has no numeric exp. */
    static Optional<Instant> jwtExpiry(String token) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        DecodedToken decoded;
        try {
            decoded = TokenLinter.decode(token);
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
        Object exp = decoded.payload().get("exp");
        if (exp instanceof Long && (Long) exp > 0 && (Long) exp < 100_000_000_000L) {
            return Optional.of(Instant.ofEpochSecond((Long) exp));
        }
        return Optional.empty();
    }

    private static LocalDate date(String text, String what) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("The " + what + " is not a date in the form yyyy-MM-dd (e.g. 2026-12-31).");
        }
    }

    private static List<String> parseDomains(String domains) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        List<String> parts = TokenParameters.splitList(domains);
        for (int i = 0; i < parts.size(); i++) {
            out.add(AppleIds.requireHost(parts.get(i), "domain " + (i + 1) + " of the restriction", true));
        }
        return Collections.unmodifiableList(new ArrayList<>(out));
    }

    /**
     * The token, for a build that checked {@link #requireUsable(Clock)}.
     */
    public String token() {
        return token;
    }

    public MapsTokenType type() {
        return type;
    }

    /** Allowed domains; empty means no restriction. */
    public List<String> domains() {
        return domains;
    }

    public MapsTokenValidity validity() {
        return validity;
    }

    /** The portal's creation date, or null if none was given. */
    public LocalDate createdOn() {
        return createdOn;
    }

    /** When it expires, or empty if never. */
    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    public ExpirySource expirySource() {
        return expirySource;
    }

    /** Whole days left (see {@link MapsExpiry#daysLeft}), or empty if the token does not expire. */
    public Optional<Long> daysLeft(Clock clock) {
        return expiresAt.map(e -> MapsExpiry.daysLeft(e, clock));
    }

    public MapsExpiry.Status status(int windowDays, Clock clock) {
        return MapsExpiry.status(expiresAt, windowDays, clock);
    }

    /**
     * The token if it has not expired.
     *
     * @throws InvalidInputException saying when it expired and what to do
     */
    public String requireUsable(Clock clock) {
        if (expiresAt.isPresent() && !clock.instant().isBefore(expiresAt.get())) {
            long ago = MapsExpiry.daysAgo(expiresAt.get(), clock);
            throw new InvalidInputException("The Maps token expired on " + expiresAt.get() + (ago > 0 ? " (" + ago
                    + (ago == 1 ? " day ago)" : " days ago)") : "") + "; Apple rejects it. Create a new token in the developer portal and update the"
                    + " credential, or mint tokens from a Maps private key (an 'Apple developer key' credential) so that"
                    + " they never silently expire.");
        }
        return token;
    }

    /** Type, restriction and expiry; never the token. */
    @Override
    public String toString() {
        return "PortalMapsToken[" + type.getLabel() + ", " + (domains.isEmpty() ? "no restriction" : domains.size()
                + " domains") + ", expires " + expiresAt.map(Instant::toString).orElse("never") + ", token=<redacted>]";
    }
}
