package io.jenkins.plugins.appstoreconnect.core.mask;

import static io.jenkins.plugins.appstoreconnect.core.mask.MaskFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The forms of a generated key, checked by masking text that tools would print. */
class SecretFormsTest {

    private static ParsedKey key;
    private static String pem;
    private static String body;
    private static Set<String> forms;
    private static SecretMasker masker;

    @BeforeAll
    static void key() {
        key = MaskFixtures.newKey();
        pem = key.pkcs8Pem();
        body = pem.replaceAll("-----[A-Z ]+-----", "").replace("\n", "");
        forms = SecretForms.of(key);
        masker = new SecretMasker(forms);
    }

    /** No window of {@code width} characters of {@code secret} survives in {@code masked}. */
    private static void assertNoWindow(String masked, String secret, int width, String what) {
        for (int i = 0; i + width <= secret.length(); i++) {
            if (masked.contains(secret.substring(i, i + width))) {
                fail("part of the key survives in " + what);
            }
        }
    }

    @Test
    void theSingleLineFormsAreTheFormsWithoutALineBreak() {
        Set<String> single = SecretForms.singleLine(key);
        for (String f : forms) {
            assertEquals(f.indexOf('\n') < 0 && f.indexOf('\r') < 0, single.contains(f), "form of " + f.length() + " characters");
        }
        assertTrue(single.contains(body));
        assertTrue(single.contains(pem.split("\n")[1]));
        assertTrue(single.contains(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))));
        assertTrue(single.contains(pem.replace("\n", "\\n")));
    }

    @Test
    void formsHoldLinesWholeJoinedBase64AndEscaped() {
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----")) {
                assertTrue(forms.contains(line), "a body line is missing");
            }
        }
        assertTrue(forms.contains(pem), "the PEM is missing");
        assertTrue(forms.contains(pem.replace("\n", "\r\n")), "the CRLF PEM is missing");
        assertTrue(forms.contains(body), "the joined body is missing");
        assertTrue(forms.contains(Base64.getEncoder().encodeToString(utf8(pem))), "base64 of the PEM is missing");
        assertTrue(forms.contains(pem.replace("\n", "\\n")), "the escaped PEM is missing");
        assertTrue(forms.contains(pem.replace("\n", "\\r\\n")), "the CRLF-escaped PEM is missing");
        for (String f : forms) {
            assertTrue(f.length() >= SecretForms.MIN_LENGTH, "a form is shorter than the minimum");
            assertFalse(f.equals("-----BEGIN PRIVATE KEY-----") || f.equals("-----END PRIVATE KEY-----"), "a PEM label line alone is a form");
        }
        assertTrue(forms.equals(SecretForms.of(pem.replace("\n", "\r\n"))), "CRLF input gives other forms");
        assertTrue(forms.equals(SecretForms.of("some text before\n" + pem + "and after")), "text around the block changes the forms");
    }

    @Test
    void keyPrintedAsToolsPrintItIsMasked() {
        String b64pem = Base64.getEncoder().encodeToString(utf8(pem));
        Map<String, String> printed = new java.util.LinkedHashMap<>();
        printed.put("cat", "+ cat AuthKey_ABCDE12345.p8\n" + pem + "+ next\n");
        printed.put("crlf", "type AuthKey.p8\r\n" + pem.replace("\n", "\r\n") + "done\r\n");
        printed.put("lines", "key line: " + String.join("\nkey line: ", pem.split("\n")) + "\n");
        printed.put("json", "{\"key_id\":\"ABCDE12345\",\"key\":" + JSONObjectUtils.toJSONString(Map.of("k", pem)).substring(5) + "\n");
        printed.put("json-slash", "\"key\":\"" + pem.replace("/", "\\/").replace("\n", "\\n") + "\"");
        printed.put("env", "APP_STORE_CONNECT_API_KEY_KEY=" + pem.replace("\n", "\\n") + "\n");
        printed.put("env-crlf", "KEY='" + pem.replace("\n", "\\r\\n") + "'\n");
        printed.put("base64", "key_content: " + b64pem + " is_key_content_base64: true\n");
        printed.put("base64-76", "export K=\"" + Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(utf8(pem)) + "\"\n");
        printed.put("base64-64", Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(utf8(pem)) + "\n");
        printed.put("der-base64", "der=" + body + ";\n");
        for (Map.Entry<String, String> e : printed.entrySet()) {
            String masked = masker.mask(e.getValue());
            assertTrue(masked.contains("****"), "nothing masked in " + e.getKey());
            assertNoWindow(masked, body, 12, e.getKey());
            assertNoWindow(masked, b64pem, 12, e.getKey());
        }
    }

    @Test
    void ordinaryLogTextIsUntouched() {
        String log = "-----BEGIN PRIVATE KEY-----\n(key printed elsewhere)\n-----END PRIVATE KEY-----\n"
                + "** BUILD SUCCEEDED ** MIGTAgEA eyJhbGciOiJFUzI1NiIs\n";
        assertTrue(log.equals(masker.mask(log)), "ordinary text was changed");
    }

    @Test
    void tokenForms() {
        String token = MaskFixtures.tokens(key, 1).get(0);
        // fixed messages: a failure must not print the token
        assertTrue(Set.of(token).equals(SecretForms.ofToken(token)), "the token is not its only form");
        assertTrue(Set.of(token).equals(SecretForms.ofToken(" " + token + "\n")), "the token is not stripped");
        assertEquals(Set.of(), SecretForms.ofToken("short"));
        SecretMasker m = new SecretMasker(SecretForms.ofToken(token));
        String header = token.substring(0, token.indexOf('.'));
        assertTrue(("Authorization: Bearer ****\nheader " + header).equals(m.mask("Authorization: Bearer " + token + "\nheader " + header)),
                "token not masked or header masked");
    }

    /**
     * The design claim behind masking re-minted tokens: every token of one key ID shares its first part, whatever
     * the claims. Checked with nimbus, which parses the header independently.
     */
    @Test
    void everyTokenOfAKeyIdSharesTheHeaderPrefix() throws Exception {
        List<String> tokens = MaskFixtures.varietyOfTokens(key, "ABCDE12345", 20);
        String prefix = SecretForms.tokenPrefix(tokens.get(0));
        for (String t : tokens) {
            assertTrue(t.startsWith(prefix), "a token with another header");
            com.nimbusds.jwt.SignedJWT jwt = com.nimbusds.jwt.SignedJWT.parse(t);
            assertEquals(Map.of("alg", "ES256", "kid", "ABCDE12345", "typ", "JWT"), jwt.getHeader().toJSONObject());
            assertTrue(jwt.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key.publicKey())), "signature");
        }
        assertEquals(prefix, jsonHeaderPrefix("ABCDE12345"), "prefix = base64url of the JSON header, and a dot");
        String other = SecretForms.tokenPrefix(MaskFixtures.varietyOfTokens(key, "ZYXWV98765", 1).get(0));
        assertFalse(other.equals(prefix), "another key ID, another prefix");

        SecretMasker m = new SecretMasker(SecretForms.of(key));
        m.addTokenPrefix(prefix);
        for (String t : tokens) {
            assertEquals("Bearer ****\n", m.mask("Bearer " + t + "\n"));
        }
        String foreign = MaskFixtures.varietyOfTokens(key, "ZYXWV98765", 1).get(0);
        assertTrue(("x " + foreign).equals(m.mask("x " + foreign)), "a token of another key ID is not ours to mask");
    }

    private static String jsonHeaderPrefix(String kid) {
        String json = "{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(json)) + ".";
    }

    @Test
    void notATokenIsRejectedWithoutEchoingIt() {
        String token = MaskFixtures.tokens(key, 1).get(0);
        String[] parts = token.split("\\.");
        for (String bad : List.of("", "abc", parts[0] + "." + parts[1], token + ".x", "." + parts[1] + "." + parts[2],
                parts[0] + "." + parts[1] + "." + parts[2] + "/", "e30." + parts[1] + "." + parts[2],
                "bm90IGpzb24." + parts[1] + "." + parts[2], "!!!!" + token)) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> SecretForms.tokenPrefix(bad));
            assertFalse(e.getMessage().contains(parts[1].substring(0, 10)) || e.getMessage().contains(parts[2].substring(0, 10)),
                    "the message echoes the token");
        }
    }

    @Test
    void notAPemIsRejectedWithoutEchoingIt() {
        for (String bad : List.of("", "MIGTAgEAMBMGByqGSM49AgEGCCqGSM49", "-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMG\n",
                "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> SecretForms.of(bad));
            assertFalse(e.getMessage().contains("MIGT"), "the message echoes the input");
        }
        assertThrows(NullPointerException.class, () -> SecretForms.of((String) null));
    }

    @Test
    void shortLastLinesAreLeftOut() {
        // 30 bytes: base64 of 40 characters, wrapped at 64: one line; wrapped at 76 with a 2-byte tail in base64-of-PEM
        String tiny = "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(new byte[30]) + "\n-----END PRIVATE KEY-----\n";
        for (String f : SecretForms.of(tiny)) {
            assertTrue(f.length() >= SecretForms.MIN_LENGTH, "a short fragment was kept");
        }
        assertTrue(new String(utf8(tiny), StandardCharsets.UTF_8).length() > 0);
    }
}
