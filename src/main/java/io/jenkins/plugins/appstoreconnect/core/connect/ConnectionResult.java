package io.jenkins.plugins.appstoreconnect.core.connect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a {@link ConnectionCheck} found, as data: the Jenkins glue and the CLI turn it into words.
 *
 * @param status HTTP status, or 0 when no answer came
 * @param clockSkew server {@code Date} minus our clock when the answer arrived (positive: we are behind)
 * @param rateLimitRemaining requests left this hour, from {@code X-Rate-Limit}
 * @param appleError the first entry of Apple's error JSON, or {@code null}
 * @param networkProblem why no answer came, or {@code null}
 * @param host the host that was called
 */
public record ConnectionResult(
        int status,
        Optional<Duration> clockSkew,
        OptionalInt rateLimitRemaining,
        ConnectionCheck.AppleError appleError,
        NetworkProblem networkProblem,
        String host) {

    /** Why no HTTP answer arrived. */
    public enum NetworkProblem {
        REFUSED,
        UNKNOWN_HOST,
        TIMEOUT,
        TLS,
        OTHER
    }

    /** The outcome classes a person acts on. */
    public enum Outcome {
        OK,
        UNAUTHORIZED,
        FORBIDDEN,
        RATE_LIMITED,
        NETWORK,
        UNEXPECTED
    }

    /** The causes of a 401 that can be told apart, in the order worth checking. */
    public enum UnauthorizedCause {
        CLOCK_SKEW,
        WRONG_ISSUER_ID,
        WRONG_KEY_ID,
        KEY_REVOKED
    }

    static ConnectionResult network(NetworkProblem problem, String host) {
        return new ConnectionResult(0, Optional.empty(), OptionalInt.empty(), null, problem, host);
    }

    public Outcome outcome() {
        if (networkProblem != null) {
            return Outcome.NETWORK;
        }
        if (status >= 200 && status < 300) {
            return Outcome.OK;
        }
        return switch (status) {
            case 401 -> Outcome.UNAUTHORIZED;
            case 403 -> Outcome.FORBIDDEN;
            case 429 -> Outcome.RATE_LIMITED;
            default -> Outcome.UNEXPECTED;
        };
    }

    /** Whether the clocks differ by more than {@link ConnectionCheck#SKEW_TOLERANCE}. */
    public boolean clockSkewed() {
        return clockSkew.map(d -> d.abs().compareTo(ConnectionCheck.SKEW_TOLERANCE) > 0).orElse(false);
    }

    /**
     * For a 401: the likely causes, most likely first. A measured clock difference comes first because it
     * is certain; Apple's answer does not say which of the others it is, so they follow in the order that
     * is quickest to check. For an individual key the issuer ID cannot be wrong, so it is left out.
     */
    public List<UnauthorizedCause> likelyCauses(boolean individualKey) {
        List<UnauthorizedCause> causes = new ArrayList<>();
        if (outcome() != Outcome.UNAUTHORIZED) {
            return causes;
        }
        if (clockSkewed()) {
            causes.add(UnauthorizedCause.CLOCK_SKEW);
        }
        if (!individualKey) {
            causes.add(UnauthorizedCause.WRONG_ISSUER_ID);
        }
        causes.add(UnauthorizedCause.WRONG_KEY_ID);
        causes.add(UnauthorizedCause.KEY_REVOKED);
        return causes;
    }
}
