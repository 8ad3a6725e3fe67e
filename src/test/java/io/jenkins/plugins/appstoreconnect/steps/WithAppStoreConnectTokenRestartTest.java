package io.jenkins.plugins.appstoreconnect.steps;

import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.ISSUER;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.addKey;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.assertLogHasNoSecret;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.assertValidToken;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.echoed;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.groovyPath;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.pipeline;
import static io.jenkins.plugins.appstoreconnect.steps.JenkinsFixtures.start;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A controller restart in the middle of a block (real build only): the build resumes, the next step gets a token
 * from the credential looked up again, still masked, and the key files are deleted when the block ends.
 */
@NeedsJenkins
class WithAppStoreConnectTokenRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void theBlockResumesAfterARestartAndStillCleansUp(@TempDir Path tmp) throws Throwable {
        Path release = tmp.resolve("release");
        String[] dir = new String[1];
        ParsedKey[] key = new ParsedKey[1];
        sessions.then(r -> {
            key[0] = addKey("asc-team", ISSUER).key();
            Job<?, ?> job = pipeline(r, "p", """
                    node {
                      withAppStoreConnectToken(credentialsId: 'asc-team') {
                        echo "DIR=[${env.API_PRIVATE_KEYS_DIR}]"
                        waitUntil { fileExists '%s' }
                        echo "after=${env.APP_STORE_CONNECT_JWT}"
                        writeFile file: 'after.txt', text: env.APP_STORE_CONNECT_JWT
                      }
                    }
                    """.formatted(groovyPath(release)));
            Run<?, ?> b = start(job);
            r.waitForMessage("DIR=[", b);
            dir[0] = echoed(b, "DIR");
            assertTrue(Files.isDirectory(Path.of(dir[0])), "the files exist before the restart");
        });
        sessions.then(r -> {
            Job<?, ?> job = r.jenkins.getItemByFullName("p", Job.class);
            Run<?, ?> b = job.getBuildByNumber(1);
            Files.createFile(release);
            r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(b));
            assertFalse(Files.exists(Path.of(dir[0]).getParent()), "deleted after the resumed block ended");
            r.assertLogContains("after=****", b);
            String token = r.jenkins.getWorkspaceFor((TopLevelItem) job).child("after.txt").readToString();
            assertValidToken(token, key[0]);
            assertLogHasNoSecret(b, key[0], token);
        });
    }
}
