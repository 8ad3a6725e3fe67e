package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsExpiry;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenValidity;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A Maps token created in the Apple developer portal, with the portal's settings and its expiry. The expiry is
 * shown in the credential's name and reported by {@link MapsTokenExpiryMonitor} when it is near.
 */
@NameWith(AppleCredentialNames.MapsTokens.class)
public interface MapsToken extends StandardCredentials {

    /** The token, encrypted at rest. */
    @NonNull
    Secret getToken();

    @NonNull
    MapsTokenType getType();

    /** Allowed domains, comma-separated; empty: no restriction. */
    @NonNull
    String getDomains();

    @NonNull
    MapsTokenValidity getValidity();

    /** For {@link MapsTokenValidity#DATE}: {@code yyyy-MM-dd}, else empty. */
    @NonNull
    String getExpiryDate();

    /** The portal's creation date, {@code yyyy-MM-dd}. */
    @NonNull
    String getCreatedOn();

    /** Days before expiry from which the token is reported as expiring soon. */
    int getExpiryWarningDays();

    /** When the token expires, or {@code null} if never. */
    @CheckForNull
    Instant getExpiresAt();

    /** Whole days left (negative once expired), or empty if the token never expires. */
    default Optional<Long> daysLeft(Clock clock) {
        return Optional.ofNullable(getExpiresAt()).map(e -> MapsExpiry.daysLeft(e, clock));
    }

    default MapsExpiry.Status status(Clock clock) {
        return MapsExpiry.status(Optional.ofNullable(getExpiresAt()), MapsExpiry.windowDays(getExpiryWarningDays()), clock);
    }

    /** "12 days left", "expired 2026-01-01T00:00:00Z" or "no expiry", for names and lists. */
    @NonNull
    default String expirySummary(Clock clock) {
        Instant e = getExpiresAt();
        if (e == null) {
            return Messages.MapsToken_Expiry_None();
        }
        long days = MapsExpiry.daysLeft(e, clock);
        return days < 0 ? Messages.MapsToken_Expiry_Expired(e.toString()) : Messages.MapsToken_Expiry_DaysLeft(days);
    }

    /**
     * The plain token for a build, or a clear failure if it has expired (the credential ID, the expiry date and
     * how many whole days ago; never the token).
     *
     * @throws InvalidInputException when the token has expired
     */
    @NonNull
    default String requireUsable(Clock clock) {
        Instant e = getExpiresAt();
        if (e != null && !clock.instant().isBefore(e)) {
            long daysAgo = MapsExpiry.daysAgo(e, clock);
            throw new InvalidInputException(Messages.MapsToken_ExpiredForBuild(getId(), e.toString(),
                    daysAgo > 0 ? Messages.MapsToken_ExpiredDaysAgo(daysAgo) : Messages.MapsToken_ExpiredToday()));
        }
        return getToken().getPlainText();
    }
}
