package io.jenkins.plugins.appstoreconnect.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames;
import io.jenkins.plugins.appstoreconnect.core.environment.KeyFileLayout;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code withCredentials([appStoreConnectApiKey(…)])}: the key's one-line forms are declared secret values, so that
 * credentials-binding, which masks the declared values one line at a time, masks a printed key file too. Its masking is
 * imitated here as it works (one alternation of the quoted values, longest first, applied to each line); the pipeline
 * test in {@link FreestyleAndBindingJenkinsTest} runs the real thing.
 */
class BindingKeyFormsTest {

    private static final String KID = "2X9R4HXF34";
    private final ParsedKey key = P256PrivateKeys.parse(TestKeys.pkcs8Pem(TestKeys.p256()));
    private final String pem = key.pkcs8Pem();
    private final String body = pem.replaceAll("-----[A-Z ]+-----", "").replace("\n", "");

    /** As credentials-binding masks: per line, every declared value, longest first. */
    private static String maskPerLine(String text, Collection<String> secrets) {
        Pattern p = Pattern.compile(secrets.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|")));
        StringBuilder out = new StringBuilder();
        for (String line : text.split("(?<=\n)")) {
            out.append(p.matcher(line).replaceAll(Matcher.quoteReplacement("****")));
        }
        return out.toString();
    }

    private void assertNoKeyPiece(String masked, String what) {
        for (int i = 0; i + 16 <= body.length(); i++) {
            assertFalse(masked.contains(body.substring(i, i + 16)), what + ": 16 characters of the key from " + i);
        }
        String b64 = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
        for (int i = 76; i + 16 <= b64.length() - 40; i++) { // past the armour and the fixed DER prefix
            assertFalse(masked.contains(b64.substring(i, i + 16)), what + ": 16 characters of the key's base64 from " + i);
        }
    }

    private List<String> printed() {
        Map<String, byte[]> files = KeyFileLayout.files(key, TokenRequest.team(KID, "57246542-96fe-1a63-e053-0824d011072a"));
        List<String> out = new ArrayList<>();
        for (byte[] content : files.values()) {
            out.add("+ cat file\n" + new String(content, StandardCharsets.UTF_8) + "\n+ done\n"); // the .p8 and fastlane's JSON
        }
        byte[] bytes = pem.getBytes(StandardCharsets.US_ASCII);
        out.add(Base64.getEncoder().encodeToString(bytes) + "\n");
        out.add(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(bytes) + "\n");
        out.add(Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(bytes) + "\n");
        out.add("KEY=" + body + "\n");
        out.add("{\"key\":\"" + pem.replace("/", "\\/").replace("\n", "\\n") + "\"}\n");
        out.add(pem.replace("\n", "\r\n"));
        return out;
    }

    @Test
    void theKeysOneLineFormsAreDeclaredSoAPrintedKeyFileIsMasked() {
        Map<String, String> declared = AppStoreConnectApiKeyBinding.keyFormVariables(KID, key);
        for (String p : printed()) {
            assertNoKeyPiece(maskPerLine(p, declared.values()), "printed");
        }
        // the control: with the token alone declared (as before), a printed key file shows the key
        String keyFile = printed().get(0).contains("BEGIN") ? printed().get(0) : printed().get(1);
        assertTrue(maskPerLine(keyFile, List.of("eyJhbGciOiJFUzI1NiJ9.x.y")).contains(pem.split("\n")[1]));
    }

    @Test
    void theVariablesAreValidNamesApartFromTheBindingsOwn() {
        Map<String, String> declared = AppStoreConnectApiKeyBinding.keyFormVariables(KID, key);
        assertTrue(declared.size() >= 4);
        for (String name : declared.keySet()) {
            assertTrue(name.matches("_ASC_KEY_" + KID + "_FORM_[0-9]+"), name);
        }
        assertFalse(declared.keySet().stream().anyMatch(EnvironmentNames.defaults().asMap().values()::contains));
        for (String value : declared.values()) {
            assertFalse(value.contains("\n") || value.contains("\r"), "one line each");
            assertTrue(value.length() >= 8);
        }
        assertEquals(declared, AppStoreConnectApiKeyBinding.keyFormVariables(KID, key), "the same names for the same key");
    }
}
