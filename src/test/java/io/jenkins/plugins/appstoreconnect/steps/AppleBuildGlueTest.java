package io.jenkins.plugins.appstoreconnect.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.credentials.AppleDeveloperKeyImpl;
import io.jenkins.plugins.appstoreconnect.credentials.CloudKitApiTokenImpl;
import io.jenkins.plugins.appstoreconnect.credentials.CloudKitServerKeyImpl;
import io.jenkins.plugins.appstoreconnect.credentials.MapsTokenImpl;
import io.jenkins.plugins.appstoreconnect.MutableClock;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitRequestSigner;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitSignInput;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenValidity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Apple-token glue without Jenkins: {@code withAppleToken}'s key use, expander and filter, the Maps and CloudKit
 * bindings' logic, the CloudKit signing step, and what their serialised forms hold. Tokens are checked with nimbus,
 * CloudKit signatures with the JDK.
 */
class AppleBuildGlueTest {

    private static final String TEAM = "DEF123GHIJ";
    private static final String KID = "ABC123DEFG";
    private static final String CK_KEY_ID = "a5cf1b2c3d4e5f60718293a4b5c6d7e8f9012345678901234567890abcdef123";
    private static final String SUBPATH = "/database/1/iCloud.com.example.MyApp/development/public/records/query";

    private final String pem = TestKeys.pkcs8Pem(TestKeys.p256());
    private final ParsedKey key = P256PrivateKeys.parse(pem);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final AppleDeveloperKeyImpl credential = developerKey(pem);

