package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenValidity;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Configuration as Code for the four credential types (Apple developer key, Apple Maps token, CloudKit API
 * token, CloudKit server-to-server key), as {@link ConfigurationAsCodeTest} does it: the YAML is written and
 * {@code casc.jenkins.config} set before Jenkins starts; keys are generated at test time and reach the YAML through
 * {@code ${file:…}}, the tokens through {@code ${sysProp:…}}. The export must show the secrets only encrypted.
 */
@NeedsJenkins
@WithJenkins
class AppleCredentialsCascTest {
    private static final String CASC_PROPERTY = "casc.jenkins.config";
    private static final String MAPS_PROPERTY = AppleCredentialsCascTest.class.getName() + ".mapsToken";
    private static final String CK_PROPERTY = AppleCredentialsCascTest.class.getName() + ".cloudKitToken";
    private static final String TEAM = "DEF123GHIJ";
    private static final String KID = "CASC7ABCDE";
    private static final String CK_KEY_ID = "a5cf1b2c3d4e5f60718293a4b5c6d7e8f9012345678901234567890abcdef123";

    private static KeyPair developerKey;
    private static KeyPair serverKey;
    private static String mapsToken;
    private static String cloudKitToken;
    private static String previousCascConfig;

    @BeforeAll
    static void writeConfiguration(@TempDir Path dir) throws Exception {
        developerKey = TestKeys.p256();
        serverKey = TestKeys.p256();
        mapsToken = "maps" + Long.toHexString(Double.doubleToLongBits(Math.random())) + "0123456789abcdef".repeat(3);
        cloudKitToken = "ck" + Long.toHexString(Double.doubleToLongBits(Math.random())) + "fedcba9876543210".repeat(3);
        System.setProperty(MAPS_PROPERTY, mapsToken);
        System.setProperty(CK_PROPERTY, cloudKitToken);
        Path p8 = Files.writeString(dir.resolve("AuthKey_" + KID + ".p8"), TestKeys.pkcs8Pem(developerKey), StandardCharsets.UTF_8);
        Path eckey = Files.writeString(dir.resolve("eckey.pem"), TestKeys.pkcs8Pem(serverKey), StandardCharsets.UTF_8);
        String yaml = String.join("\n",
                "credentials:",
                "  system:",
                "    domainCredentials:",
                "      - credentials:",
                "          - appleDeveloperKey:",
                "              scope: GLOBAL",
                "              id: apple-dev-key",
                "              description: \"Team key for WeatherKit and APNs\"",
                "              teamId: " + TEAM,
                "              keyId: " + KID,
                "              privateKey: \"${file:" + p8.toAbsolutePath().toString().replace('\\', '/') + "}\"",
                "          - appleMapsToken:",
                "              id: maps-web",
                "              token: \"${sysProp:" + MAPS_PROPERTY + "}\"",
                "              type: MAPKIT_JS",
                "              domains: \"example.com, *.example.com\"",
                "              validity: DAYS_90",
                // long expired: JCasC applies the YAML at every start, so an expired token must never stop Jenkins
                "              createdOn: \"2020-01-01\"",
                "              expiryWarningDays: 30",
                "          - appleMapsToken:",
                "              id: maps-dated",
                "              token: \"${sysProp:" + MAPS_PROPERTY + "}\"",
                "              validity: DATE",
                "              expiryDate: \"2020-06-30\"",
                "          - cloudKitApiToken:",
                "              id: ck-prod",
                "              container: iCloud.com.example.MyApp",
                "              environment: PRODUCTION",
                "              apiToken: \"${sysProp:" + CK_PROPERTY + "}\"",
                "              allowedOrigins: \"https://www.example.com\"",
                "          - cloudKitServerKey:",
                "              id: ck-s2s",
                "              keyId: " + CK_KEY_ID,
                "              privateKey: \"${file:" + eckey.toAbsolutePath().toString().replace('\\', '/') + "}\"",
                "              container: iCloud.com.example.MyApp",
                "              environment: DEVELOPMENT",
                "");
        Path config = Files.writeString(dir.resolve("jenkins.yaml"), yaml, StandardCharsets.UTF_8);
        previousCascConfig = System.setProperty(CASC_PROPERTY, config.toString());
    }

    @AfterAll
    static void forgetConfiguration() {
        if (previousCascConfig == null) {
            System.clearProperty(CASC_PROPERTY);
        } else {
            System.setProperty(CASC_PROPERTY, previousCascConfig);
        }
        System.clearProperty(MAPS_PROPERTY);
        System.clearProperty(CK_PROPERTY);
    }

