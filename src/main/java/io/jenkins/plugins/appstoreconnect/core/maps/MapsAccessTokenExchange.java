package io.jenkins.plugins.appstoreconnect.core.maps;

import io.jenkins.plugins.appstoreconnect.core.json.Json;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.connect.BaseUrls;
import io.jenkins.plugins.appstoreconnect.core.connect.ConnectionResult.NetworkProblem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * The Maps Server API's token exchange (Apple Maps Server API, "Generate a Maps token"): {@code GET
 * {base}/v1/token} with {@code Authorization: Bearer <maps token>} (a portal token or one minted by the
 * {@code maps} profile) answers {@code {"accessToken": "...", "expiresInSeconds": 1800}}; the access token is
 * what the other Maps Server API calls take. 401 means the Maps token is missing or invalid, 429 that the daily
 * quota is used up. Neither token is ever logged or put into a message.
 */
public final class MapsAccessTokenExchange {

    /** Apple's Maps Server API host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://maps-api.apple.com");

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client;
    private final Clock clock;
    private final Duration timeout;

    public MapsAccessTokenExchange(HttpClient client, Clock clock, Duration timeout) {
        this.client = client;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** What happened. */
    public enum Outcome {
        OK,
        /** 401: the Maps token is missing, invalid, expired or revoked (or not a Server API token). */
        UNAUTHORIZED,
        /** 429: the daily quota for this token is used up. */
        RATE_LIMITED,
        /** 5xx. */
        SERVER_ERROR,
        NETWORK,
        /** 200 without a usable body, or another status. */
        UNEXPECTED
    }

    /**
     * The result: on {@link Outcome#OK} the access token and its expiry, otherwise the status and Apple's error
     * message. {@link #toString()} never shows the access token.
     */
    public record Result(Outcome outcome, int status, String accessToken, Instant expiresAt, String appleMessage,
            NetworkProblem networkProblem, String host) {
        @Override
        public String toString() {
            return "MapsAccessTokenExchange.Result[" + outcome + ", status=" + status
                    + (expiresAt != null ? ", expires=" + expiresAt : "") + (accessToken != null ? ", token=<redacted>" : "") + "]";
        }

        /** One English sentence for the CLI and logs. */
        public String explanation() {
            String apple = appleMessage == null ? "" : " (" + appleMessage + ")";
            return switch (outcome) {
                case OK -> "The Maps Server API issued an access token valid until " + expiresAt + ".";
                case UNAUTHORIZED -> "The Maps Server API rejected the Maps token (401" + apple + "): it is invalid, expired,"
                        + " revoked or not meant for the Server API.";
                case RATE_LIMITED -> "The Maps token's daily quota is used up (429" + apple + "); try again tomorrow.";
                case SERVER_ERROR -> "The Maps Server API had an internal error (" + status + apple + "); try again later.";
                case NETWORK -> "Could not reach " + host + " (" + networkProblem.name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + "); check the base URL, proxy and firewall.";
                case UNEXPECTED -> "The Maps Server API answered HTTP " + status + apple + " without an access token.";
            };
        }
    }

    /** A base URL typed by a user; blank means {@link #DEFAULT_BASE_URL}. */
    public static URI baseUrl(String text) {
        return BaseUrls.parse(text, DEFAULT_BASE_URL, "Maps Server API");
    }

    /** Exchanges {@code mapsToken} for an access token. Never throws for network problems. */
    public Result exchange(URI base, String mapsToken) throws InterruptedException {
        if (mapsToken == null || mapsToken.isBlank()) {
            throw new InvalidInputException("No Maps token to exchange.");
        }
        URI uri = BaseUrls.resolve(base, "/v1/token");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + mapsToken.strip())
                .header("Accept", "application/json")
                .GET()
                .build();
        String host = base.getHost();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return network(NetworkProblem.TIMEOUT, host);
        } catch (ConnectException e) {
            return network(NetworkProblem.REFUSED, host);
        } catch (UnknownHostException e) {
            return network(NetworkProblem.UNKNOWN_HOST, host);
        } catch (SSLException e) {
            return network(NetworkProblem.TLS, host);
        } catch (IOException e) {
            return network(NetworkProblem.OTHER, host);
        }
        Instant receivedAt = clock.instant();
        int status = response.statusCode();
        Map<String, Object> body = null;
        try {
            body = Json.parseObject(response.body(), "Maps token response");
        } catch (InvalidInputException e) {
            // not JSON
        }
        if (status == 200) {
            if (body != null && body.get("accessToken") instanceof String token && !token.isBlank()
                    && body.get("expiresInSeconds") instanceof Long seconds && seconds > 0) {
                return new Result(Outcome.OK, status, token, receivedAt.plusSeconds(seconds), null, null, host);
            }
            return new Result(Outcome.UNEXPECTED, status, null, null, "no accessToken and expiresInSeconds in the answer",
                    null, host);
        }
        Outcome outcome = status == 401 ? Outcome.UNAUTHORIZED
                : status == 429 ? Outcome.RATE_LIMITED
                : status >= 500 ? Outcome.SERVER_ERROR
                : Outcome.UNEXPECTED;
        return new Result(outcome, status, null, null, appleMessage(body), null, host);
    }

    /** Apple's ErrorResponse {@code {"error": {"message": "...", "details": [...]}}}, or a top-level message. */
    private static String appleMessage(Map<String, Object> body) {
        if (body == null) {
            return null;
        }
        Object error = body.get("error");
        Object message = error instanceof Map<?, ?> m ? m.get("message") : body.get("message");
        if (message instanceof String s && !s.isBlank()) {
            String oneLine = s.replaceAll("\\p{Cntrl}", " ");
            return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
        }
        return null;
    }

    private static Result network(NetworkProblem problem, String host) {
        return new Result(Outcome.NETWORK, 0, null, null, null, problem, host);
    }
}
