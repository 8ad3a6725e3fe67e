package io.jenkins.plugins.appstoreconnect.steps;

import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.ISSUER;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.KID;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.addKey;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.assertLogHasNoSecret;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.assertValidToken;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.buildAndAssertStatus;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.buildAndAssertSuccess;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.count;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.echoed;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.pipeline;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import hudson.FilePath;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code withAppStoreConnectToken} in real Pipelines (real build only). */
@NeedsJenkins
@WithJenkins
class WithAppStoreConnectTokenJenkinsTest {

    private static FilePath workspace(JenkinsRule r, Job<?, ?> job) {
        return r.jenkins.getWorkspaceFor((TopLevelItem) job);
    }

    @Test
    void variablesFilesAndMasking(JenkinsRule r) throws Exception {
        JenkinsFixtures.StoredKey k = addKey("asc-team", ISSUER);
        Job<?, ?> job = pipeline(r, "p", """
                node {
                  withAppStoreConnectToken(credentialsId: 'asc-team') {
                    echo "jwt=${env.APP_STORE_CONNECT_JWT}"
                    echo 'p8 file:\\n' + readFile(env.APP_STORE_CONNECT_API_KEY_KEY_FILEPATH)
                    echo 'fastlane file:\\n' + readFile(env.APP_STORE_CONNECT_API_KEY_PATH)
                    writeFile file: 'jwt.txt', text: env.APP_STORE_CONNECT_JWT
                    writeFile file: 'fastlane.json', text: readFile(env.APP_STORE_CONNECT_API_KEY_PATH)
                    writeFile file: 'p8.pem', text: readFile(env.APP_STORE_CONNECT_API_KEY_KEY_FILEPATH)
                    echo "KID=[${env.APP_STORE_CONNECT_API_KEY_KEY_ID}] ISS=[${env.APP_STORE_CONNECT_API_KEY_ISSUER_ID}]"
                    echo "P8=[${env.APP_STORE_CONNECT_API_KEY_KEY_FILEPATH}] JSON=[${env.APP_STORE_CONNECT_API_KEY_PATH}]"
                    echo "DIR=[${env.API_PRIVATE_KEYS_DIR}] INHOUSE=[${env.APP_STORE_CONNECT_API_KEY_IN_HOUSE}]"
                    echo "DURATION=[${env.APP_STORE_CONNECT_API_KEY_DURATION}]"
                  }
                  echo "after=[${env.APP_STORE_CONNECT_JWT}]"
                }
                """);
        Run<?, ?> b = buildAndAssertSuccess(r, job);
        FilePath ws = workspace(r, job);
        String token = ws.child("jwt.txt").readToString();

        r.assertLogContains("jwt=****", b);
        assertLogHasNoSecret(b, k.key(), token);
        r.assertLogContains("\"key_id\": \"" + KID + "\"", b); // the JSON file printed, its key masked
        r.assertLogContains("after=[null]", b); // nothing outside the block

        JWTClaimsSet claims = assertValidToken(token, k.key());
        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(List.of("appstoreconnect-v1"), claims.getAudience());
        assertEquals(1200, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);

        JsonNode json = new ObjectMapper().readTree(ws.child("fastlane.json").readToString());
        assertEquals(KID, json.get("key_id").asText());
        assertEquals(ISSUER, json.get("issuer_id").asText());
        assertTrue(k.key().pkcs8Pem().equals(json.get("key").asText()), "fastlane's key is the PEM");
        assertEquals(1200, json.get("duration").asInt());
        assertFalse(json.get("in_house").asBoolean());
        assertTrue(k.key().pkcs8Pem().equals(ws.child("p8.pem").readToString()), "the .p8 file is the PEM");

        assertEquals(KID, echoed(b, "KID"));
        assertEquals(ISSUER, echoed(b, "ISS"));
        assertEquals("false", echoed(b, "INHOUSE"));
        assertEquals("1200", echoed(b, "DURATION"));
        Path dir = Path.of(echoed(b, "DIR"));
        assertEquals("private_keys", dir.getFileName().toString());
        assertTrue(dir.getParent().getFileName().toString().startsWith("asc-"));
        assertTrue(dir.getParent().getParent().getFileName().toString().endsWith("@tmp"), "next to the workspace");
        assertEquals(dir.resolve("AuthKey_" + KID + ".p8"), Path.of(echoed(b, "P8")));
        assertEquals(dir.getParent().resolve("fastlane-api-key.json"), Path.of(echoed(b, "JSON")));
        assertFalse(Files.exists(dir.getParent()), "the key files are deleted after the block");
        assertEquals(1, count(b, "Deleted the App Store Connect key files"));

        assertTrue(CredentialsProvider.getFingerprintOf(k.credential()).getJobs().contains("p"), "the use is tracked");
    }

