package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.TestKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.util.FormValidation;
import io.jenkins.plugins.appstoreconnect.core.token.TokenProfile;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitConnectionCheck;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.SimulatedCloudKitServer;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenValidity;
import io.jenkins.plugins.appstoreconnect.core.maps.SimulatedMapsServer;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The form checks and test calls of the new credential types, against simulated servers. */
class AppleCredentialChecksTest {

    private static final String CONTAINER = "iCloud.com.example.MyApp";
    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String CK_KEY_ID = "a5cf1b2c3d4e5f60718293a4b5c6d7e8";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void fieldChecks() {
        assertEquals(FormValidation.Kind.OK, AppleCredentialChecks.teamId("DEF123GHIJ").kind);
        assertEquals(FormValidation.Kind.ERROR, AppleCredentialChecks.teamId("DEF123").kind);
        assertEquals(FormValidation.Kind.ERROR, AppleCredentialChecks.developerKeyId("").kind);
        assertEquals(FormValidation.Kind.ERROR, AppleCredentialChecks.container("icloud.com.x").kind);
        assertEquals(FormValidation.Kind.ERROR, AppleCredentialChecks.serverKeyId("a-b").kind);
        assertEquals(FormValidation.Kind.ERROR, AppleCredentialChecks.apiToken("two words").kind);
        String pem = TestKeys.pkcs8Pem(TestKeys.p256());
        FormValidation key = AppleCredentialChecks.privateKey(pem, "none");
        assertEquals(FormValidation.Kind.OK, key.kind);
        assertTrue(key.getMessage().contains("SHA256:"), key.getMessage());
        assertEquals("none", AppleCredentialChecks.privateKey(" ", "none").getMessage());
        FormValidation cut = AppleCredentialChecks.privateKey(pem.substring(0, 90), "none");
        assertEquals(FormValidation.Kind.ERROR, cut.kind);
        assertFalse(cut.getMessage().contains(pem.split("\n")[1].substring(0, 16)));
        assertEquals(MapsTokenType.SERVER_API, AppleCredentialChecks.enumValue(MapsTokenType.class, "SERVER_API"));
        assertEquals(null, AppleCredentialChecks.enumValue(MapsTokenType.class, "nonsense"));
        assertEquals(0, AppleCredentialChecks.intValue("x"));
    }

