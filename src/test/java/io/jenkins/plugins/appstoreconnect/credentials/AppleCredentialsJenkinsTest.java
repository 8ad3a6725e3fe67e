package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

/** The Apple developer key, Maps token and CloudKit credentials inside a real Jenkins (real build only). */
@NeedsJenkins
@WithJenkins
class AppleCredentialsJenkinsTest {
    private static final String CK_TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private final KeyPair pair = TestKeys.p256();
    private final String pem = TestKeys.pkcs8Pem(pair);

    private String mapsJwt(Duration validFor) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ABC123DEFG").build(),
                new JWTClaimsSet.Builder().issuer("DEF123GHIJ").issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plus(validFor))).build());
        jwt.sign(new ECDSASigner((ECPrivateKey) pair.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void storedEncryptedFoundByLookupAndExpiringMapsTokensReported(JenkinsRule r) throws Exception {
        String mapsToken = mapsJwt(Duration.ofDays(5));
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "dev-key", "", "DEF123GHIJ", "ABC123DEFG",
                Secret.fromString(pem)));
        store.getCredentials().add(new MapsTokenImpl(CredentialsScope.GLOBAL, "maps", "", Secret.fromString(mapsToken),
                MapsTokenType.MAPKIT_JS, "example.com", null, null, null));
        store.getCredentials().add(new CloudKitApiTokenImpl(CredentialsScope.GLOBAL, "ck", "", "iCloud.com.example.MyApp",
                CloudKitEnvironment.PRODUCTION, Secret.fromString(CK_TOKEN), "", ""));
        store.getCredentials().add(new CloudKitServerKeyImpl(CredentialsScope.GLOBAL, "ck-s2s", "", "a5cf1b2c3d4e5f60718293a4b5c6d7e8",
                Secret.fromString(pem), "iCloud.com.example.MyApp", CloudKitEnvironment.DEVELOPMENT));
        store.save();

        String xml = Files.readString(r.jenkins.getRootDir().toPath().resolve("credentials.xml"), StandardCharsets.UTF_8);
        assertFalse(xml.contains("BEGIN PRIVATE KEY"), "keys are stored encrypted");
        assertFalse(xml.contains(mapsToken.substring(0, 30)), "the Maps token is stored encrypted");
        assertFalse(xml.contains(CK_TOKEN), "the CloudKit token is stored encrypted");
        assertTrue(xml.contains("DEF123GHIJ") && xml.contains("iCloud.com.example.MyApp"));

        List<MapsToken> maps = CredentialsProvider.lookupCredentialsInItemGroup(MapsToken.class, r.jenkins, ACL.SYSTEM2);
        assertEquals(1, maps.size());
        assertEquals(mapsToken, maps.get(0).getToken().getPlainText());
        assertEquals(1, CredentialsProvider.lookupCredentialsInItemGroup(AppleDeveloperKey.class, r.jenkins, ACL.SYSTEM2).size());
        assertEquals(1, CredentialsProvider.lookupCredentialsInItemGroup(CloudKitApiToken.class, r.jenkins, ACL.SYSTEM2).size());
        assertEquals(1, CredentialsProvider.lookupCredentialsInItemGroup(CloudKitServerKey.class, r.jenkins, ACL.SYSTEM2).size());

        MapsTokenExpiryMonitor monitor = new MapsTokenExpiryMonitor();
        assertTrue(monitor.isActivated(), "a token with 5 days left is reported");
        assertEquals("maps", monitor.getRows().get(0).getId());
        assertEquals(4, monitor.getRows().get(0).getDaysLeft());
    }

    @Test
    void onlyCredentialAdminsGetAnswers(JenkinsRule r) throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        AppleDeveloperKeyImpl.DescriptorImpl dev = r.jenkins.getDescriptorByType(AppleDeveloperKeyImpl.DescriptorImpl.class);
        CloudKitApiTokenImpl.DescriptorImpl ck = r.jenkins.getDescriptorByType(CloudKitApiTokenImpl.DescriptorImpl.class);
        MapsTokenImpl.DescriptorImpl maps = r.jenkins.getDescriptorByType(MapsTokenImpl.DescriptorImpl.class);

        try (AdminBaseUrl ckUrl = AdminBaseUrl.cloudKit(AdminBaseUrl.nowhere());
                AdminBaseUrl mapsUrl = AdminBaseUrl.maps(AdminBaseUrl.nowhere());
                ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertEquals(FormValidation.Kind.OK, dev.doCheckPrivateKey(null, "not a key").kind);
            assertEquals(FormValidation.Kind.OK, dev.doCheckTeamId(null, "bad").kind);
            assertThrows(AccessDeniedException.class,
                    () -> ck.doTestConnection(null, "iCloud.a.b", "development", CK_TOKEN, null));
            assertThrows(AccessDeniedException.class, () -> maps.doTestConnection(null, "t", null));
        }
        try (AdminBaseUrl ckUrl = AdminBaseUrl.cloudKit(AdminBaseUrl.nowhere());
                ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertEquals(FormValidation.Kind.ERROR, dev.doCheckPrivateKey(null, "not a key").kind);
            assertEquals(FormValidation.Kind.ERROR, dev.doCheckTeamId(null, "bad").kind);
            assertEquals(FormValidation.Kind.ERROR,
                    ck.doTestConnection(null, "iCloud.a.b", "development", CK_TOKEN, null).kind);
        }
    }
    /** The update page holds the stored token encrypted: its expiry still shows there, and only for that credential. */
    @Test
    void theUpdatePageShowsTheStoredMapsTokensExpiry(JenkinsRule r) throws Exception {
        MapsTokenImpl stored = new MapsTokenImpl(CredentialsScope.GLOBAL, "maps-edit", "", Secret.fromString(mapsJwt(Duration.ofDays(40))),
                MapsTokenType.MAPKIT_JS, "example.com", null, null, null);
        SystemCredentialsProvider.getInstance().getCredentials().add(stored);
        SystemCredentialsProvider.getInstance().save();
        MapsTokenImpl.DescriptorImpl maps = r.jenkins.getDescriptorByType(MapsTokenImpl.DescriptorImpl.class);
        String encrypted = stored.getToken().getEncryptedValue();

        FormValidation edited = maps.doCheckToken(null, encrypted, "MAPKIT_JS", "example.com", null, null, null, "14", "maps-edit");
        assertEquals(FormValidation.Kind.OK, edited.kind);
        assertTrue(FormAnswers.shown(edited).contains(Messages.MapsTokenImpl_FromToken()), FormAnswers.shown(edited));

        FormValidation other = maps.doCheckToken(null, encrypted, "MAPKIT_JS", "example.com", null, null, null, "14", "another-id");
        assertEquals(FormValidation.Kind.OK, other.kind);
        assertEquals(null, other.getMessage(), "an encrypted value of another credential is not described");
    }
}