    @Test
    void optionsRenamedAndSwitchedOffVariables(JenkinsRule r) throws Exception {
        JenkinsFixtures.StoredKey k = addKey("asc-team", ISSUER);
        Job<?, ?> job = pipeline(r, "p", """
                node {
                  withAppStoreConnectToken(credentialsId: 'asc-team', scope: ['GET /v1/apps'], lifetime: 600,
                      jwtVariable: 'MY_JWT', privateKeysDirVariable: '') {
                    writeFile file: 'jwt.txt', text: env.MY_JWT
                    echo "default=[${env.APP_STORE_CONNECT_JWT}] dir=[${env.API_PRIVATE_KEYS_DIR}] mine=[${env.MY_JWT}]"
                    echo "DURATION=[${env.APP_STORE_CONNECT_API_KEY_DURATION}]"
                  }
                }
                """);
        Run<?, ?> b = buildAndAssertSuccess(r, job);
        String token = workspace(r, job).child("jwt.txt").readToString();
        JWTClaimsSet claims = assertValidToken(token, k.key());
        assertEquals(List.of("GET /v1/apps"), claims.getStringListClaim("scope"));
        assertEquals(600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        r.assertLogContains("default=[null] dir=[null] mine=[****]", b);
        assertEquals("600", echoed(b, "DURATION"));
        assertLogHasNoSecret(b, k.key(), token);
    }

    @Test
    void filesAreDeletedWhenTheBlockFails(JenkinsRule r) throws Exception {
        addKey("asc-team", ISSUER);
        Job<?, ?> job = pipeline(r, "p", """
                node {
                  withAppStoreConnectToken(credentialsId: 'asc-team') {
                    echo "DIR=[${env.API_PRIVATE_KEYS_DIR}]"
                    error 'the build step failed'
                  }
                }
                """);
        Run<?, ?> b = buildAndAssertStatus(r, Result.FAILURE, job);
        r.assertLogContains("the build step failed", b);
        assertFalse(Files.exists(Path.of(echoed(b, "DIR")).getParent()), "deleted after a failure");
    }

    @Test
    void filesAreDeletedWhenTheBuildIsAborted(JenkinsRule r) throws Exception {
        addKey("asc-team", ISSUER);
        Job<?, ?> job = pipeline(r, "p", """
                node {
                  withAppStoreConnectToken(credentialsId: 'asc-team') {
                    echo "DIR=[${env.API_PRIVATE_KEYS_DIR}]"
                    sleep 600
                  }
                }
                """);
        Run<?, ?> b = start(job);
        r.waitForMessage("DIR=[", b);
        Path dir = Path.of(echoed(b, "DIR")).getParent();
        assertTrue(Files.isDirectory(dir), "the files exist while the block runs");
        b.getOneOffExecutor().interrupt();
        r.waitForCompletion(b);
        r.assertBuildStatus(Result.ABORTED, b);
        assertFalse(Files.exists(dir), "deleted after an abort");
    }

    /** A token minted in the middle of the block, which the console filter never saw, is masked too. */
    @Test
    void aTokenMintedLaterIsMasked(JenkinsRule r) throws Exception {
        JenkinsFixtures.StoredKey k = addKey("asc-team", ISSUER);
        Job<?, ?> job = pipeline(r, "p", """
                node {
                  withAppStoreConnectToken(credentialsId: 'asc-team') {
                    writeFile file: 'jwt1.txt', text: env.APP_STORE_CONNECT_JWT
                    echo "first=${env.APP_STORE_CONNECT_JWT}"
                    waitUntil { fileExists 'go' }
                    writeFile file: 'jwt2.txt', text: env.APP_STORE_CONNECT_JWT
                    echo "second=${env.APP_STORE_CONNECT_JWT}"
                  }
                }
                """);
        Run<?, ?> b = start(job);
        r.waitForMessage("first=", b);
        KeyUse.TOKENS.clear(); // the next step gets a newly minted token
        workspace(r, job).child("go").write("", "UTF-8");
        r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(b));
        String first = workspace(r, job).child("jwt1.txt").readToString();
        String second = workspace(r, job).child("jwt2.txt").readToString();
        assertNotEquals(first, second, "a new token was minted");
        assertValidToken(second, k.key());
        r.assertLogContains("first=****", b);
        r.assertLogContains("second=****", b);
        assertLogHasNoSecret(b, k.key(), first, second);
    }

