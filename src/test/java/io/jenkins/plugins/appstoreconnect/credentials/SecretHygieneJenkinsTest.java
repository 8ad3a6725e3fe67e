package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.SecretScan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The parts of the secret-hygiene audit ({@link SecretHygieneAuditTest}) that need a real Jenkins: the real XStream
 * form of saved credentials ({@code credentials.xml}) and the descriptor's {@code doCheck*} answers behind their
 * permission checks, with the key in every accepted form and pasted into every field (real build only).
 */
@NeedsJenkins
@WithJenkins
class SecretHygieneJenkinsTest {

    private static final String KEY_ID = "2X9R4HXF34";
    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";

    private final String pem = P256PrivateKeys.parse(TestKeys.pkcs8Pem(TestKeys.p256())).pkcs8Pem();
    private final List<String> forms = List.of(pem, pem.replace("\n", "\\n"), pem.replace("\n", "\r\n"),
            pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""),
            Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)));
    private final SecretScan scan = new SecretScan().key("the test key", pem);

    @Test
    void savedCredentialsHoldNoFormOfTheKey(JenkinsRule r) throws Exception {
        int n = 0;
        for (String form : forms) {
            SystemCredentialsProvider.getInstance().getCredentials().add(new AppStoreConnectApiKeyImpl(
                    CredentialsScope.GLOBAL, "asc-" + n++, "form " + n, KEY_ID, ISSUER, Secret.fromString(form)));
        }
        SystemCredentialsProvider.getInstance().save();
        String xml = Files.readString(r.jenkins.getRootDir().toPath().resolve("credentials.xml"), StandardCharsets.UTF_8);
        assertTrue(xml.contains(KEY_ID), "the credentials were saved");
        assertEquals(List.of(), scan.findAll(xml), "credentials.xml");
    }

    @Test
    void formChecksAnswerWithoutTheKey(JenkinsRule r) throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy().grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        AppStoreConnectApiKeyImpl.DescriptorImpl d = r.jenkins.getDescriptorByType(AppStoreConnectApiKeyImpl.DescriptorImpl.class);
        List<String> leaks = new ArrayList<>();
        try (AdminBaseUrl url = AdminBaseUrl.appStoreConnect(AdminBaseUrl.nowhere());
                ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            for (String form : forms) {
                for (FormValidation v : List.of(d.doCheckPrivateKey(null, form), d.doCheckPrivateKey(null, form.substring(0, 90)),
                        d.doCheckKeyId(null, form, null), d.doCheckIssuerId(null, form),
                        d.doTestConnection(null, KEY_ID, ISSUER, form, false, null))) {
                    scan.find(v.getMessage()).ifPresent(what -> leaks.add(v.kind + " message contains " + what));
                    scan.find(v.renderHtml()).ifPresent(what -> leaks.add(v.kind + " HTML contains " + what));
                }
            }
        }
        assertEquals(List.of(), leaks);
    }
}
