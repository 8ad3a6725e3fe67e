package io.jenkins.plugins.appstoreconnect.credentials;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;

/**
 * The same static checks as {@link ViewsAndWebMethodsTest}, for the Apple developer key, Maps token and CloudKit
 * forms and the Maps expiry monitor's view: well-formed views, a help file per field, @POST web methods.
 */
class AppleCredentialViewsTest {

    private static final List<Class<?>> FORMS = List.of(
            AppleDeveloperKeyImpl.class, MapsTokenImpl.class, CloudKitApiTokenImpl.class, CloudKitServerKeyImpl.class);

    private static String read(URL url) throws Exception {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void wellFormed(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyFormFieldHasHelpAndViewsAreWellFormed() throws Exception {
        for (Class<?> type : FORMS) {
            String dir = "/" + type.getName().replace('.', '/') + "/";
            URL config = type.getResource(dir + "credentials.jelly");
            assertNotNull(config, "no credentials.jelly for " + type.getSimpleName());
            String jelly = read(config);
            wellFormed(jelly);
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
                URL help = type.getResource(dir + "help-" + field + ".html");
                assertNotNull(help, type.getSimpleName() + ": field '" + field + "' has no help-" + field + ".html");
                wellFormed(read(help));
            }
        }
        URL monitor = MapsTokenExpiryMonitor.class.getResource("/" + MapsTokenExpiryMonitor.class.getName().replace('.', '/')
                + "/message.jelly");
        assertNotNull(monitor, "the monitor needs a message.jelly");
        wellFormed(read(monitor));
    }

    @Test
    void webMethodsArePostAndDescriptorsHaveSymbols() {
        for (Class<?> type : FORMS) {
            boolean descriptor = false;
            for (Class<?> nested : type.getDeclaredClasses()) {
                if (nested.isAnnotationPresent(org.jenkinsci.Symbol.class)) {
                    descriptor = true;
                }
                for (Method method : nested.getDeclaredMethods()) {
                    if (method.getName().startsWith("do") && Modifier.isPublic(method.getModifiers())) {
                        assertTrue(method.isAnnotationPresent(POST.class), nested.getName() + "#" + method.getName() + " must be @POST");
                    }
                }
            }
            assertTrue(descriptor, type.getSimpleName() + " needs a @Symbol descriptor for Configuration as Code");
        }
    }
}
