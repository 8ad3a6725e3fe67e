package io.jenkins.plugins.appstoreconnect.credentials;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * Static checks of what Jenkins would render, readable without a running Jenkins. The web methods' rules (POST,
 * permission checks, credential lists, plaintext fields) are in
 * {@link io.jenkins.plugins.appstoreconnect.websecurity.WebMethodSecurityTest}, which finds the classes by itself.
 */
class ViewsAndWebMethodsTest {

    private static final List<Class<?>> DESCRIBABLES = List.of(AppStoreConnectApiKeyImpl.class,
            // using the key in builds
            io.jenkins.plugins.appstoreconnect.steps.WithAppStoreConnectTokenStep.class,
            io.jenkins.plugins.appstoreconnect.steps.AppStoreConnectKeyWrapper.class,
            io.jenkins.plugins.appstoreconnect.steps.AppStoreConnectApiKeyBinding.class,
            // Apple developer key tokens, Maps and CloudKit in builds
            io.jenkins.plugins.appstoreconnect.steps.WithAppleTokenStep.class,
            io.jenkins.plugins.appstoreconnect.steps.AppleTokenBinding.class,
            io.jenkins.plugins.appstoreconnect.steps.MapsTokenBinding.class,
            io.jenkins.plugins.appstoreconnect.steps.CloudKitApiTokenBinding.class,
            io.jenkins.plugins.appstoreconnect.steps.CloudKitSignRequestStep.class);

    @Test
    void everyFormFieldHasHelpAndViewsAreWellFormed() throws Exception {
        for (Class<?> type : DESCRIBABLES) {
            String dir = "/" + type.getName().replace('.', '/') + "/";
            String page = type == AppStoreConnectApiKeyImpl.class ? "credentials.jelly" : "config.jelly";
            URL config = type.getResource(dir + page);
            assertNotNull(config, "no " + page + " for " + type.getSimpleName());
            String jelly;
            try (InputStream in = config.openStream()) {
                jelly = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(jelly.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            List<String> fields = new ArrayList<>();
            Matcher m = Pattern.compile("field=\"([A-Za-z]+)\"").matcher(jelly);
            while (m.find()) {
                fields.add(m.group(1));
            }
            Matcher h = Pattern.compile("getHelpFile\\('([A-Za-z]+)'\\)").matcher(jelly);
            while (h.find()) {
                fields.add(h.group(1));
            }
            assertFalse(fields.isEmpty());
            for (String field : fields) {
                assertNotNull(helpOf(type, field),
                        type.getSimpleName() + ": field '" + field + "' has no help-" + field + ".html");
            }
        }
    }

    /** The field's own help page, else the page of the step it shares help with (see SharedHelp); null if none. */
    private static URL helpOf(Class<?> type, String field) {
        URL own = type.getResource("/" + type.getName().replace('.', '/') + "/help-" + field + ".html");
        if (own != null) {
            return own;
        }
        Class<?> owner = io.jenkins.plugins.appstoreconnect.steps.SharedHelpFacts.ownerOf(type, field);
        return owner == null ? null : owner.getResource("/" + owner.getName().replace('.', '/') + "/help-" + field + ".html");
    }

    @Test
    void sharedHelpIsNotAlsoCopied() {
        for (Class<?> type : DESCRIBABLES) {
            for (String field : io.jenkins.plugins.appstoreconnect.steps.SharedHelpFacts.sharedFields(type)) {
                String own = "/" + type.getName().replace('.', '/') + "/help-" + field + ".html";
                assertTrue(type.getResource(own) == null, own + " would hide the shared help of the step");
                assertNotNull(helpOf(type, field), type.getSimpleName() + ": shared field '" + field + "' has no page at its owner");
            }
        }
    }
}
