package io.jenkins.plugins.appstoreconnect.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.appstoreconnect.MutableClock;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.mask.MaskingOutputStream;
import io.jenkins.plugins.appstoreconnect.core.mask.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * What the pipeline step relies on: requests built from a stored key plus build parameters, and the header prefix
 * that every later token of a request starts with (so a log masker given it once masks them all). Tokens are checked
 * with nimbus.
 */
class MaskPrefixTest {

    private static final String KID = TeamKeyProfilesTest.KID;
    private static final String TEAM = TeamKeyProfilesTest.TEAM;
    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";

    private final ParsedKey key = P256PrivateKeys.parse(TestKeys.pkcs8Pem(TestKeys.p256()));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    static Map<String, String> parametersFor(TokenProfile p) {
        return switch (p) {
            case MAPS -> Map.of("origins", "https://maps.example.com", "scope", "server_api");
            case WEATHERKIT -> Map.of("serviceId", "com.example.weatherkit-client");
            case MUSICKIT -> Map.of("origins", "https://music.example.com, https://www.example.com");
            case APNS -> Map.of();
            case SIGN_IN_WITH_APPLE -> Map.of("clientId", "com.example.web");
            case APP_STORE_SERVER -> Map.of("issuerId", ISSUER, "bundleId", "com.example.MyApp");
            case APP_STORE_CONNECT -> throw new IllegalArgumentException("not a team-key profile");
        };
    }

    /** The prefix is computed from the request, not learnt by minting (and caching) a token. */
    @ParameterizedTest
    @EnumSource(value = TokenProfile.class, names = "APP_STORE_CONNECT", mode = EnumSource.Mode.EXCLUDE)
    void thePrefixMintsNoToken(TokenProfile profile) throws Exception {
        TokenCache source = new TokenCache(clock);
        TokenRequest request = TokenParameters.requestForKey(profile.cliName(), KID, TEAM, parametersFor(profile));
        String prefix = Tokens.maskPrefix(request);
        Instant asked = clock.instant();
        clock.advance(Duration.ofSeconds(90));
        String token = new TokenSource(source, key, request).token(prefix).token();
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(prefix, jwt.getParsedParts()[0].toString() + ".");
        assertTrue(jwt.getJWTClaimsSet().getIssueTime().toInstant().isAfter(asked.minus(profile.backdate())),
                profile + ": the first token is minted when asked for, none was minted for the prefix");
    }

