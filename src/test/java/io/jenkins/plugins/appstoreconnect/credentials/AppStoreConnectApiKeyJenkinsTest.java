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
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

/** The credential inside a real Jenkins: persistence, lookup and permission checks (real build only). */
@NeedsJenkins
@WithJenkins
class AppStoreConnectApiKeyJenkinsTest {
    private static final String KEY_ID = "2X9R4HXF34";
    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";

    private final String pem = TestKeys.pkcs8Pem(TestKeys.p256());

    @Test
    void storedEncryptedAndFoundByLookup(JenkinsRule r) throws Exception {
        AppStoreConnectApiKeyImpl key = new AppStoreConnectApiKeyImpl(
                CredentialsScope.GLOBAL, "asc-team-key", "", KEY_ID, ISSUER, Secret.fromString(pem));
        SystemCredentialsProvider.getInstance().getCredentials().add(key);
        SystemCredentialsProvider.getInstance().save();

        String xml = Files.readString(r.jenkins.getRootDir().toPath().resolve("credentials.xml"), StandardCharsets.UTF_8);
        String storedBody = key.getPrivateKey().getPlainText().split("\n")[1];
        assertFalse(xml.contains(storedBody.substring(0, 20)), "the key must be stored encrypted");
        assertFalse(xml.contains("BEGIN PRIVATE KEY"), "the key must be stored encrypted");
        assertTrue(xml.contains(KEY_ID) && xml.contains(key.getFingerprint()));

        List<AppStoreConnectApiKey> found =
                CredentialsProvider.lookupCredentialsInItemGroup(AppStoreConnectApiKey.class, r.jenkins, ACL.SYSTEM2);
        assertEquals(1, found.size());
        assertEquals(key.getFingerprint(), found.get(0).getFingerprint());
        assertEquals(ISSUER, found.get(0).getIssuerId());
        assertTrue(found.get(0).getPrivateKey().getPlainText().startsWith("-----BEGIN PRIVATE KEY-----\n"));
    }

    @Test
    void onlyCredentialAdminsGetAnswers(JenkinsRule r) throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        AppStoreConnectApiKeyImpl.DescriptorImpl descriptor =
                r.jenkins.getDescriptorByType(AppStoreConnectApiKeyImpl.DescriptorImpl.class);

        try (AdminBaseUrl url = AdminBaseUrl.appStoreConnect(AdminBaseUrl.nowhere());
                ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertEquals(FormValidation.Kind.OK, descriptor.doCheckPrivateKey(null, "not a key").kind,
                    "no validation answers for users who may not manage credentials");
            assertEquals(FormValidation.Kind.OK, descriptor.doCheckKeyId(null, "bad", null).kind);
            assertThrows(AccessDeniedException.class,
                    () -> descriptor.doTestConnection(null, KEY_ID, ISSUER, pem, false, null));
        }
        try (AdminBaseUrl url = AdminBaseUrl.appStoreConnect(AdminBaseUrl.nowhere());
                ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckPrivateKey(null, "not a key").kind);
            assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckKeyId(null, "bad", null).kind);
            FormValidation refused = descriptor.doTestConnection(null, KEY_ID, ISSUER, pem, false, null);
            assertEquals(FormValidation.Kind.ERROR, refused.kind);
        }
    }
}
