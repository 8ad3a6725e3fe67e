package io.jenkins.plugins.appstoreconnect.core.connect;

import java.util.Map;
import java.util.List;
import io.jenkins.plugins.appstoreconnect.core.json.Json;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Calls {@code GET {base}/v1/apps?limit=1} with a bearer token and classifies the answer, so that a
 * "Test connection" button or a command line can explain it. The token goes only into the
 * {@code Authorization} header; nothing here logs or returns it.
 *
 * <p>The HTTP client is passed in: Jenkins passes its proxy-aware client
 * ({@code ProxyConfiguration.newHttpClient()}), tests a plain one pointed at a local simulated server.
 */
public final class ConnectionCheck {

    /** Apple's production base URL. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.appstoreconnect.apple.com");

    /** Default time to wait for an answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /** A clock difference beyond this is reported as the likely cause of a 401. */
    public static final Duration SKEW_TOLERANCE = Duration.ofSeconds(60);

    private static final Pattern REMAINING = Pattern.compile("user-hour-rem:(\\d+)");

    private final HttpClient client;
    private final Clock clock;
    private final Duration timeout;

    public ConnectionCheck(HttpClient client, Clock clock, Duration timeout) {
        this.client = client;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Parses a base URL typed by a user; {@code null} or blank means {@link #DEFAULT_BASE_URL}. */
    public static URI baseUrl(String text) {
        return BaseUrls.parse(text, DEFAULT_BASE_URL, "App Store Connect");
    }

    /** The request this check sends, without the token. */
    public static URI probeUri(URI base) {
        return BaseUrls.resolve(base, "/v1/apps?limit=1");
    }

    /** Sends the request and classifies the result; never throws for network problems. */
    public ConnectionResult check(URI base, String bearerToken) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(probeUri(base))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) { // also HttpConnectTimeoutException
            return ConnectionResult.network(ConnectionResult.NetworkProblem.TIMEOUT, base.getHost());
        } catch (ConnectException e) {
            return ConnectionResult.network(ConnectionResult.NetworkProblem.REFUSED, base.getHost());
        } catch (UnknownHostException e) {
            return ConnectionResult.network(ConnectionResult.NetworkProblem.UNKNOWN_HOST, base.getHost());
        } catch (SSLException e) {
            return ConnectionResult.network(ConnectionResult.NetworkProblem.TLS, base.getHost());
        } catch (IOException e) {
            return ConnectionResult.network(classify(e), base.getHost());
        }
        Instant receivedAt = clock.instant();
        Optional<Duration> skew = response.headers()
                .firstValue("Date")
                .flatMap(ConnectionCheck::parseHttpDate)
                .map(serverTime -> Duration.between(receivedAt, serverTime));
        OptionalInt remaining = rateLimitRemaining(response.headers().firstValue("X-Rate-Limit").orElse(null));
        AppleError error = appleError(response.body());
        return new ConnectionResult(response.statusCode(), skew, remaining, error, null, base.getHost());
    }

    private static ConnectionResult.NetworkProblem classify(IOException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return ConnectionResult.NetworkProblem.REFUSED;
            }
            if (t instanceof UnknownHostException) {
                return ConnectionResult.NetworkProblem.UNKNOWN_HOST;
            }
            if (t instanceof SSLException) {
                return ConnectionResult.NetworkProblem.TLS;
            }
        }
        return ConnectionResult.NetworkProblem.OTHER;
    }

    static Optional<Instant> parseHttpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Apple's {@code X-Rate-Limit: user-hour-lim:3600;user-hour-rem:3599;} header. */
    static OptionalInt rateLimitRemaining(String header) {
        if (header == null) {
            return OptionalInt.empty();
        }
        Matcher m = REMAINING.matcher(header.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(m.group(1)));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * The first entry of Apple's error JSON ({@code {"errors":[{"status","code","title","detail"}]}}), read by
     * {@link Json}: its {@code code}, {@code title} and {@code detail} where they are strings. Anything that is not
     * such a document (a proxy's error page, a wrong base URL's answer) yields {@code null}; nothing here throws.
     */
    static AppleError appleError(String body) {
        if (body == null || !body.contains("\"errors\"")) {
            return null;
        }
        Map<String, Object> json;
        try {
            json = Json.parseObject(body, "App Store Connect answer");
        } catch (InvalidInputException e) {
            return null;
        }
        if (!(json.get("errors") instanceof List<?> errors) || errors.isEmpty() || !(errors.get(0) instanceof Map<?, ?> first)) {
            return null;
        }
        String code = first.get("code") instanceof String c ? c : null;
        String title = first.get("title") instanceof String t ? t : null;
        String detail = first.get("detail") instanceof String d ? d : null;
        return code == null && title == null && detail == null ? null : new AppleError(code, title, detail);
    }

    /** Apple's error code, title and detail, as Apple sent them (they never contain our token). */
    public record AppleError(String code, String title, String detail) {}
}