    @ParameterizedTest
    @EnumSource(value = TokenProfile.class, names = "APP_STORE_CONNECT", mode = EnumSource.Mode.EXCLUDE)
    void everyLaterTokenOfARequestStartsWithItsPrefix(TokenProfile profile) throws Exception {
        TokenCache source = new TokenCache(clock);
        TokenRequest request = TokenParameters.requestForKey(profile.cliName(), KID, TEAM, parametersFor(profile));
        String prefix = Tokens.maskPrefix(request);
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            String token = new TokenSource(source, key, request).token(prefix).token();
            tokens.add(token);
            assertTrue(token.startsWith(prefix), profile + ": token " + i + " starts with the prefix");
            SignedJWT jwt = SignedJWT.parse(token);
            assertTrue(jwt.verify(new ECDSAVerifier(key.publicKey())), "nimbus verifies the " + profile + " token");
            assertEquals(KID, jwt.getHeader().getKeyID());
            assertEquals(prefix, jwt.getParsedParts()[0].toString() + ".", "the prefix is the header segment and its dot");
            clock.advance(Duration.ofMinutes(61)); // past every default lifetime: a new token each time
        }
        assertEquals(6, tokens.size(), "six different tokens, one prefix");
        // a later request with another lifetime still shares the prefix: nothing time-dependent is in the header
        Map<String, String> longer = new java.util.HashMap<>(parametersFor(profile));
        longer.put("lifetimeSeconds", profile == TokenProfile.APNS ? "3600" : "1800");
        TokenRequest other = TokenParameters.requestForKey(profile.cliName(), KID, TEAM, longer);
        assertEquals(prefix, Tokens.maskPrefix(other));
    }

    @Test
    void weatherKitHeaderCarriesTeamAndServiceId() throws Exception {
        TokenCache source = new TokenCache(clock);
        TokenRequest a = TokenParameters.requestForKey("weatherkit", KID, TEAM, Map.of("serviceId", "com.example.a"));
        TokenRequest b = TokenParameters.requestForKey("weatherkit", KID, TEAM, Map.of("serviceId", "com.example.b"));
        SignedJWT jwt = SignedJWT.parse(source.get(key, a).token());
        assertEquals(TEAM + ".com.example.a", jwt.getHeader().getCustomParam("id"));
        assertEquals("com.example.a", jwt.getJWTClaimsSet().getSubject());
        assertEquals(TEAM, jwt.getJWTClaimsSet().getIssuer());
        assertNotEquals(Tokens.maskPrefix(a), Tokens.maskPrefix(b), "the service ID is part of the header");
    }

    @Test
    void aMaskerGivenThePrefixMasksTokensMintedLater() throws Exception {
        TokenCache source = new TokenCache(clock);
        TokenRequest r = TokenParameters.requestForKey("weatherkit", KID, TEAM, Map.of("serviceId", "com.example.weather"));
        SecretMasker masker = new SecretMasker(Set.of());
        masker.addTokenPrefix(Tokens.maskPrefix(r));
        List<String> later = new ArrayList<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (MaskingOutputStream out = new MaskingOutputStream(sink, masker)) {
            for (int i = 0; i < 4; i++) {
                clock.advance(Duration.ofHours(2));
                String t = source.get(key, r).token();
                later.add(t);
                out.write(("Authorization: Bearer " + t + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        String log = sink.toString(StandardCharsets.US_ASCII);
        for (String t : later) {
            assertFalse(log.contains(t.split("\\.")[1]) || log.contains(t.split("\\.")[2]));
        }
        assertEquals(4, log.split("Bearer \\*\\*\\*\\*\n", -1).length - 1, log.length() + " characters");
    }

    @Test
    void theCredentialGivesKeyIdAndTeamIdAndTheBuildTheRest() {
        TokenRequest iap = TokenParameters.requestForKey("iap", KID, TEAM, Map.of("issuerId", ISSUER, "bundleId", "com.example.MyApp"));
        assertNull(iap.teamId(), "an App Store Server API token carries the issuer ID, not the credential's Team ID");
        assertEquals(ISSUER, iap.issuerId());
        TokenRequest apns = TokenParameters.requestForKey("APNS", KID, TEAM, Map.of("serviceId", " "));
        assertEquals(TEAM, apns.teamId());

        assertMessage("comes from the Apple developer key credential",
                () -> TokenParameters.requestForKey("maps", KID, TEAM, Map.of("teamId", "OTHER12345")));
        assertMessage("comes from the Apple developer key credential",
                () -> TokenParameters.requestForKey("maps", KID, TEAM, Map.of("keyId", "OTHER12345")));
        assertMessage("Unknown token profile", () -> TokenParameters.requestForKey("weather", KID, TEAM, Map.of()));
        assertMessage("No token profile given", () -> TokenParameters.requestForKey(" ", KID, TEAM, Map.of()));
        assertMessage("service ID", () -> TokenParameters.requestForKey("weatherkit", KID, TEAM, Map.of()));
        assertMessage("issuer ID is missing", () -> TokenParameters.requestForKey("iap", KID, TEAM, Map.of("bundleId", "com.example.MyApp")));
        assertMessage("Unknown token parameter", () -> TokenParameters.requestForKey("apns", KID, TEAM, Map.of("audience", "x")));
    }

    @Test
    void aTokenOutsideThePrefixIsNotHandedOut() {
        TokenCache source = new TokenCache(clock);
        TokenRequest r = TokenParameters.requestForKey("apns", KID, TEAM, Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TokenSource(source, key, r).token("eyJhbGciOiJub25lIn0."));
        String token = source.get(key, r).token();
        assertFalse(e.getMessage().contains(token.split("\\.")[1]), "the message holds no token");
    }

    private static void assertMessage(String expected, Runnable r) {
        InvalidInputException e = assertThrows(InvalidInputException.class, r::run);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    /** App Store Connect requests too: the prefix comes from the request (no token is minted for it) and heads every token. */
    @Test
    void appStoreConnectPrefixesAreComputedWithoutMinting() throws Exception {
        String asc = "ABCDE12345";
        for (TokenRequest request : List.of(TokenRequest.team(asc, ISSUER), TokenRequest.individual(asc),
                TokenRequest.builder().keyId(asc).issuerId(ISSUER).audience(Audience.ENTERPRISE).scope("GET /v1/apps").build())) {
            TokenCache cache = new TokenCache(clock);
            TokenSource source = new TokenSource(cache, key, request);
            String prefix = source.maskPrefix();
            assertEquals(0, cache.size(), "no token minted for the prefix: " + request);
            SignedJWT jwt = SignedJWT.parse(source.token(prefix).token());
            assertEquals(prefix, jwt.getParsedParts()[0].toString() + ".", request.toString());
            assertEquals("JWT", jwt.getHeader().getType().toString());
        }
    }
}
