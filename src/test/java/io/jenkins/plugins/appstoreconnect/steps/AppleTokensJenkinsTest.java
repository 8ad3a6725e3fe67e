package io.jenkins.plugins.appstoreconnect.steps;

import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.buildAndAssertStatus;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.buildAndAssertSuccess;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.echoed;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.credentials.AppleDeveloperKeyImpl;
import io.jenkins.plugins.appstoreconnect.credentials.CloudKitApiTokenImpl;
import io.jenkins.plugins.appstoreconnect.credentials.CloudKitServerKeyImpl;
import io.jenkins.plugins.appstoreconnect.credentials.MapsTokenImpl;
import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenValidity;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code withAppleToken}, the {@code appleToken}, {@code cloudKitApiToken} and {@code mapsToken} bindings and
 * {@code cloudKitSignRequest} in real Pipeline builds (real build only). Keys are generated at test time; tokens are
 * checked with nimbus, CloudKit signatures with the JDK; the logs must show {@code ****} and no secret.
 */
@NeedsJenkins
@WithJenkins
class AppleTokensJenkinsTest {

    private static final String TEAM = "DEF123GHIJ";
    private static final String KID = "ABC123DEFG";
    private static final String SERVICE = "com.example.weatherkit-client";
    private static final String CONTAINER = "iCloud.com.example.MyApp";
    private static final String CK_KEY_ID = "a5cf1b2c3d4e5f60718293a4b5c6d7e8f9012345678901234567890abcdef123";
    private static final String SUBPATH = "/database/1/" + CONTAINER + "/development/public/records/query";

