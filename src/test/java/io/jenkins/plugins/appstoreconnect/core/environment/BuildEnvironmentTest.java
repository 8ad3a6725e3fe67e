package io.jenkins.plugins.appstoreconnect.core.environment;

import io.jenkins.plugins.appstoreconnect.core.token.TokenSource;
import static io.jenkins.plugins.appstoreconnect.core.environment.BuildTestKeys.ISSUER;
import static io.jenkins.plugins.appstoreconnect.core.environment.BuildTestKeys.KID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.appstoreconnect.MutableClock;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames.Variable;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import io.jenkins.plugins.appstoreconnect.core.token.Audience;
import io.jenkins.plugins.appstoreconnect.core.token.MintedToken;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildEnvironmentTest {

    private static final ParsedKey KEY = BuildTestKeys.key();
    private static final TokenRequest TEAM = TokenRequest.team(KID, ISSUER);
    private static final KeyFilePaths PATHS = KeyFilePaths.inDirectory("/ws@tmp/asc-1", KID);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));

    @Test
    void teamKeyEnvironment() {
        MintedToken token = Tokens.mint(KEY.privateKey(), TEAM, clock);
        Map<String, String> env = BuildEnvironment.compute(EnvironmentNames.defaults(), TEAM, PATHS, token);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("APP_STORE_CONNECT_JWT", token.token());
        expected.put("APP_STORE_CONNECT_API_KEY_KEY_ID", KID);
        expected.put("APP_STORE_CONNECT_API_KEY_ISSUER_ID", ISSUER);
        expected.put("APP_STORE_CONNECT_API_KEY_KEY_FILEPATH", "/ws@tmp/asc-1/private_keys/AuthKey_" + KID + ".p8");
        expected.put("APP_STORE_CONNECT_API_KEY_PATH", "/ws@tmp/asc-1/fastlane-api-key.json");
        expected.put("APP_STORE_CONNECT_API_KEY_IN_HOUSE", "false");
        expected.put("APP_STORE_CONNECT_API_KEY_DURATION", "1200");
        expected.put("API_PRIVATE_KEYS_DIR", "/ws@tmp/asc-1/private_keys");
        assertTrue(expected.equals(env), "the default environment");
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(env.keySet()), "in Variable order");
        assertThrows(UnsupportedOperationException.class, () -> env.put("X", "y"));
        String pemBody = KEY.pkcs8Pem().split("\n")[2];
        assertFalse(env.values().stream().anyMatch(v -> v.contains(pemBody) || v.contains("PRIVATE KEY")), "never the key");
    }

    @Test
    void individualEnterpriseKeyAndRenamedVariables() {
        TokenRequest r = TokenRequest.builder().keyId(KID).audience(Audience.ENTERPRISE)
                .lifetime(Duration.ofSeconds(900)).build();
        MintedToken token = Tokens.mint(KEY.privateKey(), r, clock);
        EnvironmentNames names = EnvironmentNames.withOverrides(Map.of(Variable.JWT, "ASC_TOKEN", Variable.PRIVATE_KEYS_DIR, ""));
        Map<String, String> env = BuildEnvironment.compute(names, r, PATHS, token);
        assertEquals(List.of("ASC_TOKEN", "APP_STORE_CONNECT_API_KEY_KEY_ID", "APP_STORE_CONNECT_API_KEY_KEY_FILEPATH",
                "APP_STORE_CONNECT_API_KEY_PATH", "APP_STORE_CONNECT_API_KEY_IN_HOUSE", "APP_STORE_CONNECT_API_KEY_DURATION"),
                new ArrayList<>(env.keySet()), "no issuer for an individual key; switched-off name left out");
        assertEquals("true", env.get("APP_STORE_CONNECT_API_KEY_IN_HOUSE"));
        assertEquals("900", env.get("APP_STORE_CONNECT_API_KEY_DURATION"));
        assertTrue(token.token().equals(env.get("ASC_TOKEN")), "token under the chosen name");
    }

    @Test
    void aTokenForAnotherKeyIdIsABug() {
        MintedToken other = Tokens.mint(KEY.privateKey(), TokenRequest.team("ZZZZZ99999", ISSUER), clock);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BuildEnvironment.compute(EnvironmentNames.defaults(), TEAM, PATHS, other));
        assertFalse(e.getMessage().contains(other.token().substring(0, 20)), "no token in the message");
    }

    @Test
    void individualKeyNoteOncePerBlock() {
        TokenRequest individual = TokenRequest.individual(KID);
        assertTrue(BuildEnvironment.individualKeyNoteDue(individual, false));
        assertFalse(BuildEnvironment.individualKeyNoteDue(individual, true));
        assertFalse(BuildEnvironment.individualKeyNoteDue(TEAM, false));
        assertFalse(BuildEnvironment.INDIVIDUAL_KEY_NOTE.contains("\n"));
        assertTrue(BuildEnvironment.INDIVIDUAL_KEY_NOTE.contains("notarytool")
                && BuildEnvironment.INDIVIDUAL_KEY_NOTE.contains("provisioning"));
    }

    private static JWTClaimsSet verified(String token, Instant now) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertTrue(jwt.verify(new ECDSAVerifier(KEY.publicKey())), "signature verifies");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertFalse(claims.getIssueTime().toInstant().isAfter(now), "iat not in the future");
        assertTrue(claims.getExpirationTime().toInstant().isAfter(now), "not expired");
        return claims;
    }

    @Test
    void aStepFortyMinutesIntoTheBlockGetsAFreshToken() throws Exception {
        TokenCache cache = new TokenCache(clock);
        TokenSource source = new TokenSource(cache, KEY, TEAM);

        MintedToken first = source.token();
        verified(first.token(), clock.instant());

        clock.advance(Duration.ofMinutes(10)); // 19 min - 10 min = 9 min left: more than the 5-minute margin
        assertSame(first, source.token(), "reused within the refresh window");

        clock.advance(Duration.ofMinutes(30)); // 40 minutes into the block
        MintedToken later = source.token();
        assertNotEquals(first.token(), later.token(), "a new token");
        JWTClaimsSet claims = verified(later.token(), clock.instant());
        Duration left = Duration.between(clock.instant(), claims.getExpirationTime().toInstant());
        assertTrue(left.compareTo(TokenCache.DEFAULT_REFRESH_MARGIN) >= 0, "at least the refresh margin left");
        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(List.of("appstoreconnect-v1"), claims.getAudience());

        clock.advance(Duration.ofMinutes(14)); // 19 - 14 = 5 min left: exactly the margin, still reused
        assertSame(later, source.token());
        clock.advance(Duration.ofSeconds(1));
        MintedToken third = source.token();
        assertNotEquals(later.token(), third.token());
        assertTrue(third.remaining(clock).compareTo(TokenCache.DEFAULT_REFRESH_MARGIN) >= 0, "fresh");
    }

    @Test
    void everyTokenStartsWithTheMaskPrefixAndOthersAreRefused() throws Exception {
        TokenSource source = new TokenSource(new TokenCache(clock), KEY, TEAM);
        String prefix = source.maskPrefix();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(17));
            String token = BuildEnvironment.forStep(EnvironmentNames.defaults(), source, PATHS, prefix).get("APP_STORE_CONNECT_JWT");
            assertTrue(token.startsWith(prefix), "re-minted tokens share the prefix");
            verified(token, clock.instant());
        }
        TokenSource individual = new TokenSource(new TokenCache(clock), KEY, TokenRequest.builder().keyId(KID)
                .scope("GET /v1/apps").audience(Audience.ENTERPRISE).build());
        assertEquals(prefix, individual.maskPrefix(), "the header does not depend on the claims");

        TokenSource otherKid = new TokenSource(new TokenCache(clock), KEY, TokenRequest.team("ZZZZZ99999", ISSUER));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BuildEnvironment.forStep(EnvironmentNames.defaults(), otherKid, KeyFilePaths.inDirectory("/t/asc-1", "ZZZZZ99999"), prefix));
        String other = otherKid.token().token();
        assertFalse(e.getMessage().contains(other.substring(0, 30)) || e.getMessage().contains(other.split("\\.")[2]),
                "no token in the message");
    }

    @Test
    void environmentPerStepAndNothingSecretInToString(@TempDir Path base) throws Exception {
        TokenCache cache = new TokenCache(clock);
        TokenSource source = new TokenSource(cache, KEY, TEAM);
        try (WrittenKeyFiles files = KeyFileLayout.write(base, "env", KEY, TEAM)) {
            Map<String, String> step1 = BuildEnvironment.forStep(EnvironmentNames.defaults(), source, files.paths());
            clock.advance(Duration.ofMinutes(40));
            Map<String, String> step2 = BuildEnvironment.forStep(EnvironmentNames.defaults(), source, files.paths());
            assertNotEquals(step1.get("APP_STORE_CONNECT_JWT"), step2.get("APP_STORE_CONNECT_JWT"), "fresh token per step");
            verified(step2.get("APP_STORE_CONNECT_JWT"), clock.instant());
            assertEquals(files.p8File().toAbsolutePath().toString(), step2.get("APP_STORE_CONNECT_API_KEY_KEY_FILEPATH"));

            String shown = source + " " + cache + " " + files + " " + files.paths() + " " + EnvironmentNames.defaults()
                    + " " + source.token();
            assertFalse(shown.contains(step1.get("APP_STORE_CONNECT_JWT")) || shown.contains(step2.get("APP_STORE_CONNECT_JWT")),
                    "no token in toString");
            assertFalse(shown.contains(source.token().token().split("\\.")[2]), "no signature in toString");
            KeyFileLayoutTest.assertNoKeyMaterial(shown);
        }
    }
}