    @Test
    void mapsTokenCheckShowsTheExpiryOrTheRefusal() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), java.time.ZoneOffset.UTC);
        FormValidation soon = AppleCredentialChecks.mapsToken("t", null, "", MapsTokenValidity.DAYS_30, null, "2026-02-10", 14, clock);
        assertEquals(FormValidation.Kind.WARNING, soon.kind);
        assertTrue(soon.getMessage().contains("2026-03-12T00:00:00Z") && soon.getMessage().contains("10 days"), soon.getMessage());
        FormValidation fine = AppleCredentialChecks.mapsToken("t", null, "", MapsTokenValidity.DAYS_180, null, "2026-02-28", 14, clock);
        assertEquals(FormValidation.Kind.OK, fine.kind);
        assertTrue(fine.getMessage().contains("178 days left"), fine.getMessage());
        FormValidation oneDay = AppleCredentialChecks.mapsToken("t", null, "", MapsTokenValidity.DAYS_30, null, "2026-02-01", 14, clock);
        assertTrue(oneDay.getMessage().contains("only 1 day left"), oneDay.getMessage());
        FormValidation undated = AppleCredentialChecks.mapsToken("t", null, "", MapsTokenValidity.DAYS_180, null, "", 14, clock);
        assertEquals(FormValidation.Kind.ERROR, undated.kind, "a duration needs its creation date; the form says so");
        assertEquals(FormValidation.Kind.ERROR,
                AppleCredentialChecks.mapsToken("t", null, "", MapsTokenValidity.DATE, "2020-01-01", "", 14, clock).kind);
        assertEquals(FormValidation.Kind.ERROR, AppleCredentialChecks.mapsToken("", null, "", null, null, null, 14, clock).kind);
    }

    @Test
    void mapsServerApiTestExchangesTheToken() throws Exception {
        KeyPair pair = TestKeys.p256();
        try (SimulatedMapsServer server = new SimulatedMapsServer((ECPublicKey) pair.getPublic(), "DEF123GHIJ")) {
            String token = Tokens.mint(P256PrivateKeys.parse(TestKeys.pkcs8Pem(pair)), TokenRequest
                    .builder(TokenProfile.MAPS).keyId("ABC123DEFG").teamId("DEF123GHIJ").build(), Clock.systemUTC()).token();
            FormValidation ok = AppleCredentialChecks.testMapsToken(client, Clock.systemUTC(), token, server.baseUrl().toString());
            assertEquals(FormValidation.Kind.OK, ok.kind, ok.getMessage());
            assertFalse(ok.getMessage().contains(server.lastAccessToken()), "the access token is never shown");
            FormValidation bad = AppleCredentialChecks.testMapsToken(client, Clock.systemUTC(), "a.b.c", server.baseUrl().toString());
            assertEquals(FormValidation.Kind.ERROR, bad.kind);
            assertTrue(bad.getMessage().contains("401"), bad.getMessage());
            server.quotaExceeded(true);
            assertEquals(FormValidation.Kind.WARNING,
                    AppleCredentialChecks.testMapsToken(client, Clock.systemUTC(), token, server.baseUrl().toString()).kind);
        }
    }

    @Test
    void cloudKitTestsExplainTheAnswer() throws Exception {
        KeyPair pair = TestKeys.p256();
        CloudKitConnectionCheck check = new CloudKitConnectionCheck(client, Duration.ofSeconds(10));
        try (SimulatedCloudKitServer server = new SimulatedCloudKitServer().container(CONTAINER)
                .apiToken(TOKEN, CONTAINER, "production").serverKey(CK_KEY_ID, pair.getPublic(), CONTAINER, "development")) {
            String base = server.baseUrl().toString();
            FormValidation ok = AppleCredentialChecks.testCloudKit(CONTAINER, "production", base,
                    w -> check.checkApiToken(w.base(), w.container(), w.environment(), TOKEN));
            assertEquals(FormValidation.Kind.OK, ok.kind, ok.getMessage());
            FormValidation wrongEnv = AppleCredentialChecks.testCloudKit(CONTAINER, "development", base,
                    w -> check.checkApiToken(w.base(), w.container(), w.environment(), TOKEN));
            assertEquals(FormValidation.Kind.ERROR, wrongEnv.kind);
            assertTrue(wrongEnv.getMessage().contains("AUTHENTICATION_FAILED") && !wrongEnv.getMessage().contains(TOKEN), wrongEnv.getMessage());
            FormValidation signed = AppleCredentialChecks.testCloudKit(CONTAINER, "development", base,
                    w -> check.checkServerKey(w.base(), w.container(), w.environment(),
                            P256PrivateKeys.parse(TestKeys.pkcs8Pem(pair)), CK_KEY_ID, Clock.systemUTC()));
            assertEquals(FormValidation.Kind.OK, signed.kind, signed.getMessage() + " / " + server.lastRejection());
            FormValidation badContainer = AppleCredentialChecks.testCloudKit("MyApp", "development", base, w -> {
                throw new AssertionError("not called for a bad container");
            });
            assertEquals(FormValidation.Kind.ERROR, badContainer.kind);
            assertEquals(FormValidation.Kind.ERROR, AppleCredentialChecks.testCloudKit(CONTAINER, "staging", base, w -> {
                throw new AssertionError("not called for a bad environment");
            }).kind);
        }
    }

    /** Jenkins' encrypted form of some other secret (base64 in braces): a form post may carry one it copied from anywhere. */
    static final String SOMEONE_ELSES = "{AQAAABAAAAAQ1UuHpGkqtUa56seSEeC3zxBc5JxL6vAGYyxQ7xLjQwU=}";

    @Test
    void anEncryptedValueIsNeverDecryptedNorSentUnlessItIsTheEditedCredentialsOwn() throws Exception {
        assertTrue(AppleCredentialChecks.looksEncrypted(SOMEONE_ELSES));
        assertFalse(AppleCredentialChecks.looksEncrypted(TOKEN));
        assertEquals(null, AppleCredentialChecks.formSecret(SOMEONE_ELSES, null), "refused: not the stored value");
        assertEquals(TOKEN, AppleCredentialChecks.formSecret(TOKEN, null), "typed text is taken as typed");
        assertEquals("", AppleCredentialChecks.formSecret(null, null));

        KeyPair pair = TestKeys.p256();
        try (SimulatedMapsServer maps = new SimulatedMapsServer((ECPublicKey) pair.getPublic(), "DEF123GHIJ")) {
            FormValidation refused = AppleCredentialChecks.testMapsToken(client, Clock.systemUTC(),
                    AppleCredentialChecks.formSecret(SOMEONE_ELSES, null), maps.baseUrl().toString());
            assertEquals(FormValidation.Kind.ERROR, refused.kind);
            assertEquals(Messages.AppleCredentialChecks_NotThisCredential(), refused.getMessage());
            assertEquals(0, maps.requestCount(), "nothing is sent");
        }
        // the field checks say nothing about an encrypted value (they used to decrypt it and describe the result)
        assertEquals(FormValidation.Kind.OK, AppleCredentialChecks.privateKey(SOMEONE_ELSES, "none").kind);
        assertEquals(null, AppleCredentialChecks.privateKey(SOMEONE_ELSES, "none").getMessage());
        assertEquals(FormValidation.Kind.OK, AppleCredentialChecks.apiToken(SOMEONE_ELSES).kind);
        assertEquals(FormValidation.Kind.OK, AppleCredentialChecks.mapsToken(SOMEONE_ELSES, null, "", null, null, null, 14,
                Clock.systemUTC()).kind);
    }

    @Test
    void testCallsGoToApplesHostsUnlessTheAdministratorSetAnother() {
        String property = AppleCredentialChecks.MAPS_URL_PROPERTY;
        assertEquals(null, System.getProperty(property));
        assertEquals(null, AppleCredentialChecks.adminBaseUrl(property), "unset: the core default, Apple's host");
        try (AdminBaseUrl ignored = AdminBaseUrl.maps("http://127.0.0.1:9")) {
            assertEquals("http://127.0.0.1:9", AppleCredentialChecks.adminBaseUrl(property));
        }
        assertEquals(null, AppleCredentialChecks.adminBaseUrl(property));
    }

    /** No form can choose where a token or a signed request goes: no web method of a credential form takes a URL or host. */
    @Test
    void noWebMethodTakesABaseUrlFromTheRequest() {
        java.util.List<String> found = new java.util.ArrayList<>();
        for (Class<?> d : java.util.List.of(AppStoreConnectApiKeyImpl.DescriptorImpl.class, AppleDeveloperKeyImpl.DescriptorImpl.class,
                MapsTokenImpl.DescriptorImpl.class, CloudKitApiTokenImpl.DescriptorImpl.class, CloudKitServerKeyImpl.DescriptorImpl.class)) {
            for (java.lang.reflect.Method m : d.getDeclaredMethods()) {
                if (!m.getName().startsWith("doTest")) {
                    continue;
                }
                for (java.lang.reflect.Parameter p : m.getParameters()) {
                    assertTrue(p.isNamePresent(), "compiled with -parameters, as Stapler needs");
                    if (p.getName().toLowerCase(java.util.Locale.ROOT).matches(".*(url|host|base|endpoint).*")) {
                        found.add(d.getSimpleName() + "#" + m.getName() + "(" + p.getName() + ")");
                    }
                }
            }
        }
        assertEquals(java.util.List.of(), found);
    }
}
