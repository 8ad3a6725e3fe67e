package io.jenkins.plugins.appstoreconnect.core.connect;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A <strong>simulated</strong> App Store Connect API for tests: a JDK {@link HttpServer} on 127.0.0.1 and a
 * random port that answers {@code GET /v1/apps} the way Apple documents it. It verifies each bearer token
 * with nimbus-jose-jwt (an implementation independent of ours) against the public keys registered with
 * {@link #registerKey}, checks {@code aud}, {@code iss}/{@code sub}, {@code iat} and {@code exp} against the
 * real clock (like Apple's; the JDK server always sends the real time in {@code Date}, so tests set the
 * <em>client's</em> clock off to simulate a controller with a wrong clock), and answers 200 with {@code X-Rate-Limit}, or Apple's error JSON
 * ({@code errors[].status/code/title/detail}) with 401 {@code NOT_AUTHORIZED}, 403 {@code FORBIDDEN_ERROR}
 * or 429 {@code RATE_LIMIT_EXCEEDED}.
 */
public final class SimulatedAppStoreConnectServer implements AutoCloseable {

    /** How the server behaves for a valid token. */
    public enum Mode {
        NORMAL,
        FORBIDDEN,
        RATE_LIMITED
    }

    private record Registered(ECPublicKey key, String issuerId) {}

    private final HttpServer server;
    private final Map<String, Registered> keys = new ConcurrentHashMap<>();
    private final AtomicInteger remaining = new AtomicInteger(3600);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Mode mode = Mode.NORMAL;
    private volatile String lastRejection = "";

    public SimulatedAppStoreConnectServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/apps", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Accepts tokens with this {@code kid}; {@code issuerId == null} registers an individual key. */
    public SimulatedAppStoreConnectServer registerKey(String keyId, ECPublicKey key, String issuerId) {
        keys.put(keyId, new Registered(key, issuerId));
        return this;
    }

    public SimulatedAppStoreConnectServer mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    /** Why the last token was rejected (for test diagnostics; never contains the token). */
    public String lastRejection() {
        return lastRejection;
    }

    public int requestCount() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        Instant now = Instant.now();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String rejection = auth == null || !auth.startsWith("Bearer ") ? "no bearer token" : verify(auth.substring(7), now);
        if (rejection != null) {
            lastRejection = rejection;
            send(exchange, 401, error(401, "NOT_AUTHORIZED", "Authentication credentials are missing or invalid.",
                    "Provide a properly configured and signed bearer token, and make sure that it has not expired."));
            return;
        }
        switch (mode) {
            case FORBIDDEN -> send(exchange, 403, error(403, "FORBIDDEN_ERROR",
                    "This request is forbidden for security reasons", "The API key in use does not allow this request"));
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().set("X-Rate-Limit", "user-hour-lim:3600;user-hour-rem:0;");
                send(exchange, 429, error(429, "RATE_LIMIT_EXCEEDED", "The request rate limit has been reached.",
                        "We've received too many requests for this API. Please wait and try again or slow down your request rate."));
            }
            default -> {
                exchange.getResponseHeaders()
                        .set("X-Rate-Limit", "user-hour-lim:3600;user-hour-rem:" + remaining.decrementAndGet() + ";");
                send(exchange, 200, "{\"data\":[],\"links\":{\"self\":\"" + baseUrl() + "/v1/apps?limit=1\"},"
                        + "\"meta\":{\"paging\":{\"total\":0,\"limit\":1}}}");
            }
        }
    }

    /** Returns why the token is not acceptable, or {@code null} when it is. */
    private String verify(String token, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                return "alg is not ES256";
            }
            Registered registered = keys.get(jwt.getHeader().getKeyID());
            if (registered == null) {
                return "unknown kid";
            }
            if (!jwt.verify(new ECDSAVerifier(registered.key()))) {
                return "bad signature";
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!List.of("appstoreconnect-v1").equals(claims.getAudience())) {
                return "wrong aud";
            }
            if (registered.issuerId() == null) {
                if (!"user".equals(claims.getSubject()) || claims.getIssuer() != null) {
                    return "individual key needs sub=user and no iss";
                }
            } else if (!registered.issuerId().equals(claims.getIssuer())) {
                return "wrong iss";
            }
            Instant iat = claims.getIssueTime().toInstant();
            Instant exp = claims.getExpirationTime().toInstant();
            if (Duration.between(iat, exp).getSeconds() > 1200) {
                return "lifetime over 20 minutes";
            }
            if (iat.isAfter(now.plusSeconds(60))) {
                return "iat in the future";
            }
            if (!exp.isAfter(now)) {
                return "expired";
            }
            return null;
        } catch (Exception e) {
            return "unparseable token: " + e.getClass().getSimpleName();
        }
    }

    private static String error(int status, String code, String title, String detail) {
        return "{\"errors\":[{\"id\":\"4c1f6d0e-simulated\",\"status\":\"" + status + "\",\"code\":\"" + code
                + "\",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}]}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