    private static ParsedKey addDeveloperKey(String id) throws Exception {
        String pem = TestKeys.pkcs8Pem(TestKeys.p256());
        add(new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, id, "", TEAM, KID, Secret.fromString(pem)));
        return P256PrivateKeys.parse(pem);
    }

    private static void add(Credentials c) throws IOException {
        SystemCredentialsProvider.getInstance().getCredentials().add(c);
        SystemCredentialsProvider.getInstance().save();
    }

    private static String workspaceFile(JenkinsRule r, Job<?, ?> job, String name) throws Exception {
        return r.jenkins.getWorkspaceFor((TopLevelItem) job).child(name).readToString().strip();
    }

    private static void assertNoKey(Run<?, ?> b, ParsedKey key) throws IOException {
        String log = JenkinsRule.getLog(b);
        for (String line : key.pkcs8Pem().split("\n")) {
            if (!line.startsWith("-----")) {
                assertFalse(log.contains(line), "a key line is in the log");
            }
        }
    }

    private static void assertNoToken(Run<?, ?> b, String token) throws IOException {
        String log = JenkinsRule.getLog(b);
        String[] parts = token.split("\\.");
        assertFalse(log.contains(parts[parts.length > 1 ? 1 : 0]), "a token is in the log");
        if (parts.length > 2) {
            assertFalse(log.contains(parts[2]), "a token's signature is in the log");
        }
    }

    @Test
    void withAppleTokenGivesEachStepAMaskedWeatherKitToken(JenkinsRule r) throws Exception {
        ParsedKey key = addDeveloperKey("team-key");
        Job<?, ?> job = pipeline(r, "wk", """
                node {
                  withAppleToken(credentialsId: 'team-key', profile: 'weatherkit', serviceId: 'com.example.weatherkit-client',
                                 variable: 'WEATHERKIT_TOKEN') {
                    echo "first=${env.WEATHERKIT_TOKEN}"
                    writeFile file: 'wk1.txt', text: env.WEATHERKIT_TOKEN
                    if (isUnix()) { sh 'echo "shell=$WEATHERKIT_TOKEN"' } else { bat 'echo shell=%WEATHERKIT_TOKEN%' }
                    writeFile file: 'wk2.txt', text: env.WEATHERKIT_TOKEN
                  }
                  echo "after=[${env.WEATHERKIT_TOKEN}]"
                }
                """);
        Run<?, ?> b = buildAndAssertSuccess(r, job);
        String token = workspaceFile(r, job, "wk2.txt");
        SignedJWT jwt = SignedJWT.parse(token);
        assertTrue(jwt.verify(new ECDSAVerifier(key.publicKey())), "nimbus verifies the token");
        assertEquals(KID, jwt.getHeader().getKeyID());
        assertEquals(TEAM + "." + SERVICE, jwt.getHeader().getCustomParam("id"));
        assertEquals(SERVICE, jwt.getJWTClaimsSet().getSubject());
        assertEquals(TEAM, jwt.getJWTClaimsSet().getIssuer());
        assertTrue(jwt.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(Instant.now().plus(Duration.ofMinutes(40))));
        r.assertLogContains("first=****", b);
        r.assertLogContains("shell=****", b);
        r.assertLogContains("Using Apple developer key 'team-key' (key ID " + KID + ") for weatherkit", b);
        assertEquals("null", echoed(b, "after"), "the variable ends with the block");
        assertNoToken(b, token);
        assertNoToken(b, workspaceFile(r, job, "wk1.txt"));
        assertNoKey(b, key);
    }

    @Test
    void aWrongProfileOrMissingParameterFailsBeforeTheBody(JenkinsRule r) throws Exception {
        addDeveloperKey("team-key");
        Job<?, ?> unknown = pipeline(r, "unknown", """
                withAppleToken(credentialsId: 'team-key', profile: 'weather', variable: 'T') { echo 'BODY RAN' }
                """);
        Run<?, ?> b = buildAndAssertStatus(r, Result.FAILURE, unknown);
        r.assertLogContains("Cannot mint a token with Apple developer key 'team-key': Unknown token profile 'weather'", b);
        r.assertLogNotContains("BODY RAN", b);

        Job<?, ?> missing = pipeline(r, "missing", """
                withAppleToken(credentialsId: 'team-key', profile: 'weatherkit') { echo 'BODY RAN' }
                """);
        Run<?, ?> m = buildAndAssertStatus(r, Result.FAILURE, missing);
        r.assertLogContains("service ID", m);
        r.assertLogNotContains("BODY RAN", m);

        Job<?, ?> noCredential = pipeline(r, "nocred", """
                withAppleToken(credentialsId: 'nope', profile: 'apns') { echo 'BODY RAN' }
                """);
        Run<?, ?> n = buildAndAssertStatus(r, Result.FAILURE, noCredential);
        r.assertLogContains("No Apple developer key credential with ID 'nope'", n);
        r.assertLogNotContains("BODY RAN", n);
    }

    @Test
    void bindingsMaskAppleCloudKitAndMapsTokens(JenkinsRule r) throws Exception {
        ParsedKey key = addDeveloperKey("team-key");
        String ckToken = "ck" + "0123456789abcdef".repeat(4);
        add(new CloudKitApiTokenImpl(CredentialsScope.GLOBAL, "ck-prod", "", CONTAINER, CloudKitEnvironment.PRODUCTION,
                Secret.fromString(ckToken), "", ""));
        String mapsToken = "maps" + "fedcba9876543210".repeat(4);
        add(new MapsTokenImpl(CredentialsScope.GLOBAL, "maps-web", "", Secret.fromString(mapsToken), MapsTokenType.MAPKIT_JS,
                "", MapsTokenValidity.DAYS_90, "", null));
        Job<?, ?> job = pipeline(r, "bind", """
                node {
                  withCredentials([appleDeveloperKey(credentialsId: 'team-key', profile: 'apns', variable: 'APNS_TOKEN'),
                                   cloudKitApiToken(credentialsId: 'ck-prod'),
                                   appleMapsToken(credentialsId: 'maps-web', variable: 'MAPKIT_TOKEN')]) {
                    echo "apns=${env.APNS_TOKEN} ck=${env.CLOUDKIT_API_TOKEN} maps=${env.MAPKIT_TOKEN}"
                    echo "C=[${env.CLOUDKIT_CONTAINER}] E=[${env.CLOUDKIT_ENVIRONMENT}]"
                    writeFile file: 'apns.txt', text: env.APNS_TOKEN
                    writeFile file: 'ck.txt', text: env.CLOUDKIT_API_TOKEN
                    writeFile file: 'maps.txt', text: env.MAPKIT_TOKEN
                  }
                }
                """);
        Run<?, ?> b = buildAndAssertSuccess(r, job);
        r.assertLogContains("apns=**** ck=**** maps=****", b);
        assertEquals(CONTAINER, echoed(b, "C"));
        assertEquals("production", echoed(b, "E"));
        String apns = workspaceFile(r, job, "apns.txt");
        SignedJWT jwt = SignedJWT.parse(apns);
        assertTrue(jwt.verify(new ECDSAVerifier(key.publicKey())));
        assertEquals(TEAM, jwt.getJWTClaimsSet().getIssuer());
        assertNull(jwt.getJWTClaimsSet().getExpirationTime(), "an APNs token has iss and iat only");
        assertEquals(ckToken, workspaceFile(r, job, "ck.txt"));
        assertEquals(mapsToken, workspaceFile(r, job, "maps.txt"));
        String log = JenkinsRule.getLog(b);
        assertFalse(log.contains(ckToken) || log.contains(mapsToken), "a bound token is in the log");
        assertNoToken(b, apns);
        assertNoKey(b, key);
    }

    @Test
    void anExpiredMapsTokenFailsTheBuild(JenkinsRule r) throws Exception {
        String mapsToken = "maps" + "0011223344556677".repeat(4);
        MapsTokenImpl old = new MapsTokenImpl(CredentialsScope.GLOBAL, "maps-old", "", Secret.fromString(mapsToken),
                MapsTokenType.MAPKIT_JS, "", MapsTokenValidity.DAYS_30, "", null);
        // saved when it was valid; it expired 3 days and an hour ago (the form refuses expired tokens, time does not)
        Field expires = MapsTokenImpl.class.getDeclaredField("expiresAtEpochSecond");
        expires.setAccessible(true);
        expires.set(old, Instant.now().minus(Duration.ofDays(3).plusHours(1)).getEpochSecond());
        add(old);
        Job<?, ?> job = pipeline(r, "expired", """
                withCredentials([mapsToken(credentialsId: 'maps-old', variable: 'MAPKIT_TOKEN')]) { echo 'BODY RAN' }
                """);
        Run<?, ?> b = buildAndAssertStatus(r, Result.FAILURE, job);
        r.assertLogContains("The Maps token maps-old expired on ", b);
        r.assertLogContains(", 3 days ago;", b);
        r.assertLogNotContains("BODY RAN", b);
        r.assertLogNotContains(mapsToken, b);
    }

    @Test
    void cloudKitSignRequestReturnsHeadersTheJdkVerifies(JenkinsRule r) throws Exception {
        String pem = TestKeys.pkcs8Pem(TestKeys.p256());
        ParsedKey key = P256PrivateKeys.parse(pem);
        add(new CloudKitServerKeyImpl(CredentialsScope.GLOBAL, "ck-s2s", "", CK_KEY_ID, Secret.fromString(pem), CONTAINER,
                CloudKitEnvironment.DEVELOPMENT));
        String body = "{\"query\":{\"recordType\":\"Articles\"}}";
        Job<?, ?> job = pipeline(r, "sign", """
                node {
                  writeFile file: 'q.json', text: '{"query":{"recordType":"Articles"}}'
                  def h = cloudKitSignRequest(credentialsId: 'ck-s2s', subpath: '%1$s', bodyFile: 'q.json')
                  echo "KEYID=[${h['X-Apple-CloudKit-Request-KeyID']}] DATE=[${h['X-Apple-CloudKit-Request-ISO8601Date']}]"
                  echo "SIG=[${h['X-Apple-CloudKit-Request-SignatureV1']}]"
                  def g = cloudKitSignRequest(credentialsId: 'ck-s2s', subpath: '/database/1/%2$s/development/public/zones/list')
                  echo "GDATE=[${g['X-Apple-CloudKit-Request-ISO8601Date']}] GSIG=[${g['X-Apple-CloudKit-Request-SignatureV1']}]"
                }
                """.formatted(SUBPATH, CONTAINER));
        Run<?, ?> b = buildAndAssertSuccess(r, job);
        assertEquals(CK_KEY_ID, echoed(b, "KEYID"));
        assertTrue(verifies(key, echoed(b, "DATE") + ":" + sha256(body.getBytes(StandardCharsets.UTF_8)) + ":" + SUBPATH, echoed(b, "SIG")));
        assertFalse(verifies(key, echoed(b, "DATE") + ":" + sha256(new byte[0]) + ":" + SUBPATH, echoed(b, "SIG")), "bound to the body");
        String zones = "/database/1/" + CONTAINER + "/development/public/zones/list";
        assertTrue(verifies(key, echoed(b, "GDATE") + ":" + sha256(new byte[0]) + ":" + zones, echoed(b, "GSIG")));
        r.assertLogContains("Signed the CloudKit request " + SUBPATH, b);
        assertNoKey(b, key);

        Job<?, ?> bad = pipeline(r, "bad", """
                node { cloudKitSignRequest(credentialsId: 'ck-s2s', subpath: '%s', body: '{}', bodyFile: 'q.json') }
                """.formatted(SUBPATH));
        Run<?, ?> f = buildAndAssertStatus(r, Result.FAILURE, bad);
        r.assertLogContains("Cannot sign the CloudKit request with 'ck-s2s': Give the request body either as body or as bodyFile", f);
    }

    private static String sha256(byte[] body) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    }

    private static boolean verifies(ParsedKey key, String message, String signature) throws Exception {
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(key.publicKey());
        v.update(message.getBytes(StandardCharsets.UTF_8));
        assertNotEquals("", signature);
        return v.verify(Base64.getDecoder().decode(signature));
    }
}
