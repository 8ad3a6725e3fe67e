package io.jenkins.plugins.appstoreconnect.core.cloudkit;

import io.jenkins.plugins.appstoreconnect.core.json.Json;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.connect.BaseUrls;
import io.jenkins.plugins.appstoreconnect.core.connect.ConnectionResult.NetworkProblem;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * "Test connection" for CloudKit credentials: lists the zones of the container's public database,
 * {@code GET [base]/database/1/[container]/[environment]/public/zones/list} (CloudKit Web Services Reference,
 * "Fetching Zones (zones/list)"), which any valid API token or server-to-server key may read and which changes
 * nothing. With an API token the token goes in the {@code ckAPIToken} query parameter (as Apple specifies); with
 * a server-to-server key the request is signed by {@link CloudKitRequestSigner}. Answers are classified from the
 * status and CloudKit's {@code {"serverErrorCode", "reason"}} body. The URL with the token is never logged or
 * returned.
 */
public final class CloudKitConnectionCheck {

    /** Apple's CloudKit Web Services host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.apple-cloudkit.com");

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client;
    private final Duration timeout;

    public CloudKitConnectionCheck(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** A base URL typed by a user; blank means {@link #DEFAULT_BASE_URL}. */
    public static URI baseUrl(String text) {
        return BaseUrls.parse(text, DEFAULT_BASE_URL, "CloudKit");
    }

    /** The probe's subpath: {@code /database/1/<container>/<environment>/public/zones/list}. */
    public static String probeSubpath(String container, CloudKitEnvironment environment) {
        return "/database/1/" + CloudKitIds.requireContainer(container) + "/" + environment.pathSegment() + "/public/zones/list";
    }

    /** Checks an API token. */
    public CloudKitCheckResult checkApiToken(URI base, String container, CloudKitEnvironment environment, String apiToken)
            throws InterruptedException {
        String token = CloudKitIds.requireApiToken(apiToken);
        String subpath = probeSubpath(container, environment);
        URI uri = BaseUrls.resolve(base, subpath + "?ckAPIToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri), base);
    }

    /** Checks a server-to-server key by signing the probe with it. */
    public CloudKitCheckResult checkServerKey(
            URI base, String container, CloudKitEnvironment environment, ParsedKey key, String keyId, Clock clock)
            throws InterruptedException {
        String subpath = probeSubpath(container, environment);
        CloudKitRequestSigner.SignedHeaders headers = CloudKitRequestSigner.sign(key, keyId, new byte[0], subpath, clock);
        HttpRequest.Builder b = HttpRequest.newBuilder(BaseUrls.resolve(base, subpath));
        headers.asMap().forEach(b::header);
        return send(b, base);
    }

    private CloudKitCheckResult send(HttpRequest.Builder request, URI base) throws InterruptedException {
        String host = base.getHost();
        HttpResponse<String> response;
        try {
            response = client.send(request.timeout(timeout).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return CloudKitCheckResult.network(NetworkProblem.TIMEOUT, host);
        } catch (ConnectException e) {
            return CloudKitCheckResult.network(NetworkProblem.REFUSED, host);
        } catch (UnknownHostException e) {
            return CloudKitCheckResult.network(NetworkProblem.UNKNOWN_HOST, host);
        } catch (SSLException e) {
            return CloudKitCheckResult.network(NetworkProblem.TLS, host);
        } catch (IOException e) {
            return CloudKitCheckResult.network(classify(e), host);
        }
        String code = null;
        String reason = null;
        int zones = -1;
        try {
            Map<String, Object> body = Json.parseObject(response.body(), "CloudKit response");
            code = body.get("serverErrorCode") instanceof String s ? s : null;
            reason = body.get("reason") instanceof String s ? shortText(s) : null;
            if (body.get("zones") instanceof List<?> list) {
                zones = list.size();
            }
        } catch (InvalidInputException e) {
            // not JSON (a proxy's page, say): classify by status alone
        }
        return new CloudKitCheckResult(response.statusCode(), code, reason, null, host,
                response.statusCode() / 100 == 2 ? zones : -1);
    }

    private static String shortText(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    

    private static NetworkProblem classify(IOException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return NetworkProblem.REFUSED;
            }
            if (t instanceof UnknownHostException) {
                return NetworkProblem.UNKNOWN_HOST;
            }
            if (t instanceof SSLException) {
                return NetworkProblem.TLS;
            }
        }
        return NetworkProblem.OTHER;
    }
}