    @Test
    void theFourCredentialTypesComeFromTheYaml(JenkinsRule r) {
        AppleDeveloperKey dev = one(AppleDeveloperKey.class, "apple-dev-key");
        assertEquals(TEAM, dev.getTeamId());
        assertEquals(KID, dev.getKeyId());
        assertEquals("Team key for WeatherKit and APNs", dev.getDescription());
        assertEquals(KeyFacts.fingerprint(developerKey), dev.getFingerprint());
        KeyFacts.assertIsPkcs8Of(developerKey, dev.getPrivateKey().getPlainText());

        MapsToken maps = one(MapsToken.class, "maps-web");
        assertTrue(mapsToken.equals(maps.getToken().getPlainText()), "the Maps token is the one in the YAML");
        assertEquals(MapsTokenType.MAPKIT_JS, maps.getType());
        assertEquals("example.com, *.example.com", maps.getDomains());
        assertEquals(MapsTokenValidity.DAYS_90, maps.getValidity());
        assertEquals(30, maps.getExpiryWarningDays());
        // Jenkins booted with two expired Maps tokens in its YAML; their expiry comes from the YAML alone (not from
        // when the YAML was applied), so it is the same after every restart, and builds refuse them at use
        assertEquals(java.time.Instant.parse("2020-03-31T00:00:00Z"), maps.getExpiresAt(), "90 days from the creation date");
        assertEquals("2020-01-01", maps.getCreatedOn());
        assertEquals(io.jenkins.plugins.appstoreconnect.core.maps.MapsExpiry.Status.EXPIRED, maps.status(java.time.Clock.systemUTC()));
        assertEquals(java.time.Instant.parse("2020-07-01T00:00:00Z"), one(MapsToken.class, "maps-dated").getExpiresAt());

        CloudKitApiToken ck = one(CloudKitApiToken.class, "ck-prod");
        assertEquals("iCloud.com.example.MyApp", ck.getContainer());
        assertEquals(CloudKitEnvironment.PRODUCTION, ck.getEnvironment());
        assertTrue(cloudKitToken.equals(ck.getApiToken().getPlainText()), "the CloudKit token is the one in the YAML");
        assertEquals("https://www.example.com", ck.getAllowedOrigins());

        CloudKitServerKey s2s = one(CloudKitServerKey.class, "ck-s2s");
        assertEquals(CK_KEY_ID, s2s.getKeyId());
        assertEquals(CloudKitEnvironment.DEVELOPMENT, s2s.getEnvironment());
        assertEquals(KeyFacts.fingerprint(serverKey), s2s.getFingerprint());
        KeyFacts.assertIsPkcs8Of(serverKey, s2s.getPrivateKey().getPlainText());
    }

    @Test
    void exportShowsTheSecretsOnlyEncrypted(JenkinsRule r) throws Exception {
        String yaml;
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            WebRequest export = new WebRequest(new URL(r.getURL(), "configuration-as-code/export"), HttpMethod.POST);
            WebResponse response = wc.loadWebResponse(wc.addCrumb(export));
            assertEquals(200, response.getStatusCode());
            yaml = response.getContentAsString(StandardCharsets.UTF_8);
        }
        KeyFacts.assertNoKeyIn(yaml, TestKeys.pkcs8Pem(developerKey), "the exported YAML");
        KeyFacts.assertNoKeyIn(yaml, TestKeys.pkcs8Pem(serverKey), "the exported YAML");
        KeyFacts.assertNoKeyIn(yaml, one(AppleDeveloperKey.class, "apple-dev-key").getPrivateKey().getPlainText(), "the exported YAML");
        KeyFacts.assertNoKeyIn(yaml, one(CloudKitServerKey.class, "ck-s2s").getPrivateKey().getPlainText(), "the exported YAML");
        assertFalse(yaml.contains(mapsToken), "the exported YAML holds the Maps token in clear");
        assertFalse(yaml.contains(cloudKitToken), "the exported YAML holds the CloudKit token in clear");
        assertFalse(yaml.contains("FAILED TO EXPORT"), "expired Maps tokens export like any credential");
        assertTrue(yaml.contains("maps-dated") && yaml.contains("2020-06-30") && yaml.contains("2020-01-01"),
                "the expired Maps tokens are exported with their dates");
        for (String symbol : List.of("appleDeveloperKey", "appleMapsToken", "cloudKitApiToken", "cloudKitServerKey")) {
            assertTrue(yaml.contains(symbol), "exported under " + symbol);
        }
        assertTrue(yaml.contains(TEAM) && yaml.contains(KID) && yaml.contains(CK_KEY_ID) && yaml.contains("iCloud.com.example.MyApp"));

        // each secret is there in Jenkins' encrypted {...} form, which imports again on this controller
        List<String> exported = new ArrayList<>();
        Matcher m = Pattern.compile("(?:privateKey|token|apiToken):\\s*\"?(\\{[A-Za-z0-9+/=]+})\"?").matcher(yaml);
        while (m.find()) {
            Secret secret = Secret.decrypt(m.group(1));
            assertNotNull(secret, "an exported secret is not Jenkins' encrypted form");
            exported.add(secret.getPlainText());
        }
        assertTrue(exported.contains(mapsToken) && exported.contains(cloudKitToken),
                "the export holds " + exported.size() + " encrypted secrets; the two tokens must be among them");
        assertTrue(exported.contains(one(AppleDeveloperKey.class, "apple-dev-key").getPrivateKey().getPlainText())
                && exported.contains(one(CloudKitServerKey.class, "ck-s2s").getPrivateKey().getPlainText()),
                "both stored keys are exported encrypted");
    }

    private static <C extends StandardCredentials> C one(Class<C> type, String id) {
        List<C> found = CredentialsProvider.lookupCredentialsInItemGroup(type, null, ACL.SYSTEM2).stream()
                .filter(c -> c.getId().equals(id)).toList();
        assertEquals(1, found.size(), "credentials of type " + type.getSimpleName() + " with ID " + id);
        return found.get(0);
    }
}
