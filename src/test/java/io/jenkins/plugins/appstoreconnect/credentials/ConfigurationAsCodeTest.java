package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.security.ACL;
import hudson.util.Secret;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Configuration as Code, without the JCasC test harness (not available to the offline build): Jenkins reads
 * the YAML named by the system property {@code casc.jenkins.config} while it starts, as it reads
 * {@code CASC_JENKINS_CONFIG} in production. {@code @WithJenkins} starts Jenkins when a test method asks for
 * its {@link JenkinsRule}, so the {@code @BeforeAll} below has written the YAML and set the property by then.
 * The keys are generated at test time and reach the YAML only through JCasC's interpolation:
 * {@code ${file:…}} (a .p8 file) and {@code ${sysProp:…}} (the one-line form with literal {@code \n}).
 */
@NeedsJenkins
@WithJenkins
class ConfigurationAsCodeTest {
    private static final String CASC_PROPERTY = "casc.jenkins.config";
    private static final String KEY_PROPERTY = ConfigurationAsCodeTest.class.getName() + ".individualKey";
    private static final String TEAM_KEY_ID = "CASC123456";
    private static final String INDIVIDUAL_KEY_ID = "CASC654321";
    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";

    private static KeyPair teamKey;
    private static KeyPair individualKey;
    private static String previousCascConfig;

    @BeforeAll
    static void writeConfiguration(@TempDir Path dir) throws Exception {
        teamKey = TestKeys.p256();
        individualKey = TestKeys.p256();
        Path p8 = Files.writeString(dir.resolve("AuthKey_" + TEAM_KEY_ID + ".p8"), TestKeys.pkcs8Pem(teamKey), StandardCharsets.UTF_8);
        System.setProperty(KEY_PROPERTY, TestKeys.pkcs8Pem(individualKey).strip().replace("\n", "\\n"));
        String yaml = String.join("\n",
                "credentials:",
                "  system:",
                "    domainCredentials:",
                "      - credentials:",
                "          - appStoreConnectApiKey:",
                "              scope: GLOBAL",
                "              id: asc-team-key",
                "              description: \"App Store Connect (team key)\"",
                "              keyId: " + TEAM_KEY_ID,
                "              issuerId: " + ISSUER,
                // forward slashes: a Windows path with backslashes is not a valid YAML double-quoted string
                "              privateKey: \"${file:" + p8.toAbsolutePath().toString().replace('\\', '/') + "}\"",
                "          - appStoreConnectApiKey:",
                "              id: asc-individual-key",
                "              keyId: " + INDIVIDUAL_KEY_ID,
                "              privateKey: \"${sysProp:" + KEY_PROPERTY + "}\"",
                "              enterprise: true",
                "");
        Path config = Files.writeString(dir.resolve("jenkins.yaml"), yaml, StandardCharsets.UTF_8);
        previousCascConfig = System.setProperty(CASC_PROPERTY, config.toString());
    }

    @AfterAll
    static void forgetConfiguration() {
        // other test classes may run in this JVM: they must start Jenkins without our YAML
        if (previousCascConfig == null) {
            System.clearProperty(CASC_PROPERTY);
        } else {
            System.setProperty(CASC_PROPERTY, previousCascConfig);
        }
        System.clearProperty(KEY_PROPERTY);
    }

    @Test
    void credentialsComeFromTheYamlAtStartup(JenkinsRule r) {
        Map<String, AppStoreConnectApiKey> keys = keys();
        assertEquals(List.of("asc-individual-key", "asc-team-key"), keys.keySet().stream().sorted().toList());

        AppStoreConnectApiKey team = keys.get("asc-team-key");
        assertEquals(TEAM_KEY_ID, team.getKeyId());
        assertEquals(ISSUER, team.getIssuerId());
        assertEquals("App Store Connect (team key)", team.getDescription());
        assertFalse(team.isEnterprise());
        assertEquals(KeyFacts.fingerprint(teamKey), team.getFingerprint());
        KeyFacts.assertIsPkcs8Of(teamKey, team.getPrivateKey().getPlainText());

        AppStoreConnectApiKey individual = keys.get("asc-individual-key");
        assertEquals(INDIVIDUAL_KEY_ID, individual.getKeyId());
        assertNull(individual.getIssuerId());
        assertTrue(individual.isIndividual());
        assertTrue(individual.isEnterprise());
        assertEquals(KeyFacts.fingerprint(individualKey), individual.getFingerprint());
        KeyFacts.assertIsPkcs8Of(individualKey, individual.getPrivateKey().getPlainText());
    }

    @Test
    void exportPrintsTheKeysOnlyEncrypted(JenkinsRule r) throws Exception {
        String yaml;
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            WebRequest export = new WebRequest(new URL(r.getURL(), "configuration-as-code/export"), HttpMethod.POST);
            WebResponse response = wc.loadWebResponse(wc.addCrumb(export));
            assertEquals(200, response.getStatusCode());
            yaml = response.getContentAsString(StandardCharsets.UTF_8);
        }
        KeyFacts.assertNoKeyIn(yaml, TestKeys.pkcs8Pem(teamKey), "the exported YAML");
        KeyFacts.assertNoKeyIn(yaml, TestKeys.pkcs8Pem(individualKey), "the exported YAML");
        for (AppStoreConnectApiKey key : keys().values()) {
            KeyFacts.assertNoKeyIn(yaml, key.getPrivateKey().getPlainText(), "the exported YAML");
        }
        assertTrue(yaml.contains("appStoreConnectApiKey"), "exported under our symbol");
        assertTrue(yaml.contains("asc-team-key") && yaml.contains(TEAM_KEY_ID) && yaml.contains(ISSUER));
        assertTrue(yaml.contains("asc-individual-key") && yaml.contains(INDIVIDUAL_KEY_ID));

        // the keys are there in Jenkins' encrypted {...} form, which imports again on this controller
        List<String> exported = new ArrayList<>();
        Matcher m = Pattern.compile("privateKey:\\s*\"?(\\{[A-Za-z0-9+/=]+})\"?").matcher(yaml);
        while (m.find()) {
            Secret secret = Secret.decrypt(m.group(1));
            assertNotNull(secret, "an exported privateKey is not Jenkins' encrypted form");
            exported.add(secret.getPlainText());
        }
        List<String> stored = keys().values().stream().map(k -> k.getPrivateKey().getPlainText()).sorted().toList();
        // compared without printing the keys
        assertTrue(stored.equals(exported.stream().sorted().toList()),
                "the export holds " + exported.size() + " encrypted keys; they must be the 2 stored ones");
    }

    private static Map<String, AppStoreConnectApiKey> keys() {
        return CredentialsProvider.lookupCredentialsInItemGroup(AppStoreConnectApiKey.class, null, ACL.SYSTEM2).stream()
                .collect(Collectors.toMap(AppStoreConnectApiKey::getId, Function.identity()));
    }
}
