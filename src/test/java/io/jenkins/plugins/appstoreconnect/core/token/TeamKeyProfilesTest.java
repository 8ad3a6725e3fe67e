package io.jenkins.plugins.appstoreconnect.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.appstoreconnect.MutableClock;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.MintedToken;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every profile minted by our code and read back by nimbus-jose-jwt: header, claims, signature, lifetime. */
class TeamKeyProfilesTest {

    static final String TEAM = "DEF123GHIJ";
    static final String KID = "ABC123DEFG";
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";

    private final KeyPair pair = TestKeys.p256();
    private final ParsedKey key = P256PrivateKeys.parse(TestKeys.pkcs8Pem(pair));
    private final Instant start = Instant.parse("2026-03-01T10:00:00.750Z");
    private final MutableClock clock = new MutableClock(start);

    /** Parses with nimbus, checks ES256, kid and the signature with the public key; returns the parsed JWT. */
    private SignedJWT verified(MintedToken token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token.token());
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        assertEquals(KID, jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic())), "signature must verify with the public key");
        SignedJWT other = SignedJWT.parse(token.token());
        assertFalse(other.verify(new ECDSAVerifier((ECPublicKey) TestKeys.p256().getPublic())), "another key must not verify it");
        return jwt;
    }

    private static Set<String> headerNames(SignedJWT jwt) {
        return jwt.getHeader().toJSONObject().keySet();
    }

    private void assertWindow(JWTClaimsSet claims, long lifetimeSeconds) {
        long now = start.getEpochSecond();
        assertEquals(now - 60, claims.getIssueTime().toInstant().getEpochSecond(), "iat is backdated 60 s");
        assertEquals(now - 60 + lifetimeSeconds, claims.getExpirationTime().toInstant().getEpochSecond());
    }

    @Test
    void mapsTokenHasTeamIssuerOriginAndScope() throws Exception {
        TokenRequest r = TokenRequest.builder(TokenProfile.MAPS).keyId(KID).teamId("def123ghij")
                .origin("https://Maps.Example.com/").scope("server_api").lifetime(Duration.ofDays(30)).build();
        MintedToken t = Tokens.mint(key, r, clock);
        SignedJWT jwt = verified(t);
        assertEquals(Set.of("alg", "kid", "typ"), headerNames(jwt));
        assertEquals("JWT", jwt.getHeader().getType().toString());
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertEquals(Set.of("iss", "iat", "exp", "origin", "scope"), c.getClaims().keySet());
        assertEquals(TEAM, c.getIssuer());
        assertEquals("https://maps.example.com", c.getStringClaim("origin"));
        assertEquals("server_api", c.getStringClaim("scope"));
        assertWindow(c, Duration.ofDays(30).getSeconds());
        assertEquals(c.getExpirationTime().toInstant(), t.expiresAt());
    }

    @Test
    void mapsTokenWithoutOptionalClaims() throws Exception {
        SignedJWT jwt = verified(Tokens.mint(key,
                TokenRequest.builder(TokenProfile.MAPS).keyId(KID).teamId(TEAM).build(), clock));
        assertEquals(Set.of("iss", "iat", "exp"), jwt.getJWTClaimsSet().getClaims().keySet());
        assertWindow(jwt.getJWTClaimsSet(), 3600);
    }

    @Test
    void weatherKitHasIdHeaderAndServiceSubject() throws Exception {
        TokenRequest r = TokenRequest.builder(TokenProfile.WEATHERKIT).keyId(KID).teamId(TEAM)
                .serviceId("com.example.weatherkit-client").build();
        SignedJWT jwt = verified(Tokens.mint(key, r, clock));
        assertEquals(Set.of("alg", "kid", "id"), headerNames(jwt));
        assertEquals(TEAM + ".com.example.weatherkit-client", jwt.getHeader().getCustomParam("id"));
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertEquals(Set.of("iss", "iat", "exp", "sub"), c.getClaims().keySet(), "Apple: only the listed claims");
        assertEquals(TEAM, c.getIssuer());
        assertEquals("com.example.weatherkit-client", c.getSubject());
        assertWindow(c, 3600);
    }

    @Test
    void musicKitOriginIsAnArrayAndSixMonthsIsTheLimit() throws Exception {
        TokenRequest r = TokenRequest.builder(TokenProfile.MUSICKIT).keyId(KID).teamId(TEAM)
                .origins(List.of("https://example.com", "https://music.example.com")).lifetime(Duration.ofSeconds(15_777_000)).build();
        SignedJWT jwt = verified(Tokens.mint(key, r, clock));
        assertEquals(Set.of("alg", "kid"), headerNames(jwt));
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertEquals(Set.of("iss", "iat", "exp", "origin"), c.getClaims().keySet());
        assertEquals(List.of("https://example.com", "https://music.example.com"), c.getStringListClaim("origin"));
        assertWindow(c, 15_777_000);
        long aheadOfNow = c.getExpirationTime().toInstant().getEpochSecond() - start.getEpochSecond();
        assertTrue(aheadOfNow <= 15_777_000, "Apple: exp no more than 15777000 s from now");

        InvalidInputException tooLong = assertThrows(InvalidInputException.class, () -> r.toBuilder()
                .lifetime(Duration.ofSeconds(15_777_001)).build());
        assertTrue(tooLong.getMessage().contains("15777000"), tooLong.getMessage());
    }

    @Test
    void apnsHasOnlyIssAndIatAndAReuseWindowOf20To60Minutes() throws Exception {
        TokenRequest r = TokenRequest.builder(TokenProfile.APNS).keyId(KID).teamId(TEAM).build();
        MintedToken t = Tokens.mint(key, r, clock);
        SignedJWT jwt = verified(t);
        assertEquals(Set.of("alg", "kid"), headerNames(jwt));
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertEquals(Set.of("iss", "iat"), c.getClaims().keySet());
        assertEquals(start.getEpochSecond(), c.getIssueTime().toInstant().getEpochSecond(), "no backdate: APNs counts the hour from iat");
        assertEquals(Duration.ofMinutes(50), Duration.between(t.issuedAt(), t.expiresAt()), "default reuse window");
        assertThrows(InvalidInputException.class, () -> r.toBuilder().lifetime(Duration.ofMinutes(19)).build());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> r.toBuilder().lifetime(Duration.ofMinutes(61)).build());
        assertTrue(tooLong.getMessage().contains("60"), tooLong.getMessage());
        r.toBuilder().lifetime(Duration.ofMinutes(20)).build();
        r.toBuilder().lifetime(Duration.ofMinutes(60)).build();
    }

    @Test
    void signInWithAppleClientSecret() throws Exception {
        TokenRequest r = TokenRequest.builder(TokenProfile.SIGN_IN_WITH_APPLE).keyId(KID).teamId(TEAM)
                .clientId("com.example.web").lifetime(Duration.ofDays(180)).build();
        SignedJWT jwt = verified(Tokens.mint(key, r, clock));
        assertEquals(Set.of("alg", "kid"), headerNames(jwt));
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertEquals(Set.of("iss", "iat", "exp", "aud", "sub"), c.getClaims().keySet());
        assertEquals(List.of("https://appleid.apple.com"), c.getAudience());
        assertEquals("com.example.web", c.getSubject());
        assertEquals(TEAM, c.getIssuer());
        assertWindow(c, Duration.ofDays(180).getSeconds());
        assertThrows(InvalidInputException.class, () -> r.toBuilder().lifetime(Duration.ofSeconds(15_777_001)).build());
    }

    @Test
    void appStoreServerApiTokenHasIssuerAudienceAndBundle() throws Exception {
        TokenRequest r = TokenRequest.builder(TokenProfile.APP_STORE_SERVER).keyId(KID)
                .issuerId(ISSUER.toUpperCase()).bundleId("com.example.MyApp").build();
        SignedJWT jwt = verified(Tokens.mint(key, r, clock));
        assertEquals(Set.of("alg", "kid", "typ"), headerNames(jwt));
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertEquals(Set.of("iss", "iat", "exp", "aud", "bid"), c.getClaims().keySet());
        assertEquals(ISSUER, c.getIssuer());
        assertEquals(List.of("appstoreconnect-v1"), c.getAudience());
        assertEquals("com.example.MyApp", c.getStringClaim("bid"));
        assertWindow(c, 1200);
        r.toBuilder().lifetime(Duration.ofMinutes(60)).build();
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> r.toBuilder().lifetime(Duration.ofSeconds(3601)).build());
        assertTrue(tooLong.getMessage().contains("60 minutes"), tooLong.getMessage());
    }

    @Test
    void badInputNamesTheProblem() {
        TokenRequest.Builder weather = TokenRequest.builder(TokenProfile.WEATHERKIT).keyId(KID).teamId(TEAM);
        assertMessage("service ID is missing", weather::build);
        assertMessage("Team ID has 9 characters", () -> TokenRequest.builder(TokenProfile.MAPS).keyId(KID).teamId("DEF123GHI").build());
        assertMessage("Team ID contains '-'", () -> TokenRequest.builder(TokenProfile.MAPS).keyId(KID).teamId("DEF-23GHIJ").build());
        assertMessage("issuer ID", () -> TokenRequest.builder(TokenProfile.MAPS).keyId(KID).teamId(ISSUER).build());
        assertMessage("Team ID is missing", () -> TokenRequest.builder(TokenProfile.APNS).keyId(KID).build());
        assertMessage("key ID has 9", () -> TokenRequest.builder(TokenProfile.APNS).keyId("ABC123DEF").teamId(TEAM).build());
        assertMessage("client ID", () -> TokenRequest.builder(TokenProfile.SIGN_IN_WITH_APPLE).keyId(KID).teamId(TEAM).build());
        assertMessage("issuer ID is missing", () -> TokenRequest.builder(TokenProfile.APP_STORE_SERVER).keyId(KID).bundleId("com.x.y").build());
        assertMessage("bundle ID is missing", () -> TokenRequest.builder(TokenProfile.APP_STORE_SERVER).keyId(KID).issuerId(ISSUER).build());
        assertMessage("Team ID is not part of an app-store-server token", () -> TokenRequest.builder(TokenProfile.APP_STORE_SERVER).keyId(KID)
                .teamId(TEAM).issuerId(ISSUER).bundleId("com.x.y").build());
        assertMessage("service ID is not part of a maps token", () -> TokenRequest.builder(TokenProfile.MAPS).keyId(KID).teamId(TEAM)
                .serviceId("com.x.y").build());
        assertMessage("origin is not part of an apns token", () -> TokenRequest.builder(TokenProfile.APNS).keyId(KID).teamId(TEAM)
                .origin("https://example.com").build());
        assertMessage("one origin claim", () -> TokenRequest.builder(TokenProfile.MAPS).keyId(KID).teamId(TEAM)
                .origins(List.of("https://a.example", "https://b.example")).build());
        assertMessage("has a path", () -> TokenRequest.builder(TokenProfile.MAPS).keyId(KID).teamId(TEAM)
                .origin("https://example.com/maps").build());
        assertMessage("no scheme", () -> TokenRequest.builder(TokenProfile.MUSICKIT).keyId(KID).teamId(TEAM)
                .origin("example.com").build());
        assertMessage("service ID contains a space", () -> weather.serviceId("com.example weather").build());
        assertMessage("service ID is a URL", () -> weather.serviceId("https://example.com").build());
        assertMessage("below the", () -> TokenRequest.builder(TokenProfile.MAPS).keyId(KID).teamId(TEAM)
                .lifetime(Duration.ofSeconds(30)).build());
        assertMessage("one year", () -> TokenRequest.builder(TokenProfile.MAPS).keyId(KID).teamId(TEAM)
                .lifetime(Duration.ofDays(366)).build());
        assertMessage("Unknown token profile 'mapkit'", () -> TokenProfile.byName("mapkit"));
        assertMessage("profiles: maps, weatherkit, musickit, apns, sign-in-with-apple, app-store-server", () -> TokenProfile.byName("nope"));
    }

    @Test
    void messagesNeverQuoteAKeyPastedIntoAnIdField() {
        String pem = TestKeys.pkcs8Pem(pair);
        String body = pem.split("\n")[1];
        for (Runnable r : List.<Runnable>of(
                () -> TokenRequest.builder(TokenProfile.MAPS).keyId(KID).teamId(pem).build(),
                () -> TokenRequest.builder(TokenProfile.MAPS).keyId(pem).teamId(TEAM).build(),
                () -> TokenRequest.builder(TokenProfile.WEATHERKIT).keyId(KID).teamId(TEAM).serviceId(pem).build(),
                () -> TokenRequest.builder(TokenProfile.MUSICKIT).keyId(KID).teamId(TEAM).origin(pem).build(),
                () -> TokenProfile.byName(pem))) {
            InvalidInputException e = assertThrows(InvalidInputException.class, r::run);
            assertFalse(e.getMessage().contains(body.substring(0, 12)), e.getMessage());
        }
    }

    @Test
    void registryBuildsRequestsFromNamesAndParameters() {
        TokenRequest r = TokenParameters.request("WeatherKit", Map.of("keyId", KID, "teamId", TEAM,
                "serviceId", "com.example.weather", "lifetimeSeconds", "600", "origins", " "));
        assertEquals(TokenProfile.WEATHERKIT, r.profile());
        assertEquals(Duration.ofSeconds(600), r.lifetime());
        assertEquals(List.of(), r.origins());
        TokenRequest m = TokenParameters.request("musickit", Map.of("keyId", KID, "teamId", TEAM,
                "origins", "https://a.example.com, https://b.example.com\nhttps://a.example.com"));
        assertEquals(List.of("https://a.example.com", "https://b.example.com"), m.origins());
        assertEquals(List.of(), m.scope());
        assertMessage("Unknown token parameter 'service'", () -> TokenParameters.request("weatherkit", Map.of("service", "x")));
        assertMessage("whole seconds", () -> TokenParameters.request("maps", Map.of("keyId", KID, "teamId", TEAM, "lifetimeSeconds", "1h")));
        assertMessage("Unknown token profile", () -> TokenParameters.request("asc", Map.of()));
    }

    private static void assertMessage(String expected, Runnable r) {
        InvalidInputException e = assertThrows(InvalidInputException.class, r::run);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    /** The service's name is the profile's name; the earlier short names still work; App Store Connect is not a team-key profile. */
    @Test
    void profilesAreFoundByNameAndByTheirEarlierShortNames() {
        assertEquals(TokenProfile.SIGN_IN_WITH_APPLE, TokenProfile.byName("sign-in-with-apple"));
        assertEquals(TokenProfile.SIGN_IN_WITH_APPLE, TokenProfile.byName("siwa"));
        assertEquals(TokenProfile.APP_STORE_SERVER, TokenProfile.byName(" IAP "));
        assertEquals(TokenProfile.APP_STORE_SERVER, TokenProfile.byName("App_Store_Server"));
        assertMessage("Unknown token profile 'app-store-connect'", () -> TokenProfile.byName("app-store-connect"));
    }
}
