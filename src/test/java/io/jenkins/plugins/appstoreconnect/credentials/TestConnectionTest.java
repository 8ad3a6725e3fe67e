package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.TestKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.util.FormValidation;
import hudson.util.FormValidation.Kind;
import io.jenkins.plugins.appstoreconnect.core.connect.SimulatedAppStoreConnectServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The form's "Test connection" against the simulated App Store Connect server (not Apple's). */
class TestConnectionTest {
    private static final String KEY_ID = "2X9R4HXF34";
    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";

    private SimulatedAppStoreConnectServer server;
    private KeyPair pair;
    private String pem;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        pair = TestKeys.p256();
        pem = TestKeys.pkcs8Pem(pair);
        server = new SimulatedAppStoreConnectServer().registerKey(KEY_ID, (ECPublicKey) pair.getPublic(), ISSUER);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FormValidation test(Clock clock, String issuer) throws Exception {
        FormValidation v = new TestConnection(client, clock).run(KEY_ID, issuer, pem, false, server.baseUrl().toString());
        assertFalse(FormAnswers.shown(v).contains(pem.split("\n")[1].substring(0, 16)), "key material in the message");
        return v;
    }

    @Test
    void ok() throws Exception {
        FormValidation v = test(Clock.systemUTC(), ISSUER);
        assertEquals(Kind.OK, v.kind, FormAnswers.shown(v) + " / " + server.lastRejection());
        assertTrue(FormAnswers.shown(v).contains("Requests left this hour for this key: 3599"), FormAnswers.shown(v));
    }

    @Test
    void wrongIssuerListsIssuerFirst() throws Exception {
        FormValidation v = test(Clock.systemUTC(), "11111111-2222-3333-4444-555555555555");
        assertEquals(Kind.ERROR, v.kind);
        assertTrue(FormAnswers.shown(v).contains("401 NOT_AUTHORIZED"), FormAnswers.shown(v));
        assertTrue(FormAnswers.shown(v).indexOf("issuer ID") < FormAnswers.shown(v).indexOf("key ID is not"), FormAnswers.shown(v));
        assertFalse(FormAnswers.shown(v).contains("clock"), FormAnswers.shown(v));
    }

    @Test
    void clockSkewIsNamedFirstWithItsSize() throws Exception {
        FormValidation v = test(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(45)), ISSUER);
        assertEquals(Kind.ERROR, v.kind);
        assertTrue(FormAnswers.shown(v).contains("1) this controller's clock is"), FormAnswers.shown(v));
        assertTrue(FormAnswers.shown(v).contains("ahead of Apple's"), FormAnswers.shown(v));
        assertTrue(FormAnswers.shown(v).matches("(?s).*clock is 2[67]\\d\\d s ahead.*"), FormAnswers.shown(v));
    }

    @Test
    void individualKeyDoesNotBlameTheIssuer() throws Exception {
        FormValidation v = test(Clock.systemUTC(), "");
        assertEquals(Kind.ERROR, v.kind); // registered as a team key, so the individual token is refused
        assertFalse(FormAnswers.shown(v).contains("issuer ID"), FormAnswers.shown(v));
    }

    @Test
    void forbiddenAndRateLimited() throws Exception {
        server.mode(SimulatedAppStoreConnectServer.Mode.FORBIDDEN);
        FormValidation forbidden = test(Clock.systemUTC(), ISSUER);
        assertEquals(Kind.ERROR, forbidden.kind);
        assertTrue(forbidden.getMessage().contains("403 FORBIDDEN_ERROR") && forbidden.getMessage().contains("role"));
        server.mode(SimulatedAppStoreConnectServer.Mode.RATE_LIMITED);
        FormValidation limited = test(Clock.systemUTC(), ISSUER);
        assertEquals(Kind.WARNING, limited.kind);
        assertTrue(limited.getMessage().contains("429"), limited.getMessage());
    }

    @Test
    void refusedConnectionPointsAtProxyAndFirewall() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        FormValidation v = new TestConnection(client).run(KEY_ID, ISSUER, pem, false, "http://127.0.0.1:" + port);
        assertEquals(Kind.ERROR, v.kind);
        assertTrue(FormAnswers.shown(v).contains("refused") && FormAnswers.shown(v).contains("proxy"), FormAnswers.shown(v));
    }

    @Test
    void badInputNeverCallsOut() throws Exception {
        FormValidation v = new TestConnection(client).run("bad", ISSUER, pem, false, server.baseUrl().toString());
        assertEquals(Kind.ERROR, v.kind);
        FormValidation noKey = new TestConnection(client).run(KEY_ID, ISSUER, " ", false, server.baseUrl().toString());
        assertEquals(Kind.ERROR, noKey.kind);
        assertEquals(0, server.requestCount());
    }

    @Test
    void aKeyTheFormMayNotUseIsRefusedWithoutACall() throws Exception {
        FormValidation v = new TestConnection(client).run(KEY_ID, ISSUER,
                AppleCredentialChecks.formSecret(AppleCredentialChecksTest.SOMEONE_ELSES, null), false, server.baseUrl().toString());
        assertEquals(Kind.ERROR, v.kind);
        assertEquals(Messages.AppleCredentialChecks_NotThisCredential(), v.getMessage());
        assertEquals(0, server.requestCount());
    }

    @Test
    void anEncryptedKeyIsNeverCheckedByTheField() {
        assertEquals(Kind.OK, CredentialFormChecks.privateKey(AppleCredentialChecksTest.SOMEONE_ELSES).kind);
        assertEquals(null, CredentialFormChecks.privateKey(AppleCredentialChecksTest.SOMEONE_ELSES).getMessage());
    }
}
