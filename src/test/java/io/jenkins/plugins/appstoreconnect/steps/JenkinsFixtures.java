package io.jenkins.plugins.appstoreconnect.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKeyImpl;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.model.ParameterizedJobMixIn;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Helpers for the tests that run in a real Jenkins: credentials with keys generated at test time, Pipeline jobs made
 * from XML (workflow-job and workflow-cps are test dependencies without stand-ins), and checks of what a build
 * printed. Nothing here prints a key or a token.
 */
final class JenkinsFixtures {

    static final String KID = "2X9R4HXF34";
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";

    private JenkinsFixtures() {}

    /** A stored key: the credential and its parsed key (to check signatures and what the log must not show). */
    record StoredKey(AppStoreConnectApiKeyImpl credential, ParsedKey key) {}

    /** Adds an App Store Connect API key credential with a new key; {@code issuer} null for an individual key. */
    static StoredKey addKey(String id, String issuer) throws Exception {
        String pem = TestKeys.pkcs8Pem(TestKeys.p256());
        AppStoreConnectApiKeyImpl c = new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, id, "", KID, issuer,
                Secret.fromString(pem));
        SystemCredentialsProvider.getInstance().getCredentials().add(c);
        SystemCredentialsProvider.getInstance().save();
        return new StoredKey(c, P256PrivateKeys.parse(pem));
    }

    /** A Pipeline job running {@code script} in the Groovy sandbox. */
    static Job<?, ?> pipeline(JenkinsRule r, String name, String script) throws IOException {
        String xml = "<?xml version='1.1' encoding='UTF-8'?>\n"
                + "<flow-definition plugin=\"workflow-job\">\n"
                + "  <definition class=\"org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition\" plugin=\"workflow-cps\">\n"
                + "    <script>" + xmlText(script) + "</script>\n"
                + "    <sandbox>true</sandbox>\n"
                + "  </definition>\n"
                + "</flow-definition>\n";
        return (Job<?, ?>) r.jenkins.createProjectFromXML(name, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Starts a build of {@code job} and returns it once it runs. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Run<?, ?> start(Job<?, ?> job) throws Exception {
        return (Run<?, ?>) ((ParameterizedJobMixIn.ParameterizedJob) job).scheduleBuild2(0).waitForStart();
    }

    /** Builds {@code job} (a Pipeline job, typed here without workflow-job's classes) and checks it succeeds. */
    @SuppressWarnings("unchecked")
    static <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            Run<?, ?> buildAndAssertSuccess(JenkinsRule r, Job<?, ?> job) throws Exception {
        return r.buildAndAssertSuccess((J) job);
    }

    /** Builds {@code job} and checks its result. */
    @SuppressWarnings("unchecked")
    static <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            Run<?, ?> buildAndAssertStatus(JenkinsRule r, hudson.model.Result result, Job<?, ?> job) throws Exception {
        return r.buildAndAssertStatus(result, (J) job);
    }

    /** A path for a Groovy single-quoted string ({@code /} separators, which Windows accepts too). */
    static String groovyPath(java.nio.file.Path p) {
        return p.toAbsolutePath().toString().replace('\\', '/').replace("'", "\\'");
    }

    /** What the build printed between {@code label=[} and {@code ]}, e.g. a path it echoed. */
    static String echoed(Run<?, ?> b, String label) throws IOException {
        Matcher m = Pattern.compile(Pattern.quote(label + "=[") + "(.*?)\\]").matcher(JenkinsRule.getLog(b));
        assertTrue(m.find(), "the build did not print " + label);
        return m.group(1);
    }

    /** How often {@code text} occurs in the build's log. */
    static int count(Run<?, ?> b, String text) throws IOException {
        String log = JenkinsRule.getLog(b);
        int n = 0;
        for (int i = log.indexOf(text); i >= 0; i = log.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    /** The log holds neither the key (any body line, the armour) nor any part of these tokens but their header. */
    static void assertLogHasNoSecret(Run<?, ?> b, ParsedKey key, String... tokens) throws IOException {
        String log = JenkinsRule.getLog(b);
        // the armour lines (-----BEGIN PRIVATE KEY-----) are not secret: the console filter leaves them
        for (String line : key.pkcs8Pem().split("\n")) {
            if (!line.startsWith("-----")) {
                assertFalse(log.contains(line), "a key line is in the log");
            }
        }
        String body = key.pkcs8Pem().replaceAll("-----[A-Z ]+-----", "").replace("\n", "");
        for (int i = 48; i + 16 <= 136; i++) { // every 16 characters that hold bits of the private scalar
            assertFalse(log.contains(body.substring(i, i + 16)), "a piece of the key is in the log");
        }
        for (String t : tokens) {
            String[] parts = t.split("\\.");
            assertFalse(log.contains(parts[1]) || log.contains(parts[2]), "a token is in the log");
        }
    }

    /** Checks a token with nimbus: signed by {@code key}, kid, and at least the refresh margin of life left. */
    static JWTClaimsSet assertValidToken(String token, ParsedKey key) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token.strip());
        assertTrue(jwt.verify(new ECDSAVerifier(key.publicKey())), "the token's signature");
        assertEquals(KID, jwt.getHeader().getKeyID());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertTrue(claims.getExpirationTime().toInstant().isAfter(Instant.now().plus(Duration.ofMinutes(4))), "fresh");
        return claims;
    }

    private static String xmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