    @Test
    void anIndividualKeyIsNotedOncePerBlock(JenkinsRule r) throws Exception {
        JenkinsFixtures.StoredKey k = addKey("asc-individual", null);
        Job<?, ?> job = pipeline(r, "p", """
                node {
                  withAppStoreConnectToken(credentialsId: 'asc-individual') {
                    echo "ISS=[${env.APP_STORE_CONNECT_API_KEY_ISSUER_ID}]"
                    writeFile file: 'jwt.txt', text: env.APP_STORE_CONNECT_JWT
                    echo 'second step'
                  }
                }
                """);
        Run<?, ?> b = buildAndAssertSuccess(r, job);
        assertEquals(1, count(b, "Apple does not accept individual keys for notarytool or for provisioning"));
        assertEquals("null", echoed(b, "ISS"), "no issuer ID for an individual key");
        JWTClaimsSet claims = assertValidToken(workspace(r, job).child("jwt.txt").readToString(), k.key());
        assertEquals("user", claims.getSubject());
        assertNull(claims.getIssuer());
    }

    @Test
    void unusableCredentialOrOptionsFailWithAClearMessage(JenkinsRule r) throws Exception {
        addKey("asc-team", ISSUER);
        Job<?, ?> missing = pipeline(r, "missing", """
                node { withAppStoreConnectToken(credentialsId: 'no-such-key') { echo 'inside the block' } }
                """);
        Run<?, ?> b = buildAndAssertStatus(r, Result.FAILURE, missing);
        r.assertLogContains("No App Store Connect API key credential with ID 'no-such-key'", b);
        r.assertLogNotContains("inside the block", b);

        Job<?, ?> lifetime = pipeline(r, "lifetime", """
                node { withAppStoreConnectToken(credentialsId: 'asc-team', lifetime: 3600) { echo 'inside the block' } }
                """);
        b = buildAndAssertStatus(r, Result.FAILURE, lifetime);
        r.assertLogContains("361 to 1200 seconds", b);
        r.assertLogNotContains("inside the block", b);

        Job<?, ?> name = pipeline(r, "name", """
                node { withAppStoreConnectToken(credentialsId: 'asc-team', jwtVariable: 'PATH') { echo 'inside the block' } }
                """);
        b = buildAndAssertStatus(r, Result.FAILURE, name);
        r.assertLogContains("reserved", b);
        r.assertLogNotContains("inside the block", b);
    }

    @Test
    void onAnAgentTheFilesAreOnTheAgentAndDeleted(JenkinsRule r) throws Exception {
        JenkinsFixtures.StoredKey k = addKey("asc-team", ISSUER);
        DumbSlave agent = r.createOnlineSlave();
        Job<?, ?> job = pipeline(r, "p", """
                node('%s') {
                  withAppStoreConnectToken(credentialsId: 'asc-team') {
                    echo "DIR=[${env.API_PRIVATE_KEYS_DIR}] WS=[${env.WORKSPACE}]"
                    echo "jwt=${env.APP_STORE_CONNECT_JWT}"
                    echo readFile(env.APP_STORE_CONNECT_API_KEY_KEY_FILEPATH)
                    writeFile file: 'jwt.txt', text: env.APP_STORE_CONNECT_JWT
                  }
                }
                """.formatted(agent.getNodeName()));
        Run<?, ?> b = buildAndAssertSuccess(r, job);
        Path ws = Path.of(echoed(b, "WS"));
        Path dir = Path.of(echoed(b, "DIR")).getParent();
        assertEquals(ws.resolveSibling(ws.getFileName() + "@tmp"), dir.getParent(), "next to the agent's workspace");
        assertFalse(Files.exists(dir), "deleted on the agent");
        String token = Files.readString(ws.resolve("jwt.txt"));
        assertValidToken(token, k.key());
        r.assertLogContains("jwt=****", b);
        assertLogHasNoSecret(b, k.key(), token);
    }
}
