package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import static io.jenkins.plugins.appstoreconnect.credentials.WebMethods.DESCRIPTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.User;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.connect.SimulatedAppStoreConnectServer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import jenkins.model.Jenkins;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The form's web methods over HTTP, routed by Stapler as the browser calls them: a user who may not create or
 * update credentials gets no answer about what was typed and cannot make Jenkins call App Store Connect;
 * an administrator gets the checks' answers; a key never goes in a URL (GET is not answered).
 * {@code FolderCredentialsTest} covers the same for a permission granted on one folder only.
 */
@NeedsJenkins
@WithJenkins
class WebMethodPermissionsTest {
    private static final String KEY_ID = "PERM123456";
    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    /** What FormValidation.ok() without a message renders. */
    private static final String NO_ANSWER = "<div/>";

    private final KeyPair pair = TestKeys.p256();
    private final String pem = TestKeys.pkcs8Pem(pair);

    /**
     * The one Jenkins of each test. The harness starts Jenkins each time it resolves a {@code JenkinsRule} parameter
     * (it calls the rule's {@code before()} every time), so only this method takes one and the tests use the field.
     */
    private JenkinsRule r;

    @BeforeEach
    void security(JenkinsRule rule) {
        r = rule;
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
    }

    @Test
    void aReaderGetsNoAnswersAndCannotMakeJenkinsCallApple() throws Exception {
        try (SimulatedAppStoreConnectServer apple = new SimulatedAppStoreConnectServer()
                        .registerKey(KEY_ID, (ECPublicKey) pair.getPublic(), ISSUER);
                AdminBaseUrl url = AdminBaseUrl.appStoreConnect(apple.baseUrl());
                JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.login("reader");
            assertEquals(NO_ANSWER, body(WebMethods.post(r, wc, DESCRIPTOR + "checkPrivateKey", "value", "not a key")));
            assertEquals(NO_ANSWER, body(WebMethods.post(r, wc, DESCRIPTOR + "checkPrivateKey", "value", pem)),
                    "not even the fingerprint of a valid key");
            assertEquals(NO_ANSWER, body(WebMethods.post(r, wc, DESCRIPTOR + "checkKeyId", "value", "bad")));
            assertEquals(NO_ANSWER, body(WebMethods.post(r, wc, DESCRIPTOR + "checkIssuerId", "value", "bad")));

            WebResponse test = WebMethods.post(r, wc, DESCRIPTOR + "testConnection",
                    "keyId", KEY_ID, "issuerId", ISSUER, "privateKey", pem);
            assertEquals(403, test.getStatusCode());
            assertEquals(0, apple.requestCount(), "a reader must not make Jenkins call App Store Connect");
        }
    }

    @Test
    void anAdministratorGetsTheAnswers() throws Exception {
        try (SimulatedAppStoreConnectServer apple = new SimulatedAppStoreConnectServer()
                        .registerKey(KEY_ID, (ECPublicKey) pair.getPublic(), ISSUER);
                AdminBaseUrl url = AdminBaseUrl.appStoreConnect(apple.baseUrl());
                JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.login("admin");
            String bad = body(WebMethods.post(r, wc, DESCRIPTOR + "checkPrivateKey", "value", "not a key"));
            assertTrue(bad.startsWith("<div class=\"error\">"), bad);
            String good = body(WebMethods.post(r, wc, DESCRIPTOR + "checkPrivateKey", "value", pem));
            assertTrue(good.startsWith("<div class=\"ok\">") && good.contains(KeyFacts.fingerprint(pair)), good);
            KeyFacts.assertNoKeyIn(good, pem, "the key check's answer");
            assertTrue(body(WebMethods.post(r, wc, DESCRIPTOR + "checkKeyId", "value", "bad")).startsWith("<div class=\"error\">"));

            WebResponse test = WebMethods.post(r, wc, DESCRIPTOR + "testConnection",
                    "keyId", KEY_ID, "issuerId", ISSUER, "privateKey", pem);
            assertEquals(200, test.getStatusCode());
            assertTrue(body(test).startsWith("<div class=\"ok\">"), body(test) + " / " + apple.lastRejection());
            assertEquals(1, apple.requestCount());
            KeyFacts.assertNoKeyIn(body(test), pem, "the test's answer");
        }
    }

