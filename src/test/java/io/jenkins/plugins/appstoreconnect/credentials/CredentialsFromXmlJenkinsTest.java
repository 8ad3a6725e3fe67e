package io.jenkins.plugins.appstoreconnect.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.security.ACL;
import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The credentials plugin's REST endpoint that creates a credential from XML: a well-formed one is normalised as
 * the form would do, one with a missing or malformed field is refused with the field named, and the credentials
 * page keeps working (real build only).
 */
@NeedsJenkins
@WithJenkins
class CredentialsFromXmlJenkinsTest {

    private static WebResponse post(JenkinsRule r, JenkinsRule.WebClient wc, String xml) throws Exception {
        WebRequest req = new WebRequest(new URL(r.getURL(), "credentials/store/system/domain/_/createCredentials"), HttpMethod.POST);
        req.setAdditionalHeader("Content-Type", "application/xml");
        req.setRequestBody(xml);
        return wc.loadWebResponse(wc.addCrumb(req));
    }

    @Test
    void xmlCreatedCredentialsAreCheckedAndTheListStillRenders(JenkinsRule r) throws Exception {
        String pem = TestKeys.pkcs8Pem(TestKeys.p256());
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.getOptions().setThrowExceptionOnFailingStatusCode(false);
            WebResponse ok = post(r, wc, "<io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKeyImpl>"
                    + "<scope>GLOBAL</scope><id>from-xml</id><keyId>2x9r4hxf34</keyId>"
                    + "<privateKey>" + pem + "</privateKey></io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKeyImpl>");
            assertEquals(200, ok.getStatusCode(), ok.getContentAsString());

            WebResponse missingKey = post(r, wc, "<io.jenkins.plugins.appstoreconnect.credentials.AppleDeveloperKeyImpl>"
                    + "<scope>GLOBAL</scope><id>no-key</id><teamId>DEF123GHIJ</teamId><keyId>ABC123DEFG</keyId>"
                    + "</io.jenkins.plugins.appstoreconnect.credentials.AppleDeveloperKeyImpl>");
            assertNotEquals(200, missingKey.getStatusCode());
            assertTrue(missingKey.getContentAsString().contains("privateKey"), "the field is named");

            WebResponse badTeam = post(r, wc, "<io.jenkins.plugins.appstoreconnect.credentials.AppleDeveloperKeyImpl>"
                    + "<scope>GLOBAL</scope><id>bad-team</id><teamId>not a team</teamId><keyId>ABC123DEFG</keyId>"
                    + "<privateKey>" + pem + "</privateKey></io.jenkins.plugins.appstoreconnect.credentials.AppleDeveloperKeyImpl>");
            assertNotEquals(200, badTeam.getStatusCode());
            assertFalse(badTeam.getContentAsString().contains(pem.split("\n")[1]), "the key is never shown");

            WebResponse list = wc.goTo("credentials/store/system/domain/_/").getWebResponse();
            assertEquals(200, list.getStatusCode());
            assertTrue(list.getContentAsString(StandardCharsets.UTF_8).contains("from-xml"));
        }
        List<AppStoreConnectApiKey> keys = CredentialsProvider.lookupCredentialsInItemGroup(AppStoreConnectApiKey.class, r.jenkins,
                ACL.SYSTEM2);
        assertEquals(1, keys.size(), "only the well-formed one was stored");
        assertEquals("2X9R4HXF34", keys.get(0).getKeyId(), "normalised as the form would do");
    }
}
