package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.security.ACL;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * JCasC applies its YAML at every start. Three starts on the same home with the same YAML (two long-expired Maps
 * tokens in it): Jenkins boots each time, and every Maps token keeps the expiry the YAML gives it, whatever the
 * day of the start (real build only).
 */
@NeedsJenkins
class AppleCredentialsCascRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @BeforeAll
    static void writeConfiguration(@TempDir Path dir) throws Exception {
        AppleCredentialsCascTest.writeConfiguration(dir);
    }

    @AfterAll
    static void forgetConfiguration() {
        AppleCredentialsCascTest.forgetConfiguration();
    }

    @Test
    void restartingTwiceKeepsEveryMapsTokensExpiry() throws Throwable {
        List<String> expected = List.of("maps-dated=" + Instant.parse("2020-07-01T00:00:00Z"),
                "maps-web=" + Instant.parse("2020-03-31T00:00:00Z"));
        for (int start = 1; start <= 3; start++) {
            int n = start;
            sessions.then(r -> assertEquals(expected, expiries(), "start " + n));
        }
    }

    private static List<String> expiries() {
        return CredentialsProvider.lookupCredentialsInItemGroup(MapsToken.class, null, ACL.SYSTEM2).stream()
                .map(m -> m.getId() + "=" + m.getExpiresAt()).sorted().toList();
    }
}