    @Test
    void theKeyCheckIsNotAnsweredOverGet() throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.login("admin");
            WebResponse get = WebMethods.get(r, wc, DESCRIPTOR + "checkPrivateKey?value=not+a+key");
            assertNotEquals(200, get.getStatusCode(), "@POST: a key must never travel in a URL");
        }
    }

    @Test
    void testConnectionNeverDecryptsAnotherSecretNorTakesAUrlFromTheRequest() throws Exception {
        KeyPair other = TestKeys.p256();
        String otherPem = TestKeys.pkcs8Pem(other);
        String otherEncrypted = Secret.fromString(otherPem).getEncryptedValue();
        try (SimulatedAppStoreConnectServer apple = new SimulatedAppStoreConnectServer()
                        .registerKey(KEY_ID, (ECPublicKey) other.getPublic(), ISSUER);
                SimulatedAppStoreConnectServer elsewhere = new SimulatedAppStoreConnectServer()
                        .registerKey(KEY_ID, (ECPublicKey) other.getPublic(), ISSUER);
                AdminBaseUrl url = AdminBaseUrl.appStoreConnect(apple.baseUrl());
                JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.login("admin");
            String refused = body(WebMethods.post(r, wc, DESCRIPTOR + "testConnection",
                    "keyId", KEY_ID, "issuerId", ISSUER, "privateKey", otherEncrypted));
            assertTrue(refused.startsWith("<div class=\"error\">")
                    && refused.contains(Messages.AppleCredentialChecks_NotThisCredential()), refused);
            assertEquals(0, apple.requestCount(), "the other secret is never decrypted nor used to sign a token");
            assertEquals(NO_ANSWER, body(WebMethods.post(r, wc, DESCRIPTOR + "checkPrivateKey", "value", otherEncrypted)),
                    "the field check does not describe someone else's key either");

            String typed = body(WebMethods.post(r, wc, DESCRIPTOR + "testConnection",
                    "keyId", KEY_ID, "issuerId", ISSUER, "privateKey", otherPem, "apiBaseUrl", elsewhere.baseUrl().toString()));
            assertTrue(typed.startsWith("<div class=\"ok\">"), typed);
            assertEquals(0, elsewhere.requestCount(), "a base URL in the request is ignored");
            assertEquals(1, apple.requestCount());
        }
    }

    @Test
    void theCredentialBeingEditedIsTestedWithItsStoredKey() throws Exception {
        AppStoreConnectApiKeyImpl stored = new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "asc-stored", "", KEY_ID, ISSUER,
                Secret.fromString(pem));
        SystemCredentialsProvider.getInstance().getCredentials().add(stored);
        SystemCredentialsProvider.getInstance().save();
        String encrypted = stored.getPrivateKey().getEncryptedValue();
        try (SimulatedAppStoreConnectServer apple = new SimulatedAppStoreConnectServer()
                        .registerKey(KEY_ID, (ECPublicKey) pair.getPublic(), ISSUER);
                AdminBaseUrl url = AdminBaseUrl.appStoreConnect(apple.baseUrl());
                JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.login("admin");
            String ok = body(WebMethods.post(r, wc, DESCRIPTOR + "testConnection",
                    "keyId", KEY_ID, "issuerId", ISSUER, "privateKey", encrypted, "id", "asc-stored"));
            assertTrue(ok.startsWith("<div class=\"ok\">"), ok + " / " + apple.lastRejection());
            assertEquals(1, apple.requestCount());
            String otherId = body(WebMethods.post(r, wc, DESCRIPTOR + "testConnection",
                    "keyId", KEY_ID, "issuerId", ISSUER, "privateKey", encrypted, "id", "some-other-id"));
            assertTrue(otherId.contains(Messages.AppleCredentialChecks_NotThisCredential()), otherId);
            assertEquals(1, apple.requestCount());
        }
    }

    @Test
    void aUsersOwnStoreGetsAnswersForItsOwnerOnly() throws Exception {
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("dev", "eve"));
        try (SimulatedAppStoreConnectServer apple = new SimulatedAppStoreConnectServer()
                        .registerKey(KEY_ID, (ECPublicKey) pair.getPublic(), ISSUER);
                AdminBaseUrl url = AdminBaseUrl.appStoreConnect(apple.baseUrl());
                JenkinsRule.WebClient wc = r.createWebClient()) {
            User.getById("dev", true);
            String mine = "user/dev/" + DESCRIPTOR;
            wc.login("dev");
            assertTrue(body(WebMethods.post(r, wc, mine + "checkPrivateKey", "value", "not a key")).startsWith("<div class=\"error\">"),
                    "the owner may add credentials to their own store, so the check answers");
            assertEquals(NO_ANSWER, body(WebMethods.post(r, wc, DESCRIPTOR + "checkPrivateKey", "value", "not a key")),
                    "not at the top level");
            String test = body(WebMethods.post(r, wc, mine + "testConnection", "keyId", KEY_ID, "issuerId", ISSUER, "privateKey", pem));
            assertTrue(test.startsWith("<div class=\"ok\">"), test + " / " + apple.lastRejection());
            assertEquals(1, apple.requestCount());

            wc.login("eve");
            assertEquals(NO_ANSWER, body(WebMethods.post(r, wc, mine + "checkPrivateKey", "value", "not a key")),
                    "another user's store answers nobody else");
            assertEquals(403, WebMethods.post(r, wc, mine + "testConnection",
                    "keyId", KEY_ID, "issuerId", ISSUER, "privateKey", pem).getStatusCode());
            assertEquals(1, apple.requestCount());
        }
    }

    private static String body(WebResponse response) {
        assertEquals(200, response.getStatusCode(), response.getWebRequest().getUrl().getPath());
        return response.getContentAsString(StandardCharsets.UTF_8).strip();
    }
}