    private static AppleDeveloperKeyImpl developerKey(String pem) {
        try {
            return new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "team-key", "", TEAM, KID, Secret.fromString(pem));
        } catch (hudson.model.Descriptor.FormException e) {
            throw new AssertionError("a valid key was refused", e);
        }
    }

    private static AppleTokenOptions weatherKit(String variable) {
        AppleTokenOptions o = new AppleTokenOptions("weatherkit");
        o.setServiceId("com.example.weatherkit-client");
        o.setVariable(variable);
        return o;
    }

    @Test
    void theStepsFieldsBecomeACheckedRequest() throws Exception {
        AppleTokenOptions o = weatherKit(null);
        o.setLifetime(1800);
        KeyUse use = new KeyUse("team-key", o.copy(), credential, null, new TokenCache(clock));
        assertEquals(Set.of(AppleTokenOptions.DEFAULT_VARIABLE), use.environment().keySet());
        assertEquals(Duration.ofSeconds(1800), use.request.lifetime());
        assertEquals(TEAM, use.request.teamId());
        SignedJWT jwt = SignedJWT.parse(use.environment().get(AppleTokenOptions.DEFAULT_VARIABLE));
        assertTrue(jwt.verify(new ECDSAVerifier(key.publicKey())));
        assertEquals(TEAM + ".com.example.weatherkit-client", jwt.getHeader().getCustomParam("id"));

        assertAbort("Unknown token profile 'weather'", new AppleTokenOptions("weather"));
        assertAbort("service ID", new AppleTokenOptions("weatherkit"));
        AppleTokenOptions stray = new AppleTokenOptions("apns");
        stray.setBundleId("com.example.MyApp");
        assertAbort("bundle ID is not part of an apns token", stray);
        assertAbort("reserved", weatherKit("PATH"));
        assertAbort("contains '-'", weatherKit("MY-TOKEN"));
        AppleTokenOptions tooLong = new AppleTokenOptions("apns");
        tooLong.setLifetime(7200);
        assertAbort("", tooLong);
    }

    private void assertAbort(String expected, AppleTokenOptions options) {
        AbortException e = assertThrows(AbortException.class,
                () -> new KeyUse("team-key", options, credential, null, new TokenCache(clock)));
        assertTrue(e.getMessage().startsWith("Cannot mint a token with Apple developer key 'team-key': "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains(pem.split("\n")[1]));
    }

    @Test
    void theExpanderGivesEachStepAFreshTokenAndSerialisesNoSecret() throws Exception {
        AppleTokenOptions o = weatherKit("WEATHERKIT_TOKEN");
        KeyUse use = new KeyUse("team-key", o, credential, null, new TokenCache(clock));
        KeyUseExpander expander = new KeyUseExpander("job#1", use);
        assertEquals(Set.of("WEATHERKIT_TOKEN"), expander.getSensitiveVariables());

        EnvVars step1 = new EnvVars();
        expander.expand(step1);
        clock.advance(Duration.ofMinutes(50)); // a one-hour token has less than a quarter left: re-minted
        EnvVars step2 = new EnvVars();
        expander.expand(step2);
        String t1 = step1.get("WEATHERKIT_TOKEN");
        String t2 = step2.get("WEATHERKIT_TOKEN");
        assertNotEquals(t1, t2);
        SignedJWT jwt = SignedJWT.parse(t2);
        assertTrue(jwt.verify(new ECDSAVerifier(key.publicKey())));
        assertTrue(jwt.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(clock.instant().plus(Duration.ofMinutes(45))));

        byte[] serialised = serialise(expander);
        assertNoSecret(serialised, List.of(t1, t2));
        KeyUseExpander restored = (KeyUseExpander) deserialise(serialised);
        assertEquals(Set.of("WEATHERKIT_TOKEN"), restored.getSensitiveVariables());
        // after a restart the key use is gone; the credential is looked up again through the run (needs Jenkins)
        // (what the lookup throws is Jenkins' business: AbortException in a real Jenkins without that run)
        EnvVars afterRestart = new EnvVars();
        assertThrows(Exception.class, () -> restored.expand(afterRestart));
        assertTrue(afterRestart.isEmpty(), "no token without the credential");
    }

    @Test
    void theFilterMasksTheKeyAndTokensOfTheProfileMintedLater() throws Exception {
        AppleTokenOptions o = weatherKit("WEATHERKIT_TOKEN");
        TokenCache tokens = new TokenCache(clock);
        KeyUse use = new KeyUse("team-key", o, credential, null, tokens);
        KeyMaskingFilter onAgent = (KeyMaskingFilter) deserialise(serialise(use.filter()));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        List<String> later = new java.util.ArrayList<>();
        try (OutputStream out = onAgent.decorateLogger((hudson.model.Run<?, ?>) null, sink)) {
            out.write(("+ cat AuthKey.p8\n" + credential.getPrivateKey().getPlainText()).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 4; i++) {
                clock.advance(Duration.ofHours(3));
                String t = use.environment().get("WEATHERKIT_TOKEN");
                later.add(t);
                byte[] line = ("curl -H \"Authorization: Bearer " + t + "\" https://weatherkit.apple.com/\n").getBytes(StandardCharsets.UTF_8);
                out.write(line, 0, 35);
                out.flush();
                out.write(line, 35, line.length - 35);
            }
        }
        assertEquals(4, Set.copyOf(later).size());
        assertNoSecret(sink.toByteArray(), later);
        assertEquals(4, sink.toString(StandardCharsets.UTF_8).split("Bearer \\*\\*\\*\\*\" https", -1).length - 1);
    }

    @Test
    void anExpiredMapsTokenFailsTheBindingWithDaysAndId() throws Exception {
        String token = "maps-portal-token-" + "x".repeat(40);
        MapsTokenImpl maps = new MapsTokenImpl(CredentialsScope.GLOBAL, "maps-web", "", Secret.fromString(token),
                MapsTokenType.MAPKIT_JS, "", MapsTokenValidity.DAYS_30, "", "2026-03-01");
        // late in the evening, where a calendar-day count and a 24-hour count disagree
        Clock today = Clock.fixed(java.time.Instant.parse("2026-03-01T23:30:00Z"), ZoneOffset.UTC);
        assertEquals(token, MapsTokenBinding.usableToken(maps, today));
        Clock later = Clock.offset(today, Duration.ofDays(33));
        AbortException e = assertThrows(AbortException.class, () -> MapsTokenBinding.usableToken(maps, later));
        assertTrue(e.getMessage().contains("The Maps token maps-web expired on "), e.getMessage());
        assertTrue(e.getMessage().contains(", 3 days ago;"), e.getMessage());
        assertFalse(e.getMessage().contains("maps-portal-token"), "never the token");
        AbortException today0 = assertThrows(AbortException.class,
                () -> MapsTokenBinding.usableToken(maps, Clock.offset(today, Duration.ofDays(29).plusHours(1))));
        assertTrue(today0.getMessage().contains("less than a day ago"), today0.getMessage());
        AbortException oneDay = assertThrows(AbortException.class,
                () -> MapsTokenBinding.usableToken(maps, Clock.offset(today, Duration.ofDays(30).plusHours(1))));
        assertTrue(oneDay.getMessage().contains(", 1 day ago;"), oneDay.getMessage());

        assertEquals("MAPS_TOKEN", new MapsTokenBinding("maps-web", " ").getVariable());
        assertEquals("MAPKIT_TOKEN", MapsTokenBinding.variableName("MAPKIT_TOKEN"));
        assertThrows(AbortException.class, () -> MapsTokenBinding.variableName("HOME"));
    }

    @Test
    void theCloudKitBindingMasksOnlyTheToken() throws Exception {
        String apiToken = "ck" + "0123456789abcdef".repeat(4);
        CloudKitApiTokenImpl ck = new CloudKitApiTokenImpl(CredentialsScope.GLOBAL, "ck-prod", "", "iCloud.com.example.MyApp",
                CloudKitEnvironment.PRODUCTION, Secret.fromString(apiToken), "", "");
        Map<String, String> secret = new LinkedHashMap<>();
        Map<String, String> visible = new LinkedHashMap<>();
        CloudKitApiTokenBinding.split(ck, secret, visible);
        assertEquals(Map.of("CLOUDKIT_API_TOKEN", apiToken), secret);
        assertEquals(Map.of("CLOUDKIT_CONTAINER", "iCloud.com.example.MyApp", "CLOUDKIT_ENVIRONMENT", "production"), visible);
        assertEquals(Set.of("CLOUDKIT_CONTAINER", "CLOUDKIT_ENVIRONMENT", "CLOUDKIT_API_TOKEN"),
                new CloudKitApiTokenBinding("ck-prod").variables());
    }

    @Test
    void theSigningStepSignsWithTheStoredKeyAndTheJdkVerifies() throws Exception {
        CloudKitServerKeyImpl ck = new CloudKitServerKeyImpl(CredentialsScope.GLOBAL, "ck-s2s", "", CK_KEY_ID, Secret.fromString(pem),
                "iCloud.com.example.MyApp", CloudKitEnvironment.DEVELOPMENT);
        String body = "{\"query\":{\"recordType\":\"Articles\"}}";
        CloudKitSignInput input = CloudKitSignRequestStep.input("ck-s2s", SUBPATH, body, null);
        Map<String, String> h = CloudKitSignRequestStep.sign("ck-s2s", ck, input, input.bodyBytes(),
                Clock.fixed(Instant.parse("2026-03-01T10:00:00.750Z"), ZoneOffset.UTC));
        assertEquals(List.of(CloudKitRequestSigner.KEY_ID_HEADER, CloudKitRequestSigner.DATE_HEADER, CloudKitRequestSigner.SIGNATURE_HEADER),
                List.copyOf(h.keySet()));
        assertEquals(CK_KEY_ID, h.get(CloudKitRequestSigner.KEY_ID_HEADER));
        assertEquals("2026-03-01T10:00:00Z", h.get(CloudKitRequestSigner.DATE_HEADER));
        String hash = Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(key.publicKey());
        v.update(("2026-03-01T10:00:00Z:" + hash + ":" + SUBPATH).getBytes(StandardCharsets.UTF_8));
        assertTrue(v.verify(Base64.getDecoder().decode(h.get(CloudKitRequestSigner.SIGNATURE_HEADER))));
        v.initVerify(key.publicKey());
        v.update(("2026-03-01T10:00:00Z:" + hash + ":/database/1/other").getBytes(StandardCharsets.UTF_8));
        assertFalse(v.verify(Base64.getDecoder().decode(h.get(CloudKitRequestSigner.SIGNATURE_HEADER))), "bound to the subpath");

        AbortException both = assertThrows(AbortException.class, () -> CloudKitSignRequestStep.input("ck-s2s", SUBPATH, "{}", "q.json"));
        assertTrue(both.getMessage().startsWith("Cannot sign the CloudKit request with 'ck-s2s': "), both.getMessage());
        assertThrows(AbortException.class, () -> CloudKitSignRequestStep.input("ck-s2s", "https://x" + SUBPATH, "", null));
        assertThrows(AbortException.class, () -> CloudKitSignRequestStep.input("ck-s2s", SUBPATH, null, "../q.json"));
    }

    @Test
    void savedStateHoldsNoSecret() throws Exception {
        AppleTokenOptions o = weatherKit("WEATHERKIT_TOKEN");
        for (Serializable s : List.<Serializable>of(o, new KeyBlockExecution(null, "team-key", o),
                new KeyBlockExecution(null, "team-key", o).new Cleanup(null),
                new CloudKitSignRequestStep.Execution(null, "ck-s2s", SUBPATH, "{}", null))) {
            byte[] bytes = serialise(s);
            assertNoSecret(bytes, List.of());
            assertTrue(deserialise(bytes).getClass() == s.getClass());
        }
    }

    private void assertNoSecret(byte[] bytes, List<String> tokens) {
        SerialisedState.assertNoSecret(bytes, key, tokens);
    }

    private static byte[] serialise(Object o) throws IOException {
        return SerialisedState.serialise(o);
    }

    private static Object deserialise(byte[] bytes) throws IOException, ClassNotFoundException {
        return SerialisedState.deserialise(bytes);
    }
}
