package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.security.ACL;
import hudson.util.Secret;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlElementUtil;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The credentials form in a real Jenkins, driven through HtmlUnit as an admin would use it (the credentials
 * plugin's "Add credentials" and "Update credential" dialogs): upload the .p8 file or paste the key, what the
 * form shows after saving (fingerprint and "Key stored", never the key), and saving again without touching the
 * key. Every stored key is checked against the generated one with the JDK, not with our parser.
 */
@NeedsJenkins
@WithJenkins
class CredentialFormUiTest {
    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    private static final String STORE = "credentials/store/system/domain/_/";
    private static final long JS_WAIT_MILLIS = 10_000;

    @TempDir
    Path dir;

    private final KeyPair pair = TestKeys.p256();
    private final String pem = TestKeys.pkcs8Pem(pair);

    @Test
    void uploadedKeyIsStoredWithTheKeyIdFromItsFileNameAndNeverShownAgain(JenkinsRule r) throws Exception {
        Path p8 = file("AuthKey_UPLD123456.p8", pem);
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlForm form = openNewCredentialForm(wc);
            upload(wc, form, p8);
            assertEquals("UPLD123456", form.getInputByName("_.keyId").getValue(), "the key ID comes from the file name");
            assertTrue(form.getTextContent().contains(KeyFacts.fingerprint(pair)),
                    "the key's check (POST) answers with its fingerprint");
            form.getInputByName("_.issuerId").setValue(ISSUER);
            form.getInputByName("_.id").setValue("asc-uploaded");
            save(wc, form);

            AppStoreConnectApiKey stored = stored("asc-uploaded");
            assertEquals("UPLD123456", stored.getKeyId());
            assertEquals(ISSUER, stored.getIssuerId());
            assertEquals(KeyFacts.fingerprint(pair), stored.getFingerprint());
            KeyFacts.assertIsPkcs8Of(pair, stored.getPrivateKey().getPlainText());

            for (String page : List.of(STORE, STORE + "credential/asc-uploaded", STORE + "credential/asc-uploaded/updateDialog")) {
                KeyFacts.assertNoKeyIn(fetch(r, wc, page), pem, page);
            }
            String dialog = fetch(r, wc, STORE + "credential/asc-uploaded/updateDialog");
            assertTrue(dialog.contains(KeyFacts.fingerprint(pair)), "the update form shows the fingerprint");
            assertTrue(dialog.contains("Key stored"), "the update form says the key is stored");
        }
    }

    @Test
    void pastedKeyInAnotherFormIsStoredAsPkcs8(JenkinsRule r) throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlForm form = openNewCredentialForm(wc);
            click(form.querySelector(".secret-update-btn")); // "Add", as a person does before pasting
            // the one-line form with literal \n, as environment variables and JSON carry keys
            form.getTextAreaByName("_.privateKey").setText(pem.strip().replace("\n", "\\n"));
            form.getInputByName("_.keyId").setValue("PSTE123456");
            form.getInputByName("_.id").setValue("asc-pasted");
            save(wc, form);
        }
        AppStoreConnectApiKey stored = stored("asc-pasted");
        assertEquals("PSTE123456", stored.getKeyId());
        assertTrue(stored.isIndividual(), "no issuer ID: an individual key");
        assertEquals(KeyFacts.fingerprint(pair), stored.getFingerprint());
        KeyFacts.assertIsPkcs8Of(pair, stored.getPrivateKey().getPlainText());
    }

    @Test
    void aKeyIdThatDiffersFromTheFileNameIsAWarning(JenkinsRule r) throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlForm form = openNewCredentialForm(wc);
            form.getInputByName("_.keyId").setValue("TYPED12345");
            upload(wc, form, file("AuthKey_FILE123456.p8", pem));
            assertEquals("TYPED12345", form.getInputByName("_.keyId").getValue(), "a typed key ID is kept");
            assertTrue(form.getTextContent().contains(Messages.CredentialFormChecks_KeyIdMismatch("TYPED12345", "FILE123456")),
                    "the key ID check compares with the uploaded file's name");
        }
    }

    @Test
    void savingAgainWithoutTouchingTheKeyKeepsIt(JenkinsRule r) throws Exception {
        store(new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "asc-stored", "before", "STRD123456", ISSUER, Secret.fromString(pem)));
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlPage page = wc.goTo(STORE + "credential/asc-stored");
            HtmlForm form = openUpdateDialog(page);
            assertTrue(form.getTextContent().contains(KeyFacts.fingerprint(pair)));
            KeyFacts.assertNoKeyIn(page.asXml(), pem, "the page with the update dialog");
            form.getInputByName("_.description").setValue("after");
            save(wc, form);
        }
        AppStoreConnectApiKey stored = stored("asc-stored");
        assertEquals("after", stored.getDescription());
        assertEquals("STRD123456", stored.getKeyId());
        assertEquals(KeyFacts.fingerprint(pair), stored.getFingerprint());
        KeyFacts.assertIsPkcs8Of(pair, stored.getPrivateKey().getPlainText());
    }

    @Test
    void uploadingOnAStoredKeyReplacesIt(JenkinsRule r) throws Exception {
        store(new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "asc-rotated", "", "ROTA123456", ISSUER, Secret.fromString(pem)));
        KeyPair next = TestKeys.p256();
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlForm form = openUpdateDialog(wc.goTo(STORE + "credential/asc-rotated"));
            upload(wc, form, file("AuthKey_ROTA123456.p8", TestKeys.pkcs8Pem(next)));
            save(wc, form);
        }
        AppStoreConnectApiKey stored = stored("asc-rotated");
        assertEquals(KeyFacts.fingerprint(next), stored.getFingerprint());
        KeyFacts.assertIsPkcs8Of(next, stored.getPrivateKey().getPlainText());
    }

    @Test
    void theAddDialogShowsTheScopeFieldAroundOurForm(JenkinsRule r) throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlForm form = openNewCredentialForm(wc);
            HtmlSelect scope = form.getSelectByName("_.scope");
            assertNotNull(scope.getOptionByValue(CredentialsScope.SYSTEM.name()), "System can be chosen");
            assertNotNull(scope.getOptionByValue(CredentialsScope.GLOBAL.name()), "Global can be chosen");
            assertNotNull(form.getInputByName("_.keyId"), "our fields are in the dialog");
            assertNotNull(form.getInputByName("_.id"), "the ID and description part is in the dialog");
        }
    }

    @Test
    void aKeyAddedWithSystemScopeIsStoredWithIt(JenkinsRule r) throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlForm form = openNewCredentialForm(wc);
            form.getSelectByName("_.scope").getOptionByValue(CredentialsScope.SYSTEM.name()).setSelected(true);
            upload(wc, form, file("AuthKey_SYST123456.p8", pem));
            form.getInputByName("_.issuerId").setValue(ISSUER);
            form.getInputByName("_.id").setValue("asc-system-added");
            save(wc, form);
        }
        assertEquals(CredentialsScope.SYSTEM, systemStored("asc-system-added").getScope());
    }

    @Test
    void aSystemKeySavedUnchangedStaysSystem(JenkinsRule r) throws Exception {
        store(new AppStoreConnectApiKeyImpl(CredentialsScope.SYSTEM, "asc-system", "kept", "SYSK123456", ISSUER, Secret.fromString(pem)));
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlForm form = openUpdateDialog(wc.goTo(STORE + "credential/asc-system"));
            assertEquals(CredentialsScope.SYSTEM.name(), form.getSelectByName("_.scope").getSelectedOptions().get(0).getValueAttribute(),
                    "the update dialog shows the stored scope");
            save(wc, form);
        }
        AppStoreConnectApiKeyImpl stored = systemStored("asc-system");
        assertEquals(CredentialsScope.SYSTEM, stored.getScope(), "saving without a change must not drop the scope");
        assertEquals("kept", stored.getDescription());
        assertEquals(KeyFacts.fingerprint(pair), stored.getFingerprint());
    }

    /** Every credential type survives its update dialog saved unchanged: the same data-bound values afterwards. */
    @Test
    void everyCredentialTypeSurvivesItsUpdateDialog(JenkinsRule r) throws Exception {
        String ckToken = "0123456789abcdef".repeat(4);
        List<com.cloudbees.plugins.credentials.Credentials> all = List.of(
                new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "rt-asc", "d", "RTAS123456", ISSUER, Secret.fromString(pem)),
                new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "rt-dev", "d", "DEF123GHIJ", "ABC123DEFG", Secret.fromString(pem)),
                new MapsTokenImpl(CredentialsScope.GLOBAL, "rt-maps", "d", Secret.fromString("opaque-maps-token-0123456789"),
                        io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType.SERVER_API, "example.com",
                        io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenValidity.DAYS_90, "", "2026-01-01"),
                new CloudKitApiTokenImpl(CredentialsScope.GLOBAL, "rt-ck", "d", "iCloud.com.example.MyApp",
                        io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment.PRODUCTION, Secret.fromString(ckToken),
                        "https://example.com/cb", "https://example.com"),
                new CloudKitServerKeyImpl(CredentialsScope.GLOBAL, "rt-s2s", "d", "a5cf1b2c3d4e5f60718293a4b5c6d7e8",
                        Secret.fromString(pem), "iCloud.com.example.MyApp",
                        io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment.DEVELOPMENT));
        for (com.cloudbees.plugins.credentials.Credentials c : all) {
            SystemCredentialsProvider.getInstance().getCredentials().add(c);
        }
        SystemCredentialsProvider.getInstance().save();
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            for (com.cloudbees.plugins.credentials.Credentials before : all) {
                String id = ((com.cloudbees.plugins.credentials.common.IdCredentials) before).getId();
                save(wc, openUpdateDialog(wc.goTo(STORE + "credential/" + id)));
                com.cloudbees.plugins.credentials.Credentials after = SystemCredentialsProvider.getInstance().getCredentials().stream()
                        .filter(c -> ((com.cloudbees.plugins.credentials.common.IdCredentials) c).getId().equals(id)).findFirst()
                        .orElseThrow(() -> new AssertionError(id + " is gone after saving"));
                r.assertEqualDataBoundBeans(before, after);
            }
        }
    }

    /** The credential of that ID in the system store, whatever its scope (lookups leave SYSTEM ones out for items). */
    private static AppStoreConnectApiKeyImpl systemStored(String id) {
        return SystemCredentialsProvider.getInstance().getCredentials().stream()
                .filter(c -> c instanceof AppStoreConnectApiKeyImpl k && k.getId().equals(id))
                .map(AppStoreConnectApiKeyImpl.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no credential " + id + " in the system store"));
    }

    /** "Add Credentials" on the system store, then our kind: the credentials plugin's two-step dialog. */
    private static HtmlForm openNewCredentialForm(JenkinsRule.WebClient wc) throws Exception {
        HtmlPage page = wc.goTo(STORE);
        click(page.querySelector("button[data-type='credentials-add-store-item']"));
        HtmlForm chooser = page.getFormByName("dialog");
        click(chooser.querySelector("input[name='kind'][value='" + AppStoreConnectApiKeyImpl.class.getName() + "']"));
        click(page.querySelector("#cr-dialog-next"));
        HtmlForm form = page.getFormByName("newCredentials");
        assertNotNull(form.querySelector("input.asc-p8-upload"), "our form is in the dialog");
        return form;
    }

    private static HtmlForm openUpdateDialog(HtmlPage credentialPage) throws IOException {
        click(credentialPage.querySelector("button[data-type='credentials-update']"));
        HtmlForm form = credentialPage.querySelector("#credentials-dialog-form");
        assertNotNull(form, "the update dialog is open");
        return form;
    }

    private static void upload(JenkinsRule.WebClient wc, HtmlForm form, Path file) {
        HtmlFileInput input = form.querySelector("input.asc-p8-upload");
        input.setFiles(file.toFile()); // fires "change"
        wc.waitForBackgroundJavaScript(JS_WAIT_MILLIS); // FileReader and the field checks answer asynchronously
    }

    private static void save(JenkinsRule.WebClient wc, HtmlForm form) throws IOException {
        click(form.querySelector("#cr-dialog-submit"));
        wc.waitForBackgroundJavaScript(JS_WAIT_MILLIS);
    }

    private static void click(HtmlElement element) throws IOException {
        assertNotNull(element);
        HtmlElementUtil.click(element);
    }

    private static String fetch(JenkinsRule r, JenkinsRule.WebClient wc, String path) throws IOException {
        WebResponse response = wc.loadWebResponse(new WebRequest(new URL(r.getURL(), path)));
        assertEquals(200, response.getStatusCode(), path);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static void store(AppStoreConnectApiKeyImpl key) throws IOException {
        SystemCredentialsProvider.getInstance().getCredentials().add(key);
        SystemCredentialsProvider.getInstance().save();
    }

    private static AppStoreConnectApiKey stored(String id) {
        List<AppStoreConnectApiKey> keys =
                CredentialsProvider.lookupCredentialsInItemGroup(AppStoreConnectApiKey.class, null, ACL.SYSTEM2);
        return keys.stream().filter(k -> k.getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no credential " + id + " was stored; found " + keys));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
