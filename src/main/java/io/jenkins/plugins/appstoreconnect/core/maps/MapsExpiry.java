package io.jenkins.plugins.appstoreconnect.core.maps;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Days left and the "expiring soon" window for tokens with an expiry. Days left are whole days, rounded down
 * while the token is valid (a token with 30 hours left has 1 day left; 0 means less than a day) and negative
 * once it has expired (−1 within the first day after expiry).
 */
public final class MapsExpiry {

    /** Default warning window: 14 days. */
    public static final int DEFAULT_WINDOW_DAYS = 14;
    /** Longest warning window accepted. */
    public static final int MAX_WINDOW_DAYS = 365;

    /** Where a token stands. */
    public enum Status {
        NO_EXPIRY,
        VALID,
        EXPIRING_SOON,
        EXPIRED
    }

    private MapsExpiry() {}

    /** Whole days from now until {@code expiresAt}; negative once past (see class comment). */
    public static long daysLeft(Instant expiresAt, Clock clock) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (left.isNegative() || left.isZero()) {
            return -1 - left.negated().toDays();
        }
        return left.toDays();
    }

    /**
     * Whole days since a token expired at {@code expiresAt}: 0 within the first day after expiry (and before it),
     * the one count behind every "N days ago" that names an expired token.
     */
    public static long daysAgo(Instant expiresAt, Clock clock) {
        return Math.max(0, -daysLeft(expiresAt, clock) - 1);
    }

    /** The status of a token expiring at {@code expiresAt} (empty: never) with a warning window of {@code windowDays}. */
    public static Status status(Optional<Instant> expiresAt, int windowDays, Clock clock) {
        if (expiresAt.isEmpty()) {
            return Status.NO_EXPIRY;
        }
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt.get())) {
            return Status.EXPIRED;
        }
        return now.plus(Duration.ofDays(windowDays)).isBefore(expiresAt.get()) ? Status.VALID : Status.EXPIRING_SOON;
    }

    /**
     * The warning window in days: 1 to {@link #MAX_WINDOW_DAYS}; 0 or less means the default.
     *
     * @throws InvalidInputException above the maximum
     */
    public static int windowDays(int days) {
        if (days <= 0) {
            return DEFAULT_WINDOW_DAYS;
        }
        if (days > MAX_WINDOW_DAYS) {
            throw new InvalidInputException("The expiry warning window is " + days + " days; at most " + MAX_WINDOW_DAYS
                    + " are accepted.");
        }
        return days;
    }
}
