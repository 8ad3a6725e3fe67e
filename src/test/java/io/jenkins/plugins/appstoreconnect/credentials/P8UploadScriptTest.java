package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.TestKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.BrowserVersion;
import org.htmlunit.MockWebConnection;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code p8upload.js} in HtmlUnit (the browser engine Jenkins' own UI tests use) on a simulated
 * credentials form ({@code SimulatedCredentialForm.html}: the fields, Jenkins' secret text area and a minimal
 * Behaviour; see the comment in that file for what is simulated). Needs no Jenkins, so it runs in both builds;
 * {@code CredentialFormUiTest} runs the same script on the real form in a running Jenkins.
 */
class P8UploadScriptTest {
    private static final String BASE = "http://asc.test/";
    private static final String SCRIPT = "/io/jenkins/plugins/appstoreconnect/credentials/AppStoreConnectApiKeyImpl/p8upload.js";
    private static final String FORM = "/io/jenkins/plugins/appstoreconnect/credentials/SimulatedCredentialForm.html";
    private static final String STORED_KEY_ID = "2X9R4HXF34";
    private static final long JS_WAIT_MILLIS = 10_000;

    @TempDir
    Path dir;

    private final String pem = TestKeys.pkcs8Pem(TestKeys.p256());
    private WebClient browser;
    private HtmlPage page;

    @BeforeEach
    void openForm() throws IOException {
        browser = new WebClient(BrowserVersion.BEST_SUPPORTED);
        browser.getOptions().setThrowExceptionOnScriptError(true);
        MockWebConnection web = new MockWebConnection();
        web.setResponse(new URL(BASE + "form.html"), resource(FORM), "text/html", StandardCharsets.UTF_8);
        web.setResponse(new URL(BASE + "p8upload.js"), resource(SCRIPT), "text/javascript", StandardCharsets.UTF_8);
        browser.setWebConnection(web);
        page = browser.getPage(BASE + "form.html");
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void uploadFillsTheKeyAndTheKeyIdAndOpensTheEmptySecretField() throws IOException {
        HtmlForm form = form("new-key");
        assertTrue(keyArea(form).hasAttribute("hidden"), "fixture: a new secret field starts hidden behind Add");

        upload(form, file("AuthKey_ABCDE12345.p8", pem));

        assertEquals("ABCDE12345", value(form, "_.keyId"));
        assertEquals("AuthKey_ABCDE12345.p8", value(form, "_.keyFileName"));
        assertEquals(pem, keyArea(form).getText());
        assertFalse(keyArea(form).hasAttribute("hidden"), "the key must be visible in the form, as after Add");
        assertTrue(button(form).hasAttribute("hidden"), "Add was pressed");
        assertEquals(List.of("new-key _.privateKey", "new-key _.keyId"), validationRequests(),
                "the key and the key ID (which compares with the file name) are checked again");
        // the other form on the page is untouched
        HtmlForm other = form("stored-key");
        assertEquals(STORED_KEY_ID, value(other, "_.keyId"));
        assertEquals("", value(other, "_.keyFileName"));
    }

    @Test
    void uploadOnAStoredKeyPressesReplaceSoThePageShowsWhatWillBeSaved() throws IOException {
        HtmlForm form = form("stored-key");
        String encrypted = keyArea(form).getText();
        assertTrue(encrypted.startsWith("{") && keyArea(form).hasAttribute("hidden"), "fixture: a concealed stored key");

        upload(form, file("AuthKey_ZZZZZ99999.p8", pem));

        assertEquals(pem, keyArea(form).getText(), "the new key replaces the stored one");
        assertFalse(keyArea(form).getText().contains(encrypted));
        assertFalse(keyArea(form).hasAttribute("hidden"));
        assertTrue(button(form).hasAttribute("hidden"), "Replace was pressed");
        assertFalse(form.querySelector(".secret-legend").asNormalizedText().contains("Concealed"),
                "the page no longer claims the stored key is what will be saved");
        assertEquals(STORED_KEY_ID, value(form, "_.keyId"), "a key ID already there is never overwritten");
        assertEquals("AuthKey_ZZZZZ99999.p8", value(form, "_.keyFileName"),
                "the file name goes to the server, which warns that it names another key");
        assertEquals(List.of("stored-key _.privateKey", "stored-key _.keyId"), validationRequests());
    }

    @Test
    void aTypedKeyIdIsKept() throws IOException {
        HtmlForm form = form("new-key");
        form.getInputByName("_.keyId").setValue("QQQQQ11111");

        upload(form, file("AuthKey_ABCDE12345.p8", pem));

        assertEquals("QQQQQ11111", value(form, "_.keyId"));
        assertEquals(pem, keyArea(form).getText());
    }

    @Test
    void choosingNoFileChangesNothing() throws IOException {
        HtmlForm form = form("stored-key");
        String before = keyArea(form).getText();
        HtmlFileInput input = form.querySelector("input.asc-p8-upload");

        input.setFiles();
        browser.waitForBackgroundJavaScript(JS_WAIT_MILLIS);

        assertEquals(before, keyArea(form).getText());
        assertTrue(keyArea(form).hasAttribute("hidden"));
        assertEquals("", value(form, "_.keyFileName"));
        assertEquals(List.of(), validationRequests());
    }

    /**
     * The browser fills the key ID from exactly the file names the server reads a key ID from
     * ({@link AppleIds#keyIdFromFileName}): otherwise the form would say "taken from the file name" for a key
     * ID that nothing fills in, or fill one the server then calls a mismatch.
     */
    @Test
    void keyIdFromTheFileNameAgreesWithTheServer() throws IOException {
        List<String> names = List.of(
                "AuthKey_ABCDE12345.p8",
                "AuthKey_abcde12345.p8",
                "authkey_ABCDE12345.P8",
                "AuthKey_ABCDE12345 (1).p8",
                "AuthKey_ABCDE12345(2).p8",
                "AuthKey_ABCDE12345-1.p8",
                "AuthKey_ABCDE12345 2.p8",
                "AuthKey_ABCDE12345 copy.p8",
                "AuthKey_ABCDE12345 copy 3.p8",
                "AuthKey_ABCDE12345 (12345).p8",
                "AuthKey_ABCDE1234.p8",
                "AuthKey_ABCDE123456.p8",
                "AuthKey_ABCDE-2345.p8",
                "AuthKey_ABCDE12345.p8.txt",
                "AuthKey_ABCDE12345.pem",
                "MyAuthKey_ABCDE12345.p8",
                "key.p8");
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            browser.close();
            openForm(); // a fresh page: the key ID field is empty again
            HtmlForm form = form("new-key");
            // one directory per name: names that differ only in case must not meet on Windows or macOS
            upload(form, file(i + "/" + name, pem));
            String server = AppleIds.keyIdFromFileName(name).orElse("");
            String browserSide = value(form, "_.keyId");
            if (!server.equals(browserSide)) {
                mismatches.add(name + ": server '" + server + "', browser '" + browserSide + "'");
            }
            assertEquals(pem, keyArea(form).getText(), name);
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        // the table covers both outcomes
        assertTrue(names.stream().anyMatch(n -> AppleIds.keyIdFromFileName(n).isPresent()));
        assertTrue(names.stream().anyMatch(n -> AppleIds.keyIdFromFileName(n).isEmpty()));
    }

    private void upload(HtmlForm form, Path file) {
        HtmlFileInput input = form.querySelector("input.asc-p8-upload");
        input.setFiles(file.toFile()); // fires "change", as a browser does
        browser.waitForBackgroundJavaScript(JS_WAIT_MILLIS); // FileReader answers asynchronously
    }

    private Path file(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private HtmlForm form(String id) {
        return page.getHtmlElementById(id);
    }

    private static HtmlTextArea keyArea(HtmlForm form) {
        return form.getTextAreaByName("_.privateKey");
    }

    private static DomElement button(HtmlForm form) {
        return form.querySelector(".secret-update-btn");
    }

    private static String value(HtmlForm form, String name) {
        return form.getInputByName(name).getValue();
    }

    private List<String> validationRequests() {
        List<String> requests = new ArrayList<>();
        for (DomElement entry : page.getHtmlElementById("validation-requests").getChildElements()) {
            requests.add(entry.getTextContent());
        }
        return requests;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = P8UploadScriptTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
