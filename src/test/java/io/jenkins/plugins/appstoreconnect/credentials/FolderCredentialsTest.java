package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import static io.jenkins.plugins.appstoreconnect.credentials.WebMethods.DESCRIPTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.connect.SimulatedAppStoreConnectServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.ModifiableTopLevelItemGroup;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A key stored in a folder (the folder plugin's credentials store): jobs inside the folder find it, nothing
 * outside does, and the form's checks answer someone who may manage credentials in that folder only there.
 * Folders and jobs are created from their config.xml through jenkins-core's API, so the test needs no folder
 * plugin API at compile time (the offline build has none); the real build has the folder plugin on its test
 * classpath.
 */
@NeedsJenkins
@WithJenkins
class FolderCredentialsTest {
    private static final String KEY_ID = "FLDR123456";
    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    private static final String FOLDER_XML = "<com.cloudbees.hudson.plugins.folder.Folder><description>iOS team</description></com.cloudbees.hudson.plugins.folder.Folder>";
    private static final String FREESTYLE_XML = "<project/>";

    private final KeyPair pair = TestKeys.p256();
    private final String pem = TestKeys.pkcs8Pem(pair);

    @Test
    void aFolderKeyIsFoundInsideTheFolderOnly(JenkinsRule r) throws Exception {
        TopLevelItem folder = r.jenkins.createProjectFromXML("ios-team", xml(FOLDER_XML));
        TopLevelItem inside = ((ModifiableTopLevelItemGroup) folder).createProjectFromXML("app", xml(FREESTYLE_XML));
        TopLevelItem nested = ((ModifiableTopLevelItemGroup) folder).createProjectFromXML("releases", xml(FOLDER_XML));
        TopLevelItem deepInside = ((ModifiableTopLevelItemGroup) nested).createProjectFromXML("app-store", xml(FREESTYLE_XML));
        TopLevelItem outside = r.jenkins.createProjectFromXML("android", xml(FREESTYLE_XML));

        CredentialsStore store = storeOf(folder);
        assertTrue(store.addCredentials(Domain.global(), new AppStoreConnectApiKeyImpl(
                CredentialsScope.GLOBAL, "asc-folder-key", "", KEY_ID, ISSUER, Secret.fromString(pem))));

        for (Item item : List.of(inside, deepInside)) {
            List<AppStoreConnectApiKey> found = CredentialsProvider.lookupCredentialsInItem(AppStoreConnectApiKey.class, item, ACL.SYSTEM2);
            assertEquals(1, found.size(), "seen from a job inside the folder");
            assertEquals("asc-folder-key", found.get(0).getId());
            assertEquals(KeyFacts.fingerprint(pair), found.get(0).getFingerprint());
            KeyFacts.assertIsPkcs8Of(pair, found.get(0).getPrivateKey().getPlainText());
        }
        assertEquals(1, CredentialsProvider.lookupCredentialsInItemGroup(AppStoreConnectApiKey.class, (ItemGroup<?>) folder, ACL.SYSTEM2).size());

        assertTrue(CredentialsProvider.lookupCredentialsInItem(AppStoreConnectApiKey.class, outside, ACL.SYSTEM2).isEmpty(),
                "a job outside the folder must not see the folder's key");
        assertTrue(CredentialsProvider.lookupCredentialsInItemGroup(AppStoreConnectApiKey.class, r.jenkins, ACL.SYSTEM2).isEmpty(),
                "the folder's key is not a global key");

        // stored in the folder's config.xml, encrypted
        String config = Files.readString(r.jenkins.getRootDir().toPath().resolve("jobs/ios-team/config.xml"), StandardCharsets.UTF_8);
        assertTrue(config.contains(KEY_ID) && config.contains(KeyFacts.fingerprint(pair)), "the credential is in the folder's config.xml");
        KeyFacts.assertNoKeyIn(config, pem, "the folder's config.xml");
    }

    @Test
    void checksAnswerWhereTheUserMayManageCredentials(JenkinsRule r) throws Exception {
        TopLevelItem folder = r.jenkins.createProjectFromXML("ios-team", xml(FOLDER_XML));
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("lead")
                .grant(Item.READ, CredentialsProvider.CREATE).onItems(folder).to("lead"));
        try (SimulatedAppStoreConnectServer apple = new SimulatedAppStoreConnectServer()
                        .registerKey(KEY_ID, (ECPublicKey) pair.getPublic(), ISSUER);
                AdminBaseUrl url = AdminBaseUrl.appStoreConnect(apple.baseUrl());
                JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.login("lead");
            String inFolder = "job/ios-team/" + DESCRIPTOR;

            assertTrue(body(WebMethods.post(r, wc, inFolder + "checkPrivateKey", "value", "not a key")).startsWith("<div class=\"error\">"),
                    "in the folder the lead may create credentials, so the check answers");
            assertEquals("<div/>", body(WebMethods.post(r, wc, DESCRIPTOR + "checkPrivateKey", "value", "not a key")),
                    "at the top level the lead may not, so it does not");

            assertEquals(403, WebMethods.post(r, wc, DESCRIPTOR + "testConnection",
                    "keyId", KEY_ID, "issuerId", ISSUER, "privateKey", pem).getStatusCode());
            assertEquals(0, apple.requestCount());
            WebResponse test = WebMethods.post(r, wc, inFolder + "testConnection",
                    "keyId", KEY_ID, "issuerId", ISSUER, "privateKey", pem);
            assertTrue(body(test).startsWith("<div class=\"ok\">"), body(test) + " / " + apple.lastRejection());
            assertEquals(1, apple.requestCount());
        }
    }

    private static CredentialsStore storeOf(TopLevelItem folder) {
        for (CredentialsStore store : CredentialsProvider.lookupStores((ItemGroup<?>) folder)) {
            if (store.getContext() == folder) {
                return store;
            }
        }
        throw new AssertionError("the folder has no credentials store: is the folder plugin on the test classpath?");
    }

    private static String body(WebResponse response) {
        assertEquals(200, response.getStatusCode(), response.getWebRequest().getUrl().getPath());
        String body = response.getContentAsString(StandardCharsets.UTF_8).strip();
        assertFalse(body.isEmpty());
        return body;
    }

    private static InputStream xml(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
