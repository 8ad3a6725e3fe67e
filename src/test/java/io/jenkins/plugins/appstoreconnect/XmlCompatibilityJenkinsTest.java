package io.jenkins.plugins.appstoreconnect;

import io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKeyImpl;
import io.jenkins.plugins.appstoreconnect.credentials.AppleDeveloperKeyImpl;
import io.jenkins.plugins.appstoreconnect.credentials.MapsTokenImpl;
import io.jenkins.plugins.appstoreconnect.credentials.CloudKitApiTokenImpl;
import io.jenkins.plugins.appstoreconnect.credentials.CloudKitServerKeyImpl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleProject;
import hudson.tasks.BuildWrapper;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;
import io.jenkins.plugins.appstoreconnect.core.keys.KeyFingerprint;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The first release's XML ({@code compat/}) loads through Jenkins' own XStream with every value kept. */
@NeedsJenkins
@WithJenkins
class XmlCompatibilityJenkinsTest {
    private final KeyPair pair = TestKeys.p256();
    private final String pem = TestKeys.pkcs8Pem(pair);

    @Test
    void storedCredentialsLoadWithTheirValues(JenkinsRule r) throws Exception {
        String xml = fixture("credentials.xml")
                .replace("@PRIVATE_KEY@", pem)
                .replace("@FINGERPRINT@", KeyFingerprint.of((java.security.interfaces.ECPublicKey) pair.getPublic()))
                .replace("@MAPS_TOKEN@", "opaque-maps-token-0123456789");
        // the file Jenkins keeps the system store in, read the way the credentials plugin reads it at startup
        Files.writeString(SystemCredentialsProvider.getConfigFile().getFile().toPath(), xml, StandardCharsets.UTF_8);
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        SystemCredentialsProvider.getConfigFile().unmarshal(store);
        List<Credentials> loaded = store.getCredentials();
        assertEquals(6, loaded.size());

        AppStoreConnectApiKeyImpl team = assertInstanceOf(AppStoreConnectApiKeyImpl.class, loaded.get(0));
        assertEquals("asc-team", team.getId());
        assertEquals(CredentialsScope.GLOBAL, team.getScope());
        assertEquals("ABC123DEFG", team.getKeyId());
        assertEquals("57246542-96fe-1a63-e053-0824d011072a", team.getIssuerId());
        assertEquals(pem.strip(), team.getPrivateKey().getPlainText().strip());

        AppStoreConnectApiKeyImpl individual = assertInstanceOf(AppStoreConnectApiKeyImpl.class, loaded.get(1));
        assertEquals(CredentialsScope.SYSTEM, individual.getScope());
        assertTrue(individual.getIssuerId() == null || individual.getIssuerId().isEmpty(), "an individual key has no issuer");

        AppleDeveloperKeyImpl dev = assertInstanceOf(AppleDeveloperKeyImpl.class, loaded.get(2));
        assertEquals("DEF123GHIJ", dev.getTeamId());

        MapsTokenImpl maps = assertInstanceOf(MapsTokenImpl.class, loaded.get(3));
        assertEquals(MapsTokenType.MAPKIT_JS, maps.getType());
        assertEquals("2020-01-01", maps.getCreatedOn(), "a stale date is kept, not refused or moved");

        CloudKitApiTokenImpl ck = assertInstanceOf(CloudKitApiTokenImpl.class, loaded.get(4));
        assertEquals(CloudKitEnvironment.PRODUCTION, ck.getEnvironment());

        CloudKitServerKeyImpl s2s = assertInstanceOf(CloudKitServerKeyImpl.class, loaded.get(5));
        assertEquals("iCloud.com.example.MyApp", s2s.getContainer());
    }

    @Test
    void aFreestyleJobWithTheWrapperAndTheBindingsLoads(JenkinsRule r) throws Exception {
        FreeStyleProject p;
        try (InputStream in = new ByteArrayInputStream(fixture("freestyle-job.xml").getBytes(StandardCharsets.UTF_8))) {
            p = (FreeStyleProject) r.jenkins.createProjectFromXML("from-first-release", in);
        }
        List<BuildWrapper> wrappers = p.getBuildWrappersList();
        assertEquals(2, wrappers.size());
        String saved = p.getConfigFile().asString();
        assertTrue(saved.contains("<credentialsId>asc-team</credentialsId>"), saved);
        assertTrue(saved.contains("GET /v1/apps") && saved.contains("FASTLANE_KEY_JSON") && saved.contains("WEATHERKIT_TOKEN")
                && saved.contains("MAPKIT_TOKEN") && saved.contains("ck-token"), saved);
    }

    private static String fixture(String name) throws Exception {
        try (InputStream in = XmlCompatibilityJenkinsTest.class.getResourceAsStream("compat/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
