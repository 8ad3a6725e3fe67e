package io.jenkins.plugins.appstoreconnect.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.appstoreconnect.MutableClock;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.token.TokenProfile;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import io.jenkins.plugins.appstoreconnect.core.connect.ConnectionResult;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Maps Server API token exchange against a simulated server that checks the Maps token with nimbus. */
class MapsAccessTokenExchangeTest {

    private static final String TEAM = "DEF123GHIJ";
    private final KeyPair pair = TestKeys.p256();
    private SimulatedMapsServer server;
    private final MutableClock clock = new MutableClock(Instant.now());
    private final MapsAccessTokenExchange exchange =
            new MapsAccessTokenExchange(HttpClient.newHttpClient(), clock, Duration.ofSeconds(10));

    @BeforeEach
    void start() throws Exception {
        server = new SimulatedMapsServer((ECPublicKey) pair.getPublic(), TEAM);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String mapsToken(KeyPair signer, Clock at) {
        return Tokens.mint(P256PrivateKeys.parse(TestKeys.pkcs8Pem(signer)),
                TokenRequest.builder(TokenProfile.MAPS).keyId("ABC123DEFG").teamId(TEAM).scope("server_api").build(),
                at).token();
    }

    @Test
    void selfMintedMapsTokenIsExchangedForAThirtyMinuteAccessToken() throws Exception {
        MapsAccessTokenExchange.Result r = exchange.exchange(URI.create(server.baseUrl() + "/"), mapsToken(pair, Clock.systemUTC()));
        assertEquals(MapsAccessTokenExchange.Outcome.OK, r.outcome(), server.lastRejection());
        assertEquals(server.lastAccessToken(), r.accessToken());
        assertEquals(clock.instant().plusSeconds(1800), r.expiresAt());
        assertFalse(r.toString().contains(r.accessToken()), "the access token is redacted");
        assertTrue(r.explanation().contains("valid until"), r.explanation());
    }

    @Test
    void wrongKeyExpiredTokenAndQuotaAreClassified() throws Exception {
        MapsAccessTokenExchange.Result wrong = exchange.exchange(server.baseUrl(), mapsToken(TestKeys.p256(), Clock.systemUTC()));
        assertEquals(MapsAccessTokenExchange.Outcome.UNAUTHORIZED, wrong.outcome());
        assertEquals("Not Authorized", wrong.appleMessage());
        assertNull(wrong.accessToken());

        MapsAccessTokenExchange.Result expired = exchange.exchange(server.baseUrl(),
                mapsToken(pair, Clock.fixed(Instant.now().minus(Duration.ofHours(3)), java.time.ZoneOffset.UTC)));
        assertEquals(MapsAccessTokenExchange.Outcome.UNAUTHORIZED, expired.outcome());
        assertEquals("expired", server.lastRejection());

        server.quotaExceeded(true);
        MapsAccessTokenExchange.Result quota = exchange.exchange(server.baseUrl(), mapsToken(pair, Clock.systemUTC()));
        assertEquals(MapsAccessTokenExchange.Outcome.RATE_LIMITED, quota.outcome());
        assertTrue(quota.explanation().contains("quota"), quota.explanation());
    }

    @Test
    void unreachableAndBadInput() throws Exception {
        URI closed = server.baseUrl();
        server.close();
        MapsAccessTokenExchange.Result r = exchange.exchange(closed, "x.y.z");
        assertEquals(MapsAccessTokenExchange.Outcome.NETWORK, r.outcome());
        assertEquals(ConnectionResult.NetworkProblem.REFUSED, r.networkProblem());
        assertThrows(InvalidInputException.class, () -> exchange.exchange(closed, " "));
        assertThrows(InvalidInputException.class, () -> MapsAccessTokenExchange.baseUrl("maps-api.apple.com"));
        assertEquals(MapsAccessTokenExchange.DEFAULT_BASE_URL, MapsAccessTokenExchange.baseUrl(null));
    }
}
