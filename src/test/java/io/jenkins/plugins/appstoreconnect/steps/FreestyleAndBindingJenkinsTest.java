package io.jenkins.plugins.appstoreconnect.steps;

import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.ISSUER;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.KID;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.addKey;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.assertLogHasNoSecret;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.assertValidToken;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.buildAndAssertSuccess;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.echoed;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import hudson.EnvVars;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle build wrapper and the {@code withCredentials} binding (real build only). */
@NeedsJenkins
@WithJenkins
class FreestyleAndBindingJenkinsTest {

    /** What the build step saw; filled during the build (the builder runs in this JVM). */
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @Test
    void freestyleWrapperProvidesMasksAndCleansUp(JenkinsRule r) throws Exception {
        JenkinsFixtures.StoredKey k = addKey("asc-team", ISSUER);
        FreeStyleProject p = r.createFreeStyleProject();
        AppStoreConnectKeyWrapper wrapper = new AppStoreConnectKeyWrapper("asc-team");
        wrapper.setLifetime(600);
        wrapper.setScope("GET /v1/apps\nGET /v1/builds");
        p.getBuildWrappersList().add(wrapper);
        p.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                    throws java.io.IOException, InterruptedException {
                EnvVars env = build.getEnvironment(listener);
                SEEN.putAll(env);
                Path p8 = Path.of(env.get("APP_STORE_CONNECT_API_KEY_KEY_FILEPATH"));
                SEEN.put("p8 content", Files.readString(p8));
                SEEN.put("json content", Files.readString(Path.of(env.get("APP_STORE_CONNECT_API_KEY_PATH"))));
                if (p8.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    SEEN.put("p8 mode", PosixFilePermissions.toString(Files.getPosixFilePermissions(p8)));
                    SEEN.put("dir mode", PosixFilePermissions.toString(Files.getPosixFilePermissions(p8.getParent().getParent())));
                }
                listener.getLogger().println("jwt=" + env.get("APP_STORE_CONNECT_JWT"));
                listener.getLogger().println(SEEN.get("p8 content"));
                listener.getLogger().println(SEEN.get("json content"));
                return true;
            }
        });
        FreeStyleBuild b = r.buildAndAssertSuccess(p);

        String token = SEEN.get("APP_STORE_CONNECT_JWT");
        JWTClaimsSet claims = assertValidToken(token, k.key());
        assertEquals(600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        assertEquals(java.util.List.of("GET /v1/apps", "GET /v1/builds"), claims.getStringListClaim("scope"));
        assertEquals(KID, SEEN.get("APP_STORE_CONNECT_API_KEY_KEY_ID"));
        assertEquals("600", SEEN.get("APP_STORE_CONNECT_API_KEY_DURATION"));
        assertTrue(k.key().pkcs8Pem().equals(SEEN.get("p8 content")), "the .p8 file holds the key");
        JsonNode json = new ObjectMapper().readTree(SEEN.get("json content"));
        assertEquals(600, json.get("duration").asInt());
        if (SEEN.containsKey("p8 mode")) {
            assertEquals("rw-------", SEEN.get("p8 mode"));
            assertEquals("rwx------", SEEN.get("dir mode"));
        }
        r.assertLogContains("jwt=****", b);
        assertLogHasNoSecret(b, k.key(), token);
        assertFalse(Files.exists(Path.of(SEEN.get("API_PRIVATE_KEYS_DIR")).getParent()), "deleted by the disposer");
        r.assertLogContains("Deleted the App Store Connect key files", b);
    }

    @Test
    void withCredentialsBinding(JenkinsRule r) throws Exception {
        JenkinsFixtures.StoredKey k = addKey("asc-team", ISSUER);
        Job<?, ?> job = pipeline(r, "p", """
                node {
                  withCredentials([appStoreConnectApiKey(credentialsId: 'asc-team', jwtVariable: 'ASC_JWT')]) {
                    echo "jwt=${env.ASC_JWT}"
                    writeFile file: 'jwt.txt', text: env.ASC_JWT
                    writeFile file: 'fastlane.json', text: readFile(env.APP_STORE_CONNECT_API_KEY_PATH)
                    echo "DIR=[${env.API_PRIVATE_KEYS_DIR}] KID=[${env.APP_STORE_CONNECT_API_KEY_KEY_ID}]"
                  }
                }
                """);
        Run<?, ?> b = buildAndAssertSuccess(r, job);
        String token = r.jenkins.getWorkspaceFor((TopLevelItem) job).child("jwt.txt").readToString();
        assertValidToken(token, k.key());
        r.assertLogContains("jwt=****", b);
        assertLogHasNoSecret(b, k.key(), token);
        assertEquals(KID, echoed(b, "KID"));
        JsonNode json = new ObjectMapper().readTree(r.jenkins.getWorkspaceFor((TopLevelItem) job).child("fastlane.json").readToString());
        assertEquals(ISSUER, json.get("issuer_id").asText());
        assertFalse(Files.exists(Path.of(echoed(b, "DIR")).getParent()), "deleted by the unbinder");
    }

    /**
     * credentials-binding masks only declared values, line by line: the binding declares the key's one-line forms,
     * so printing the key files in the block (as a shell step does) shows no line of the key.
     */
    @Test
    void withCredentialsMasksAPrintedKeyFile(JenkinsRule r) throws Exception {
        JenkinsFixtures.StoredKey k = addKey("asc-team", ISSUER);
        Job<?, ?> job = pipeline(r, "cat", """
                node {
                  withCredentials([appStoreConnectApiKey(credentialsId: 'asc-team')]) {
                    if (isUnix()) {
                      sh 'cat "$APP_STORE_CONNECT_API_KEY_KEY_FILEPATH"; cat "$APP_STORE_CONNECT_API_KEY_PATH"; base64 < "$APP_STORE_CONNECT_API_KEY_KEY_FILEPATH"'
                    } else {
                      bat 'type "%APP_STORE_CONNECT_API_KEY_KEY_FILEPATH%" & type "%APP_STORE_CONNECT_API_KEY_PATH%"'
                    }
                  }
                }
                """);
        Run<?, ?> b = buildAndAssertSuccess(r, job);
        r.assertLogContains("-----BEGIN PRIVATE KEY-----", b); // the file was printed; its armour is no secret
        r.assertLogContains("\"key_id\"", b);
        assertLogHasNoSecret(b, k.key());
    }

    /** The credentials check of the forms: found, missing, an expression, empty (as the consumer guide has it). */
    @Test
    void theCredentialsCheckNamesAMissingId(JenkinsRule r) throws Exception {
        addKey("asc-team", ISSUER);
        FreeStyleProject p = r.createFreeStyleProject();
        AppStoreConnectKeyWrapper.DescriptorImpl d = r.jenkins.getDescriptorByType(AppStoreConnectKeyWrapper.DescriptorImpl.class);
        assertEquals(hudson.util.FormValidation.Kind.OK, d.doCheckCredentialsId(p, "asc-team").kind);
        hudson.util.FormValidation missing = d.doCheckCredentialsId(p, "no-such-key");
        assertEquals(hudson.util.FormValidation.Kind.ERROR, missing.kind);
        assertTrue(missing.getMessage().contains("no-such-key"), missing.getMessage());
        assertEquals(hudson.util.FormValidation.Kind.WARNING, d.doCheckCredentialsId(p, "${ASC_KEY}").kind);
        assertEquals(hudson.util.FormValidation.Kind.OK, d.doCheckCredentialsId(p, "").kind);
        WithAppleTokenStep.DescriptorImpl apple = r.jenkins.getDescriptorByType(WithAppleTokenStep.DescriptorImpl.class);
        assertEquals(hudson.util.FormValidation.Kind.ERROR, apple.doCheckCredentialsId(p, "asc-team").kind,
                "an API key is not an Apple developer key");
    }

    /** The block opened for the console filter is the one setUp used: nothing is left open after the build. */
    @Test
    void theWrapperOpensTheKeyOncePerBuild(JenkinsRule r) throws Exception {
        addKey("asc-team", ISSUER);
        FreeStyleProject p = r.createFreeStyleProject();
        AppStoreConnectKeyWrapper wrapper = new AppStoreConnectKeyWrapper("asc-team");
        p.getBuildWrappersList().add(wrapper);
        r.buildAndAssertSuccess(p);
        java.lang.reflect.Field opened = AppStoreConnectKeyWrapper.class.getDeclaredField("opened");
        opened.setAccessible(true);
        Map<?, ?> left = (Map<?, ?>) opened.get(wrapper); // the instance the project holds and the build used
        assertTrue(left != null && left.isEmpty(), "the filter's block was taken by setUp, not opened again");
    }
}
