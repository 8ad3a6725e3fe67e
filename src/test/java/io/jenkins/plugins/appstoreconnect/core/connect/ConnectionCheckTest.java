package io.jenkins.plugins.appstoreconnect.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.connect.ConnectionResult.NetworkProblem;
import io.jenkins.plugins.appstoreconnect.core.connect.ConnectionResult.Outcome;
import io.jenkins.plugins.appstoreconnect.core.connect.ConnectionResult.UnauthorizedCause;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ConnectionCheck} against the simulated App Store Connect server. Tokens here are signed with
 * nimbus-jose-jwt, so this test does not depend on our own minting.
 */
class ConnectionCheckTest {

    private static final String KEY_ID = "ABCDE12345";
    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";

    private SimulatedAppStoreConnectServer server;
    private KeyPair keys;
    private final ConnectionCheck check = new ConnectionCheck(HttpClient.newHttpClient(), Clock.systemUTC(), Duration.ofSeconds(10));

    @BeforeEach
    void start() throws Exception {
        keys = io.jenkins.plugins.appstoreconnect.TestKeys.p256();
        server = new SimulatedAppStoreConnectServer().registerKey(KEY_ID, (ECPublicKey) keys.getPublic(), ISSUER);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String token(String kid, String issuer, Instant iat) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .audience("appstoreconnect-v1")
                        .issueTime(Date.from(iat))
                        .expirationTime(Date.from(iat.plusSeconds(1200)))
                        .build());
        jwt.sign(new ECDSASigner((ECPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void validTokenIsOkWithRateLimit() throws Exception {
        ConnectionResult r = check.check(server.baseUrl(), token(KEY_ID, ISSUER, Instant.now().minusSeconds(60)));
        assertEquals(Outcome.OK, r.outcome(), server.lastRejection());
        assertEquals(200, r.status());
        assertEquals(3599, r.rateLimitRemaining().getAsInt());
        assertFalse(r.clockSkewed());
        assertTrue(r.likelyCauses(false).isEmpty());
    }

    @Test
    void wrongIssuerIs401WithIssuerBeforeKeyId() throws Exception {
        ConnectionResult r = check.check(server.baseUrl(), token(KEY_ID, "11111111-2222-3333-4444-555555555555", Instant.now()));
        assertEquals(Outcome.UNAUTHORIZED, r.outcome());
        assertEquals("wrong iss", server.lastRejection());
        assertEquals("NOT_AUTHORIZED", r.appleError().code());
        assertEquals(List.of(UnauthorizedCause.WRONG_ISSUER_ID, UnauthorizedCause.WRONG_KEY_ID, UnauthorizedCause.KEY_REVOKED),
                r.likelyCauses(false));
        assertEquals(List.of(UnauthorizedCause.WRONG_KEY_ID, UnauthorizedCause.KEY_REVOKED), r.likelyCauses(true));
    }

    @Test
    void clockSkewIsMeasuredAndComesFirst() throws Exception {
        // the controller's clock is 30 minutes fast: its tokens' iat lies in Apple's future
        Clock fast = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(30));
        ConnectionCheck onFastController = new ConnectionCheck(HttpClient.newHttpClient(), fast, Duration.ofSeconds(10));
        ConnectionResult r = onFastController.check(server.baseUrl(), token(KEY_ID, ISSUER, fast.instant()));
        assertEquals(Outcome.UNAUTHORIZED, r.outcome());
        assertEquals("iat in the future", server.lastRejection());
        assertTrue(r.clockSkewed());
        long minutes = r.clockSkew().orElseThrow().toMinutes();
        assertTrue(minutes <= -29 && minutes >= -31, "measured skew " + r.clockSkew());
        assertEquals(UnauthorizedCause.CLOCK_SKEW, r.likelyCauses(false).get(0));
    }

    @Test
    void unknownKeyIdIs401() throws Exception {
        ConnectionResult r = check.check(server.baseUrl(), token("ZZZZZ99999", ISSUER, Instant.now()));
        assertEquals(Outcome.UNAUTHORIZED, r.outcome());
        assertEquals("unknown kid", server.lastRejection());
    }

    @Test
    void forbiddenAndRateLimited() throws Exception {
        server.mode(SimulatedAppStoreConnectServer.Mode.FORBIDDEN);
        ConnectionResult forbidden = check.check(server.baseUrl(), token(KEY_ID, ISSUER, Instant.now()));
        assertEquals(Outcome.FORBIDDEN, forbidden.outcome());
        assertEquals("FORBIDDEN_ERROR", forbidden.appleError().code());

        server.mode(SimulatedAppStoreConnectServer.Mode.RATE_LIMITED);
        ConnectionResult limited = check.check(server.baseUrl(), token(KEY_ID, ISSUER, Instant.now()));
        assertEquals(Outcome.RATE_LIMITED, limited.outcome());
        assertEquals(0, limited.rateLimitRemaining().getAsInt());
        assertEquals("RATE_LIMIT_EXCEEDED", limited.appleError().code());
    }

    @Test
    void connectionRefusedIsANetworkProblem() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ConnectionResult r = check.check(URI.create("http://127.0.0.1:" + port), "not-a-token");
        assertEquals(Outcome.NETWORK, r.outcome());
        assertEquals(NetworkProblem.REFUSED, r.networkProblem());
        assertEquals(0, r.status());
        assertEquals("127.0.0.1", r.host());
    }

    @Test
    void baseUrlParsing() {
        assertEquals(ConnectionCheck.DEFAULT_BASE_URL, ConnectionCheck.baseUrl(" "));
        assertEquals(URI.create("https://proxy.example/asc/v1/apps?limit=1"),
                ConnectionCheck.probeUri(ConnectionCheck.baseUrl("https://proxy.example/asc/")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ConnectionCheck.baseUrl("ftp://x"));
        assertTrue(e.getMessage().contains("http(s)://host"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> ConnectionCheck.baseUrl("not a url"));
    }

    @Test
    void headerParsing() {
        assertEquals(12, ConnectionCheck.rateLimitRemaining("user-hour-lim:3600;user-hour-rem:12;").getAsInt());
        assertTrue(ConnectionCheck.rateLimitRemaining("garbage").isEmpty());
        assertTrue(ConnectionCheck.parseHttpDate("Mon, 23 Nov 2026 11:00:00 GMT").isPresent());
        assertTrue(ConnectionCheck.parseHttpDate("yesterday").isEmpty());
        assertNull(ConnectionCheck.appleError("{\"data\":[]}"));
        assertEquals("X \"q\"", ConnectionCheck.appleError("{\"errors\":[{\"code\":\"C\",\"title\":\"X \\\"q\\\"\"}]}").title());
    }
}
